// A runtime built with `enable_time` only has no I/O driver: binding a TcpListener on it panics with
// tokio's "IO is disabled" message; the panic unwinds out of block_on into main.
use tokio::net::TcpListener;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().enable_time().build().unwrap();
    rt.block_on(async {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        println!("timers work");
        let result = tokio::spawn(async { TcpListener::bind("127.0.0.1:0").await.map(|_| ()) }).await;
        println!("bind in a task: panicked = {}", result.unwrap_err().is_panic());
    });
}
