// Language: types declared inside functions and blocks keep their attributes — local structs and enums
// with #[derive(Debug, Default, Clone, PartialEq, PartialOrd, Ord)], local impls, `use Enum::*` locally.
fn summarize(words: &[&str]) -> String {
    #[derive(Debug, Default, Clone, PartialEq)]
    struct Stats {
        count: usize,
        longest: String,
        vowels: u32,
    }
    let mut s = Stats::default();
    for w in words {
        s.count += 1;
        if w.len() > s.longest.len() {
            s.longest = w.to_string();
        }
        s.vowels += w.chars().filter(|c| "aeiou".contains(*c)).count() as u32;
    }
    let copy = s.clone();
    format!("{:?} same={}", s, copy == s)
}

fn main() {
    println!("{}", summarize(&["tokio", "async", "await"]));
    println!("{}", summarize(&[]));

    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Level {
        Low = 1,
        Mid = 5,
        High = 10,
    }
    use Level::*;
    let mut levels = vec![High, Low, Mid, Low];
    levels.sort();
    levels.dedup();
    println!("{:?} max {:?} as int {}", levels, levels.iter().max(), High as i32);

    {
        #[derive(Debug, Default)]
        struct Point {
            x: i32,
            y: i32,
        }
        impl Point {
            fn manhattan(&self) -> i32 {
                self.x.abs() + self.y.abs()
            }
        }
        let p = Point { x: -3, ..Default::default() };
        println!("{:?} {:#?} {}", p, Point::default(), p.manhattan());
    }
}
