// Language: format! specs — width, fill and alignment for strings and numbers, precision and rounding,
// sign, zero padding, hex/octal/binary/exponent, `{:#?}`, positional/named args, width from arguments.
struct Row {
    item: &'static str,
    qty: u32,
    price: f64,
}

async fn load_rows() -> Vec<Row> {
    tokio::task::yield_now().await;
    vec![
        Row { item: "apple", qty: 3, price: 0.5 },
        Row { item: "watermelon", qty: 1, price: 3.999 },
        Row { item: "fig", qty: 12, price: 0.125 },
    ]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let rows = load_rows().await;
    println!("|{:<10}|{:>5}|{:>8}|", "item", "qty", "price");
    println!("|{:-<10}|{:->5}|{:->8}|", "", "", "");
    for r in &rows {
        println!("|{:<10}|{:>5}|{:>8.2}|", r.item, r.qty, r.price);
    }
    let total: f64 = rows.iter().map(|r| r.qty as f64 * r.price).sum();
    println!("|{:^10}|{:^5}|{:>8.3}|", "total", rows.len(), total);

    println!("[{:>8}] [{:<8}] [{:^8}] [{:*^9}] [{:08.3}]", 42, 42, 42, "mid", -3.14159);
    println!("[{:+}] [{:+.1}] [{:05}] [{:<05}] [{:#x}] [{:#X}] [{:x}]", 7, 2.25, -42, 7, 255, 255, 3735928559u32);
    println!("[{:#b}] [{:#010b}] [{:o}] [{:#o}] [{:e}] [{:E}]", 5, 5, 64, 8, 1234.5, 0.00012);
    println!("[{:.0}] [{:.0}] [{:.0}] [{:.1}] [{:.2}] [{:.2}]", 0.5, 1.5, 2.5, 0.25, 1.005, 0.125);
    println!("[{:10.3e}] [{:<12?}] [{:>6}] [{:.3}]", 123456.0, "dbg", true, "truncate");
    let width = 7;
    let prec = 2;
    println!("[{:>width$}] [{:>1$}] [{:.*}] [{:>w$.p$}]", "w", 5, 3, 2.0f64.sqrt(), 3.14159, w = width, p = prec);
    println!("{0} {1} {0} {name}", "a", "b", name = "named");
    let pi = 3.14159265;
    println!("inline: {pi:.3} {pi:>10.2} {width:03}");
    println!("{{braces}} and {:?} and {}", "quote\"d", 'c');
    println!("{:>6}|{:<6}|{:^6}|", 'x', true, -1i8);
    println!("{:?}", format!("{:5}", "long string is not cut"));
    println!("{:>4}%", (0.756f64 * 100.0).round() as i32);
    println!("{}", format!("{:>3}", 7).len());
}
