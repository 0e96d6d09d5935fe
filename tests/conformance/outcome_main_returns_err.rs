// main may return Result: returning Err prints "Error: <Debug of the error>" to stderr and the
// process exits with status 1.
async fn load(n: u32) -> Result<u32, String> {
    if n > 2 {
        return Err(format!("value {n} too large"));
    }
    Ok(n * 10)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), String> {
    for n in 1..=5 {
        let v = load(n).await?;
        println!("loaded {v}");
    }
    println!("never printed");
    Ok(())
}
