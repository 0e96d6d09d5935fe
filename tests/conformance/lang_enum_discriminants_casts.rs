// Language: enums with explicit discriminants and `as` casts, implicit ones counting up, a
// negative #[repr(i8)] one, TryFrom<u16> back from a number, methods on enums, `matches!`.
use std::convert::TryFrom;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status { Ok = 200, Created, NotFound = 404, Teapot = 418 }

#[derive(Debug, Clone, Copy)]
enum Color { Red, Green, Blue }

#[derive(Debug)]
#[repr(i8)]
enum Level { Low = -1, Mid = 0, High = 1 }

impl Color {
    const ALL: [Color; 3] = [Color::Red, Color::Green, Color::Blue];

    fn next(self) -> Color {
        match self {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }
}

impl TryFrom<u16> for Status {
    type Error = String;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        match code {
            200 => Ok(Status::Ok),
            201 => Ok(Status::Created),
            404 => Ok(Status::NotFound),
            418 => Ok(Status::Teapot),
            other => Err(format!("unknown status {other}")),
        }
    }
}

async fn fetch(path: &str) -> Status {
    tokio::task::yield_now().await;
    match path {
        "/" => Status::Ok,
        "/new" => Status::Created,
        "/tea" => Status::Teapot,
        _ => Status::NotFound,
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for path in ["/", "/new", "/tea", "/nope"] {
        let s = fetch(path).await;
        let is_success = matches!(s, Status::Ok | Status::Created);
        println!("{path:6} -> {:?} = {} (success: {is_success})", s, s as u16);
    }
    for c in Color::ALL { println!("{:?} = {} -> next {:?}", c, c as u8, c.next()); }
    println!("{:?} {} {} {}", Level::Low, Level::Low as i8, Level::Mid as i32, Level::High as u8);
    println!("{:?} {:?}", Status::try_from(418), Status::try_from(500));
    let code: Result<Status, _> = 201u16.try_into();
    println!("201 -> {:?}", code);
    println!("as casts: {} {} {} {}", true as i32, 'A' as u32, 97u8 as char, (Status::NotFound as i32) - (Status::Ok as i32));
    let n = 7;
    println!("matches! with guard: {}", matches!(n, 1..=9 if n % 2 == 1));
    println!("all colors: {:?}", Color::ALL.iter().map(|c| *c as u8).sum::<u8>());
}
