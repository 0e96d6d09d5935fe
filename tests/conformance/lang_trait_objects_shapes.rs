// Language: trait objects. A Vec<Box<dyn Shape>> of different types, &dyn Shape parameters, sorting
// by a trait method, and a Vec<Box<dyn Shape + Send>> moved into a task.
use std::f64::consts::PI;

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
    fn describe(&self) -> String { format!("{} with area {:.2}", self.name(), self.area()) }
}

struct Circle { r: f64 }

struct Rect { w: f64, h: f64 }

struct Triangle { base: f64, height: f64 }

impl Shape for Circle {
    fn area(&self) -> f64 { PI * self.r * self.r }
    fn name(&self) -> String { format!("circle(r={})", self.r) }
}

impl Shape for Rect {
    fn area(&self) -> f64 { self.w * self.h }
    fn name(&self) -> String { format!("rect({}x{})", self.w, self.h) }
    fn describe(&self) -> String {
        format!("a {} rectangle", if self.w == self.h { "square" } else { "long" })
    }
}

impl Shape for Triangle {
    fn area(&self) -> f64 { 0.5 * self.base * self.height }
    fn name(&self) -> String { "triangle".to_string() }
}

fn print_shape(s: &dyn Shape) { println!("  {}", s.describe()); }

fn largest(shapes: &[Box<dyn Shape>]) -> &dyn Shape {
    let mut best = &shapes[0];
    for s in shapes { if s.area() > best.area() { best = s; } }
    best.as_ref()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle { r: 1.5 }),
        Box::new(Rect { w: 2.0, h: 2.0 }),
        Box::new(Triangle { base: 3.0, height: 5.0 }),
        Box::new(Rect { w: 10.0, h: 0.5 }),
    ];
    for s in shapes.iter() { print_shape(s.as_ref()); }
    println!("largest: {}", largest(&shapes).name());
    shapes.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
    let names: Vec<String> = shapes.iter().map(|s| s.name()).collect();
    println!("by area: {}", names.join(" < "));

    let sendable: Vec<Box<dyn Shape + Send>> = vec![Box::new(Circle { r: 1.0 }), Box::new(Rect { w: 3.0, h: 4.0 })];
    let total = tokio::spawn(async move { sendable.iter().map(|s| s.area()).sum::<f64>() }).await.unwrap();
    println!("total area computed in a task: {total}");
}
