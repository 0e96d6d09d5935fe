// Language: #[derive(Debug)] output exactly as Rust prints it, {:?} and {:#?}: named, tuple and unit
// structs, enum variants, nested Vec/Option/Result/BTreeMap/Box, tuples, escaped strings and chars, floats.
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug)]
struct Meters(f64);

#[derive(Debug)]
struct Marker;

#[derive(Debug)]
enum Shape {
    Circle { center: Point, r: f32 },
    Rect(Point, Point),
    Empty,
}

#[derive(Debug)]
struct Scene {
    name: String,
    shapes: Vec<Shape>,
    tags: BTreeMap<&'static str, Vec<u8>>,
    owner: Option<Box<Point>>,
    status: Result<u8, String>,
    pair: (char, &'static str),
    nothing: Vec<i32>,
    unit: (),
    marker: Marker,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let p = Point { x: 1, y: -2 };
    println!("{:?}", p);
    println!("{:#?}", p);
    println!("{:?} {:?} {:?}", Meters(1.0), Meters(0.1 + 0.2), Marker);
    println!("{:?}", Shape::Circle { center: p, r: 2.5 });
    println!("{:?}", vec![Shape::Rect(p, Point { x: 3, y: 4 }), Shape::Empty]);

    let mut tags = BTreeMap::new();
    tags.insert("b", vec![2, 3]);
    tags.insert("a", vec![]);
    let scene = Scene {
        name: "say \"hi\"\n\ttab \\ end".to_string(),
        shapes: vec![Shape::Empty, Shape::Circle { center: Point { x: 0, y: 0 }, r: 1.0 }],
        tags,
        owner: Some(Box::new(p)),
        status: Err("not rendered".into()),
        pair: ('\'', "it's"),
        nothing: vec![],
        unit: (),
        marker: Marker,
    };
    println!("{:?}", scene);
    println!("{:#?}", scene);

    let handle = tokio::spawn(async move { (scene.shapes.len(), scene.status, scene.owner) });
    println!("{:?}", handle.await);
    println!("{:?}", (1,));
    println!("{:?} {:?} {:?}", 'é', '\n', "tab\there é \u{7f}");
    println!("{:?} {:?} {:?} {:?}", 1.0f64, 1.5e-7, 1e21, f64::MAX);
    println!("{:?} {:?}", Some(Ok::<i32, ()>(3)), None::<Option<i32>>);
    println!("{:5?}|{:<8?}|{:03?}", 42, "ab", (1, 2));
    println!("{:#?}", (1, "two", [3.0]));
}
