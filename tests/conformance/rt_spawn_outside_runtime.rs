// `tokio::spawn` needs a runtime: called from a plain `fn main` with no runtime entered, it panics
// with tokio's message (exit code 101). Everything printed before the panic is kept.
fn main() {
    println!("about to spawn without a runtime");
    let h = tokio::spawn(async { 42 });
    println!("never printed {:?}", h.is_finished());
}
