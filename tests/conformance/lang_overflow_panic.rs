// Language: arithmetic overflow panics with Rust's message (built with overflow checks, as under
// `cargo run`). A task's overflow becomes a JoinError; then main's own u8 addition overflows (exit 101).
fn add_all(values: &[u8]) -> u8 {
    let mut total: u8 = 0;
    for v in values {
        total += v;
        println!("  running total {total}");
    }
    total
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        let mut x: i32 = i32::MAX - 2;
        for _ in 0..5 {
            x *= 2;
        }
        x
    });
    match task.await {
        Ok(v) => println!("task returned {v}"),
        Err(e) => println!("task panicked: {}", e.is_panic()),
    }
    println!("checked instead: {:?}", (i32::MAX - 2).checked_mul(2));
    println!("small sum: {}", add_all(&[100, 50]));
    println!("big sum: {}", add_all(&[100, 50, 160]));
    println!("never printed");
}
