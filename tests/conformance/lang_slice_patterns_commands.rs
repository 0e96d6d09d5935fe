// Language: slice patterns — a tiny command interpreter matches words with `[..]` patterns
// (`["set", key, value]`, `[cmd, rest @ ..]`, `[]`), byte-string prefixes, arrays and `&[T]` params.
use tokio::sync::mpsc;

fn parse(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [] => "empty line".to_string(),
        ["get", key] => format!("GET {key}"),
        ["set", key, value] => format!("SET {key}={value}"),
        ["set", ..] => "usage: set KEY VALUE".to_string(),
        ["echo", rest @ ..] => format!("ECHO {}", rest.join(" ")),
        [cmd, args @ ..] if args.len() > 2 => format!("{cmd}: too many args ({})", args.len()),
        [cmd, ..] => format!("unknown command {cmd:?}"),
    }
}

fn describe(v: &[i32]) -> String {
    match v {
        [] => "nothing".into(),
        [x] => format!("one: {x}"),
        [0, ..] => "starts with zero".into(),
        [first, .., last] if first == last => format!("same ends {first}"),
        [first, middle @ .., last] => format!("{first}..{last} with {} inside", middle.len()),
    }
}

fn method(req: &[u8]) -> &'static str {
    match req {
        [b'G', b'E', b'T', b' ', ..] => "GET",
        [b'P', b'U', b'T', ..] => "PUT",
        [_, _, ..] => "other",
        _ => "too short",
    }
}

fn total(v: &[u32]) -> u32 {
    match v { [] => 0, [head, tail @ ..] => head + total(tail) }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(4);
    let producer = tokio::spawn(async move {
        for line in ["get a", "set a 1", "set a", "echo hello big world", "", "del a b c", "del a"] {
            tx.send(line.to_string()).await.unwrap();
        }
    });
    while let Some(line) = rx.recv().await {
        println!("{:>22} -> {}", format!("{line:?}"), parse(&line));
    }
    producer.await.unwrap();

    for v in [vec![], vec![7], vec![0, 1, 2], vec![3, 9, 3], vec![1, 2, 3, 4]] {
        println!("{:?}: {}", v, describe(&v));
    }
    let requests: [&[u8]; 4] = [b"GET /index", b"PUT x", b"HEAD", b"G"];
    for req in requests {
        println!("{}", method(req));
    }
    let arr = [1, 2, 3];
    let [a, b, c] = arr;
    println!("a={a} b={b} c={c} total={}", total(&[1, 2, 3, 4]));
    if let [x, y] = [10, 20] { println!("pair {x} {y}"); }
    let mut grid = [[0u8; 3]; 2];
    if let [row0, _] = &mut grid { row0[1] = 5; }
    println!("{:?}", grid);
    let names = vec!["ann".to_string(), "bob".to_string(), "cy".to_string()];
    if let [first, .., last] = &names[..] { println!("first {first}, last {last}"); }
    match &names[..] { [_, second, ..] => println!("second {second}"), _ => {} }
}
