// Language: `Pin::set` replacing a pinned future (tokio::pin! and Box::pin), and `.into()` from strings —
// through the program's own `From<&str>`, into `String`, `Vec<u8>` and `Box<str>`.
use std::pin::Pin;
use std::time::Duration;

#[derive(Debug)]
struct Name(String);
impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name(s.trim().to_lowercase())
    }
}

async fn countdown(label: &'static str, n: u64) -> String {
    tokio::time::sleep(Duration::from_millis(10 * n)).await;
    format!("{label} after {n}0 ms")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let n: Name = "  ADA ".into();
    let s: String = "text".into();
    let bytes: Vec<u8> = "hé".into();
    let owned: Vec<u8> = String::from("ok").into();
    let b: Box<str> = "boxed".into();
    println!("{:?} {s} {:?} {:?} {b}", n, bytes, owned);
    let names: Vec<Name> = ["X", " y "].iter().map(|&x| x.into()).collect();
    println!("{:?}", names);

    let fut = countdown("first", 5);
    tokio::pin!(fut);
    let mut ticks = 0;
    loop {
        tokio::select! {
            out = &mut fut => {
                println!("done: {out} (ticks {ticks})");
                break;
            }
            _ = tokio::time::sleep(Duration::from_millis(20)) => {
                ticks += 1;
                if ticks == 1 {
                    fut.set(countdown("second", 3));
                    println!("replaced the pinned future at tick {ticks}");
                }
            }
        }
    }
    let mut boxed: Pin<Box<_>> = Box::pin(countdown("boxed", 9));
    boxed.set(countdown("boxed again", 1));
    println!("{}", boxed.await);
}
