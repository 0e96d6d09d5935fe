// Language: `?` in async fns returning Result: the first Err short-circuits the function and is
// returned to the caller; Ok values flow through, also across .await.
fn check_even(n: u32) -> Result<u32, String> {
    if n % 2 == 0 {
        Ok(n)
    } else {
        Err(format!("{n} is odd"))
    }
}

async fn halve(n: u32) -> Result<u32, String> {
    tokio::task::yield_now().await;
    let even = check_even(n)?;
    Ok(even / 2)
}

async fn halve_twice(n: u32) -> Result<u32, String> {
    let once = halve(n).await?;
    println!("  halved {n} once: {once}");
    let twice = halve(once).await?;
    Ok(twice)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for n in vec![12u32, 6, 7] {
        match halve_twice(n).await {
            Ok(v) => println!("halve_twice({n}) = Ok({v})"),
            Err(e) => println!("halve_twice({n}) = Err({e})"),
        }
    }
    println!("debug form: {:?}", halve_twice(10).await);
}
