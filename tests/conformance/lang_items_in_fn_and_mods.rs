// Language: inline modules with `pub`, nested modules, `use self::..` and `super::..`, a private
// helper; items declared inside fns and blocks (struct, enum, fn, const, use), `use Enum::*` locally.
mod geometry {
    pub mod shapes {
        #[derive(Debug, Clone, Copy)]
        pub struct Point {
            pub x: i64,
            pub y: i64,
        }

        impl Point {
            pub fn manhattan(&self, other: &Point) -> i64 {
                super::abs(self.x - other.x) + super::abs(self.y - other.y)
            }
        }
    }

    use self::shapes::Point;

    fn abs(v: i64) -> i64 { if v < 0 { -v } else { v } }

    pub fn path_length(points: &[Point]) -> i64 {
        points.windows(2).map(|w| w[0].manhattan(&w[1])).sum()
    }

    pub async fn slow_origin() -> Point {
        tokio::task::yield_now().await;
        Point { x: 0, y: 0 }
    }
}

mod config {
    pub const VERSION: &str = "1.2.3";
    pub(crate) fn describe() -> String { format!("config v{VERSION}") }
}

use geometry::shapes::Point;

fn classify(moves: &[(i64, i64)]) -> Vec<String> {
    #[derive(Debug)]
    enum Direction { North, South, East, West, Still }
    use Direction::*;
    const STEP_NAME: &str = "step";

    fn direction(dx: i64, dy: i64) -> Direction {
        match (dx.signum(), dy.signum()) {
            (0, 1) => North,
            (0, -1) => South,
            (1, 0) => East,
            (-1, 0) => West,
            _ => Still,
        }
    }

    moves
        .iter()
        .enumerate()
        .map(|(i, &(dx, dy))| format!("{STEP_NAME} {i}: {:?}", direction(dx, dy)))
        .collect()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let origin = geometry::slow_origin().await;
    let pts = [origin, Point { x: 3, y: 4 }, Point { x: -1, y: 4 }];
    println!("path length {}", geometry::path_length(&pts));
    println!("{:?} -> {:?}: {}", pts[0], pts[1], pts[0].manhattan(&pts[1]));
    println!("{} ({})", config::describe(), config::VERSION);
    for line in classify(&[(0, 2), (-5, 0), (1, 1), (0, -1)]) { println!("{line}"); }
    let total = {
        use std::collections::HashMap;
        struct Tally { counts: HashMap<char, u32> }
        let mut t = Tally { counts: HashMap::new() };
        for c in "hello".chars() { *t.counts.entry(c).or_default() += 1; }
        t.counts[&'l']
    };
    println!("'l' appears {total} times in hello");
}
