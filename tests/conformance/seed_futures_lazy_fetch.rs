// Seed example (async notes, futures): calling an async fn only builds a future ("Nothing has
// happened yet!"); its body runs when the future is awaited, and a dropped future never runs.
async fn fetch_data(source: &str) -> Vec<u32> {
    println!("fetch_data({source}): running");
    tokio::task::yield_now().await;
    println!("fetch_data({source}): finished");
    vec![3, 1, 2]
}

fn process(mut data: Vec<u32>) -> Vec<u32> {
    data.sort();
    data
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let future_data = fetch_data("db"); // Nothing has happened yet!
    println!("future created; fetch_data has not printed anything");
    let processed_data = process(future_data.await); // Now we pause and wait for the result
    println!("processed_data = {:?}", processed_data);

    let never = fetch_data("cache");
    drop(never);
    println!("the dropped future never ran");

    let a = fetch_data("a");
    let b = fetch_data("b");
    println!("two futures created");
    let (x, y) = tokio::join!(b, a);
    println!("joined: {} + {} items", x.len(), y.len());
}
