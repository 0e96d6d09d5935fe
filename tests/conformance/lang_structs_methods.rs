// Language: a struct with an impl block (associated fn, &self and &mut self methods, an async
// method), shared by value into a task and returned through its JoinHandle.
struct Account {
    owner: String,
    balance: i64,
    history: Vec<i64>,
}

impl Account {
    fn new(owner: &str) -> Account {
        Account { owner: owner.to_string(), balance: 0, history: Vec::new() }
    }

    fn deposit(&mut self, amount: i64) {
        self.balance += amount;
        self.history.push(amount);
    }

    fn summary(&self) -> String {
        format!("{} has {} after {} operations", self.owner, self.balance, self.history.len())
    }

    async fn charge_fee(&mut self, fee: i64) -> bool {
        tokio::task::yield_now().await;
        if self.balance >= fee {
            self.deposit(-fee);
            true
        } else {
            false
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut acct = Account::new("ada");
    acct.deposit(100);
    acct.deposit(-30);
    println!("{}", acct.summary());
    let handle = tokio::spawn(async move {
        let ok = acct.charge_fee(50).await;
        let second = acct.charge_fee(50).await;
        println!("fees charged: {ok} then {second}");
        acct
    });
    let acct = handle.await.unwrap();
    println!("{}", acct.summary());
    for amount in &acct.history {
        println!("history entry {amount}");
    }
    println!("owner field: {}, history empty: {}", acct.owner, acct.history.is_empty());
}
