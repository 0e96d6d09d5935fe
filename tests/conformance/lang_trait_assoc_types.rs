// Language: traits with associated types and consts (`type Item`, `type Output: Debug + Send`),
// generic functions that name them (`C::Item`, `J::Output`), and jobs run by tokio tasks.
use std::fmt::Debug;

trait Container {
    type Item;
    const KIND: &'static str;

    fn items(&self) -> Vec<Self::Item>;

    fn first(&self) -> Option<Self::Item> { self.items().into_iter().next() }
}

struct Stack { values: Vec<i32> }

struct Sentence { text: String }

impl Container for Stack {
    type Item = i32;
    const KIND: &'static str = "stack";

    fn items(&self) -> Vec<i32> { self.values.iter().rev().cloned().collect() }
}

impl Container for Sentence {
    type Item = String;
    const KIND: &'static str = "sentence";

    fn items(&self) -> Vec<String> { self.text.split_whitespace().map(String::from).collect() }
}

fn describe<C>(c: &C) -> String
where
    C: Container,
    C::Item: Debug,
{ format!("{} with {} items, first {:?}", C::KIND, c.items().len(), c.first()) }

trait Job {
    type Output: Debug + Send + 'static;
    fn run(self) -> Self::Output;
}

struct Square(u64);
struct Words(&'static str);

impl Job for Square {
    type Output = u64;
    fn run(self) -> u64 { self.0 * self.0 }
}

impl Job for Words {
    type Output = Vec<&'static str>;
    fn run(self) -> Vec<&'static str> { self.0.split(' ').collect() }
}

async fn run_job<J: Job + Send + 'static>(job: J) -> J::Output {
    tokio::spawn(async move { job.run() }).await.unwrap()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{}", describe(&Stack { values: vec![1, 2, 3] }));
    println!("{}", describe(&Sentence { text: "tasks are cheap".to_string() }));
    println!("{}", describe(&Stack { values: vec![] }));
    let sq: u64 = run_job(Square(3_000_000_000)).await;
    println!("square job: {:?}", sq);
    let words = run_job(Words("one two three")).await;
    println!("words job: {:?}", words);
}
