// Language: inline modules — nested `mod`, `pub` items and fields, `use self::..`, `super::`,
// `crate::` paths, a `use` of a module's enum inside a fn, consts in modules, impls in a module
// for a type of another module, and a module function spawning tasks.
mod geometry {
    pub const ORIGIN: Point = Point { x: 0, y: 0 };

    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Point { pub x: i32, pub y: i32 }

    pub mod shapes {
        use super::Point;
        #[derive(Debug)]
        pub enum Shape { Dot(Point), Line(Point, Point), Rect { corner: Point, w: i32, h: i32 } }

        pub fn area(s: &Shape) -> i32 {
            match s { Shape::Rect { w, h, .. } => w * h, _ => 0 }
        }
        pub(crate) fn manhattan(a: Point, b: Point) -> i32 { (a.x - b.x).abs() + (a.y - b.y).abs() }
    }

    impl Point {
        pub fn new(x: i32, y: i32) -> Self { Point { x, y } }
        pub fn dist0(&self) -> i32 { self::shapes::manhattan(*self, super::geometry::ORIGIN) }
    }
}

mod report {
    use crate::geometry::shapes::{self, Shape};
    pub fn line(s: &Shape) -> String { format!("{:?} has area {}", s, shapes::area(s)) }

    pub mod tasks {
        pub async fn measure(points: Vec<crate::geometry::Point>) -> i32 {
            let mut handles = Vec::new();
            for p in points { handles.push(tokio::spawn(async move { p.dist0() })); }
            let mut total = 0;
            for h in handles { total += h.await.unwrap(); }
            total
        }
    }
}

use geometry::Point;

fn kind(s: &geometry::shapes::Shape) -> &'static str {
    use geometry::shapes::Shape::*;
    match s { Dot(_) => "dot", Line(..) => "line", Rect { .. } => "rect" }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    use geometry::shapes::Shape;
    let shapes = vec![
        Shape::Dot(geometry::ORIGIN),
        Shape::Line(Point::new(1, 2), Point::new(3, 4)),
        Shape::Rect { corner: Point { x: -1, y: 5 }, w: 3, h: 4 },
    ];
    for s in &shapes { println!("{}: {}", kind(s), report::line(s)); }
    println!("dist {}", geometry::shapes::manhattan(Point::new(1, 1), Point::new(4, -3)));
    let total = report::tasks::measure(vec![Point::new(1, 2), Point::new(-3, 4), geometry::ORIGIN]).await;
    println!("total distance {total}, origin is {:?}", geometry::ORIGIN == Point::new(0, 0));
}
