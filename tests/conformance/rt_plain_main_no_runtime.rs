// A program with no async runtime at all: a plain `fn main`, structs, a loop and a closure.
// Nothing is spawned; it simply runs top to bottom on the main thread and exits 0.
struct Account {
    owner: String,
    balance: i64,
}

impl Account {
    fn deposit(&mut self, amount: i64) {
        self.balance += amount;
        println!("{} deposits {amount}, balance {}", self.owner, self.balance);
    }
}

fn main() {
    let mut acc = Account { owner: String::from("ana"), balance: 0 };
    let amounts = vec![10, 25, -5];
    for a in amounts {
        acc.deposit(a);
    }
    let double = |x: i64| x * 2;
    println!("doubled balance: {}", double(acc.balance));
    println!("main thread: {:?}", std::thread::current().name());
}
