// Language: closures (plain and move), async move blocks that take ownership of a String,
// format! with {} / {:?} / {name} captures, eprintln! (stderr, not compared) and drop().
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let factor = 3;
    let triple = |x: i32| x * factor;
    println!("triple(5) = {}", triple(5));

    let greeting = String::from("hello");
    let shout = move || format!("{greeting}!");
    println!("{}", shout());

    let name = "tokio".to_string();
    let label = format!("[{}]", name);
    let handle = tokio::spawn(async move {
        println!("task owns {name} and {label}");
        name.len()
    });
    println!("length from task: {}", handle.await.unwrap());

    let items = vec![1, 2, 3];
    println!("debug vec {:?}, option {:?}, tuple {:?}", items, Some(2), (1, "x"));
    let copied = items.clone();
    drop(items);
    println!("after drop, the clone still has {} items", copied.len());
    eprintln!("this line goes to stderr and is not compared");
    let block_value = {
        let a = 2;
        let b = 5;
        a * b
    };
    println!("block value {block_value}");
    let s: &str = "borrowed";
    let owned: String = s.to_string();
    println!("{s} vs {owned}: equal = {}", s == owned);
}
