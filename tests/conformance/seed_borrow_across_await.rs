// Seed example (async notes, pinning): `let y = &x` held across an .await. The future stores x and
// a reference to it, which is why it must not move once polled; Box::pin and pin! fix its address.
async fn some_other_fn() {
    tokio::task::yield_now().await;
    println!("some_other_fn done");
}

async fn my_async_fn() {
    let x = 10;
    let y = &x; // y points to x
    some_other_fn().await; // The function pauses here
    println!("{}", y);
}

async fn sum_with_borrow(values: Vec<u32>) -> u32 {
    let first = &values[0];
    let rest = &values[1..];
    some_other_fn().await;
    first + rest.iter().sum::<u32>()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    my_async_fn().await;

    let boxed = Box::pin(my_async_fn());
    println!("boxed and pinned, not yet polled");
    boxed.await;

    let on_stack = std::pin::pin!(sum_with_borrow(vec![5, 6, 7]));
    println!("pinned on the stack");
    let total = on_stack.await;
    println!("total = {total}");
}
