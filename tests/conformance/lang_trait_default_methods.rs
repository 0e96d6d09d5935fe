// Language: a trait with a required method, default methods built on it and an associated const
// with a default; one impl overrides both. A generic async fn with a trait bound runs in tasks.
use std::time::Duration;

trait Greeter {
    const GREETING: &'static str = "Hello";

    fn name(&self) -> String;

    fn greet(&self) -> String {
        format!("{}, {}!", Self::GREETING, self.name())
    }

    fn shout(&self) -> String {
        self.greet().to_uppercase()
    }
}

struct English {
    who: String,
}

struct Pirate;

impl Greeter for English {
    fn name(&self) -> String {
        self.who.clone()
    }
}

impl Greeter for Pirate {
    const GREETING: &'static str = "Ahoy";

    fn name(&self) -> String {
        "matey".to_string()
    }

    fn shout(&self) -> String {
        format!("{} Arrr!", self.greet())
    }
}

async fn greet_later<G: Greeter + Send + 'static>(g: G, delay_ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
    g.greet()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let ada = English { who: "Ada".to_string() };
    println!("{}", ada.greet());
    println!("{}", ada.shout());
    println!("{}", Pirate.greet());
    println!("{}", Pirate.shout());
    println!("consts: {} and {}", English::GREETING, <Pirate as Greeter>::GREETING);

    let slow = tokio::spawn(greet_later(Pirate, 20));
    let fast = tokio::spawn(greet_later(English { who: "Grace".to_string() }, 10));
    let order = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(15)).await;
        println!("15ms: in between");
    });
    println!("slow: {}", slow.await.unwrap());
    println!("fast: {}", fast.await.unwrap());
    order.await.unwrap();
}
