// Language: more traits — a supertrait (`trait Animal: Named`), a blanket impl for every T: Display,
// a trait with a generic method, static dispatch (generics) next to dynamic (&dyn) on the same values.
use std::fmt::{self, Display};

trait Named { fn name(&self) -> String; }

trait Animal: Named {
    fn sound(&self) -> &'static str;
    fn speak(&self) -> String { format!("{} says {}", self.name(), self.sound()) }
}

trait Labeled { fn label(&self) -> String; }

impl<T: Display> Labeled for T { fn label(&self) -> String { format!("<{}>", self) } }

trait Store {
    fn put<V: Display>(&mut self, key: &str, value: V);
    fn dump(&self) -> String;
}

#[derive(Default)]
struct Log { lines: Vec<String> }

impl Store for Log {
    fn put<V: Display>(&mut self, key: &str, value: V) { self.lines.push(format!("{key}={value}")); }
    fn dump(&self) -> String { self.lines.join(";") }
}

struct Dog;
struct Cat { lives: u8 }

impl Named for Dog { fn name(&self) -> String { "Dog".into() } }
impl Animal for Dog { fn sound(&self) -> &'static str { "woof" } }
impl Named for Cat { fn name(&self) -> String { format!("Cat({} lives)", self.lives) } }
impl Animal for Cat {
    fn sound(&self) -> &'static str { "meow" }
    fn speak(&self) -> String { format!("{} ignores you", self.name()) }
}

impl Display for Cat {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "cat with {} lives", self.lives) }
}

fn loud<A: Animal>(a: &A) -> String { a.speak().to_uppercase() }

fn chorus(animals: &[&dyn Animal]) -> String {
    animals.iter().map(|a| a.sound()).collect::<Vec<_>>().join("-")
}

async fn speak_later(a: Box<dyn Animal + Send>) -> String {
    tokio::task::yield_now().await;
    a.speak()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let cat = Cat { lives: 9 };
    println!("{} | {}", Dog.speak(), cat.speak());
    println!("{} | {}", loud(&Dog), loud(&cat));
    println!("chorus: {}", chorus(&[&Dog, &cat, &Dog]));
    println!("labels: {} {} {} {}", 5.label(), "str".label(), cat.label(), 'c'.label());
    let mut log = Log::default();
    log.put("n", 1);
    log.put("pi", 3.5);
    log.put("who", &cat);
    println!("{}", log.dump());
    let t = tokio::spawn(speak_later(Box::new(Cat { lives: 3 })));
    println!("{}", speak_later(Box::new(Dog)).await);
    println!("{}", t.await.unwrap());
}
