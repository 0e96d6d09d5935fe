// Language: ownership made visible with Drop — locals drop in reverse order at the end of scope,
// shadowing does not drop, drop() drops now, Vec elements drop in order. An `async move` block that
// only reads a Copy field captures just that field (edition 2021), so the struct stays in main.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

fn make_and_return() -> Noisy {
    let _temp = Noisy("temp in make_and_return");
    Noisy("returned")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("block start");
    {
        let _a = Noisy("a");
        let _b = Noisy("b");
        let _ = Noisy("underscore pattern, dropped at once");
        println!("end of block");
    }
    println!("shadowing:");
    let x = Noisy("first x");
    let x = Noisy("second x");
    println!("shadowed, both still alive ({})", x.0);

    println!("explicit drop:");
    let early = Noisy("early");
    drop(early);
    println!("after drop(early)");

    println!("returned value:");
    let r = make_and_return();
    println!("got {}", r.0);

    println!("moved into a task:");
    let moved = Noisy("moved into task");
    let handle = tokio::spawn(async move {
        println!("  task uses {}", moved.0);
        tokio::task::yield_now().await;
        println!("  task ends");
    });
    handle.await.unwrap();
    let whole = Noisy("whole value moved into task");
    let handle = tokio::spawn(async move {
        let owned = whole; // uses the whole value: it is moved in and dropped when the task ends
        println!("  task owns {}", owned.0);
    });
    handle.await.unwrap();
    println!("after the second task");

    println!("vec:");
    let v = vec![Noisy("v0"), Noisy("v1"), Noisy("v2")];
    let mut v = v;
    let popped = v.pop();
    drop(v);
    println!("vec dropped, popped still {}", popped.as_ref().map(|n| n.0).unwrap_or("-"));

    println!("option replace:");
    let mut slot = Some(Noisy("slot old"));
    slot = Some(Noisy("slot new"));
    println!("replaced ({})", slot.as_ref().unwrap().0);
    println!("end of main");
}
