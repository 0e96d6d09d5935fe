// Language: implementing your own traits for built-in types — i32, bool, str, String, Vec<T>,
// Option<T>, tuples — including generic impls with bounds, and an extension trait on u64/String.
trait Describe { fn describe(&self) -> String; }

impl Describe for i32 {
    fn describe(&self) -> String {
        if *self < 0 { format!("negative {}", -self) } else { format!("int {}", self) }
    }
}

impl Describe for bool {
    fn describe(&self) -> String { (if *self { "yes" } else { "no" }).to_string() }
}

impl Describe for str {
    fn describe(&self) -> String { format!("text of {} chars", self.chars().count()) }
}

impl Describe for String { fn describe(&self) -> String { self.as_str().describe() } }

impl<T: Describe> Describe for Vec<T> {
    fn describe(&self) -> String {
        let parts: Vec<String> = self.iter().map(|x| x.describe()).collect();
        format!("[{}]", parts.join(", "))
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(&self) -> String {
        match self {
            Some(x) => format!("some {}", x.describe()),
            None => "nothing".to_string(),
        }
    }
}

impl<A: Describe, B: Describe> Describe for (A, B) {
    fn describe(&self) -> String {
        format!("pair of ({}) and ({})", self.0.describe(), self.1.describe())
    }
}

trait Doubled { fn doubled(&self) -> Self; }

impl Doubled for u64 { fn doubled(&self) -> u64 { self * 2 } }

impl Doubled for String { fn doubled(&self) -> String { self.repeat(2) } }

async fn report(label: &str, value: impl Describe + Send) -> String {
    tokio::task::yield_now().await;
    format!("{label}: {}", value.describe())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{}", 42i32.describe());
    println!("{}", (-7i32).describe());
    println!("{}", "héllo".describe());
    println!("{}", vec![true, false].describe());
    println!("{}", Some(vec![1i32, 2]).describe());
    println!("{}", (String::from("ab"), None::<i32>).describe());
    println!("{} {}", 21u64.doubled(), "ab".to_string().doubled());
    println!("{}", 4_000_000_000_000_000_000u64.doubled().doubled() / 4);
    println!("{}", report("task", vec![Some(1i32), None]).await);
}
