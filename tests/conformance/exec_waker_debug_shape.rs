// `{:?}` of a Waker and a Context prints raw pointers, different on every run; this program prints the
// shape (each hex number replaced by `0x_`) and which wakers print alike: clones of one waker do, wakers
// of two different tasks do not, and the no-op waker's data pointer is null.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

fn shape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '0' && chars.peek() == Some(&'x') {
            chars.next();
            let mut zero = true;
            while let Some(d) = chars.peek() {
                if d.is_ascii_hexdigit() {
                    if *d != '0' {
                        zero = false;
                    }
                    chars.next();
                } else {
                    break;
                }
            }
            out.push_str(if zero { "0x0" } else { "0x_" });
        } else {
            out.push(c);
        }
    }
    out
}

struct Grab(Arc<Mutex<Option<Waker>>>);
impl Future for Grab {
    type Output = String;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        *self.0.lock().unwrap() = Some(cx.waker().clone());
        Poll::Ready(format!("{:?}", cx))
    }
}

struct Flag;
impl Wake for Flag {
    fn wake(self: Arc<Self>) {}
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let slot_a = Arc::new(Mutex::new(None));
    let slot_b = Arc::new(Mutex::new(None));
    let a = tokio::spawn(Grab(slot_a.clone())).await.unwrap();
    let _b = tokio::spawn(Grab(slot_b.clone())).await.unwrap();
    println!("context: {}", shape(&a));
    let wa = slot_a.lock().unwrap().clone().unwrap();
    let wb = slot_b.lock().unwrap().clone().unwrap();
    println!("task waker: {}", shape(&format!("{:?}", wa)));
    println!("clone prints alike: {}", format!("{:?}", wa) == format!("{:?}", wa.clone()));
    println!("two tasks print alike: {}", format!("{:?}", wa) == format!("{:?}", wb));
    let own = Waker::from(Arc::new(Flag));
    println!("own waker: {}", shape(&format!("{:?}", own)));
    println!("own vs task vtable differ: {}", format!("{:?}", own) != format!("{:?}", wa));
    println!("noop: {}", shape(&format!("{:?}", futures::task::noop_waker())));
    println!("pretty:\n{}", shape(&format!("{:#?}", Context::from_waker(&own))));
}
