// Language: patterns — nested enum/struct patterns, `..`, `|`, ranges (ints and chars), `@`
// bindings, guards, slice patterns, `ref`/`ref mut`, tuple patterns, let-else, while let, matches!.
#[derive(Debug)]
enum Event {
    Key { code: char, shift: bool }, Click { x: i32, y: i32, button: u8 }, Scroll(i32), Batch(Vec<Event>), Quit,
}

struct Player { name: String, score: u32 }

fn describe(e: &Event) -> String {
    match e {
        Event::Key { code: 'q' | 'Q', .. } => "quit key".to_string(),
        Event::Key { code: c @ 'a'..='z', shift: true } => format!("shifted {}", c.to_ascii_uppercase()),
        Event::Key { code, .. } if code.is_ascii_digit() => format!("digit {code}"),
        Event::Key { code, shift } => format!("key {code:?} shift={shift}"),
        Event::Click { x: 0, y: 0, .. } => "click at origin".to_string(),
        Event::Click { button: b @ (1 | 2), x, y } => format!("button {b} at ({x}, {y})"),
        Event::Click { button, .. } => format!("other button {button}"),
        Event::Scroll(n @ 1..=5) => format!("small scroll {n}"),
        Event::Scroll(n) if *n < 0 => format!("scroll up {}", -n),
        Event::Scroll(_) => "big scroll".to_string(),
        Event::Batch(events) => match events.as_slice() {
            [] => "empty batch".to_string(),
            [only] => format!("batch of one: {}", describe(only)),
            [first, .., last] => format!("batch from ({}) to ({})", describe(first), describe(last)),
        },
        Event::Quit => "quit".to_string(),
    }
}

fn sum_pairs(v: &[i32]) -> i32 {
    match v { [a, b, rest @ ..] => a * b + sum_pairs(rest), [a] => *a, [] => 0 }
}

async fn first_word(text: &str) -> Option<&str> {
    tokio::task::yield_now().await;
    let Some(word) = text.split_whitespace().next() else { return None; };
    Some(word)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let key = |code: char, shift: bool| Event::Key { code, shift };
    let click = |x: i32, y: i32, button: u8| Event::Click { x, y, button };
    let events = vec![
        key('Q', true), key('x', true), key('7', false), key('#', false),
        click(0, 0, 1), click(5, -3, 2), click(1, 1, 9),
        Event::Scroll(3), Event::Scroll(-8), Event::Scroll(40),
        Event::Batch(vec![]),
        Event::Batch(vec![Event::Quit]),
        Event::Batch(vec![Event::Scroll(1), Event::Quit, key('z', false)]),
    ];
    for e in &events { println!("{}", describe(e)); }
    println!("quits: {}", events.iter().filter(|e| matches!(e, Event::Quit | Event::Key { code: 'q' | 'Q', .. })).count());

    println!("sum_pairs: {} {} {}", sum_pairs(&[1, 2, 3, 4, 5]), sum_pairs(&[]), sum_pairs(&[6]));

    let mut player = Player { name: "ada".to_string(), score: 10 };
    let Player { ref name, ref mut score } = player;
    *score += 5;
    println!("{name} now has {score}");
    player.score *= 2;
    println!("after update: {}", player.score);

    for pair in [(0, 3), (4, 0), (2, 2), (-1, 5)] {
        let label = match pair {
            (0, y) | (y, 0) => format!("on an axis at {y}"),
            (x, y) if x == y => "diagonal".to_string(),
            (x @ ..=-1, _) => format!("left side x={x}"),
            _ => "elsewhere".to_string(),
        };
        println!("{:?}: {label}", pair);
    }

    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() { print!("{top} "); }
    println!();
    println!("{:?} {:?}", first_word("  hello world").await, first_word("   ").await);
    if let (Some(a), Some(b)) = (Some(1), "2".parse::<i32>().ok()) { println!("both present: {}", a + b); }
}
