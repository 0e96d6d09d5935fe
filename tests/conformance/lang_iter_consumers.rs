// Language: iterator consumers — collect into Vec/String/HashMap/HashSet/BTreeMap/Result, sum,
// product, count, fold, min/max(_by_key/_by), any, all, position, find, last, nth, partition, unzip.
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone)]
struct Order {
    customer: &'static str,
    amount: u32,
}

async fn load_orders() -> Vec<Order> {
    tokio::task::yield_now().await;
    vec![
        Order { customer: "ada", amount: 30 },
        Order { customer: "bob", amount: 5 },
        Order { customer: "ada", amount: 12 },
        Order { customer: "cy", amount: 50 },
        Order { customer: "bob", amount: 7 },
    ]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let orders = load_orders().await;
    let amounts: Vec<u32> = orders.iter().map(|o| o.amount).collect();
    println!("sum {} product {} count {}", amounts.iter().sum::<u32>(), amounts.iter().map(|&a| a as u64).product::<u64>(), orders.iter().filter(|o| o.amount > 10).count());
    println!("fold: {}", amounts.iter().fold(String::new(), |acc, a| if acc.is_empty() { a.to_string() } else { acc + "+" + &a.to_string() }));
    println!("min {:?} max {:?}", amounts.iter().min(), amounts.iter().max());
    println!("max_by_key {:?}", orders.iter().max_by_key(|o| o.amount).map(|o| o.customer));
    println!("min_by_key {:?}", orders.iter().min_by_key(|o| o.customer.len()).map(|o| o.customer));
    println!("max_by {:?}", [2.5, 9.1, -3.0].iter().cloned().max_by(|a: &f64, b: &f64| a.partial_cmp(b).unwrap()));
    println!("any >40 {} all >0 {}", amounts.iter().any(|&a| a > 40), amounts.iter().all(|&a| a > 0));
    println!("position of 50 {:?}, find bob {:?}", amounts.iter().position(|&a| a == 50), orders.iter().find(|o| o.customer == "bob").map(|o| o.amount));
    println!("last {:?} nth(1) {:?} nth(10) {:?}", amounts.iter().last(), amounts.iter().nth(1), amounts.iter().nth(10));

    let mut totals: HashMap<&str, u32> = HashMap::new();
    for o in &orders {
        *totals.entry(o.customer).or_insert(0) += o.amount;
    }
    let sorted_totals: BTreeMap<&str, u32> = totals.into_iter().collect();
    println!("totals {:?}", sorted_totals);
    let customers: HashSet<&str> = orders.iter().map(|o| o.customer).collect();
    println!("{} distinct customers", customers.len());
    let index: HashMap<usize, &str> = orders.iter().enumerate().map(|(i, o)| (i, o.customer)).collect();
    println!("index[3] = {}", index[&3]);
    let initials: String = orders.iter().map(|o| o.customer.chars().next().unwrap().to_ascii_uppercase()).collect();
    println!("initials {initials}");

    let (big, small): (Vec<Order>, Vec<Order>) = orders.iter().cloned().partition(|o| o.amount >= 12);
    println!("big {} small {}", big.len(), small.len());
    let (names, sums): (Vec<&str>, Vec<u32>) = sorted_totals.iter().map(|(k, v)| (*k, *v)).unzip();
    println!("unzipped {:?} {:?}", names, sums);
    let parsed: Result<Vec<u32>, String> = ["4", "5"].iter().map(|s| s.parse::<u32>().map_err(|e| e.to_string())).collect();
    let failed: Option<Vec<u32>> = ["4", "-"].iter().map(|s| s.parse().ok()).collect();
    println!("{:?} {:?}", parsed, failed);
    let words = vec!["tokio", "rust", "async"];
    let lens: Vec<(usize, &str)> = words.iter().map(|w| (w.len(), *w)).collect();
    println!("{:?} total chars {}", lens, words.iter().map(|w| w.len()).sum::<usize>());
}
