// Seed example (async notes, async/await): `async fn get_user_data(id) -> User` awaits
// `db::fetch(id)` and parses the raw row; completed with a small in-memory `db` module.
mod db {
    use std::time::Duration;

    pub async fn fetch(id: u32) -> String {
        tokio::time::sleep(Duration::from_millis(10 * id as u64)).await;
        match id {
            1 => "1,ada,admin".to_string(),
            2 => "2,linus,user".to_string(),
            _ => format!("{id},guest,none"),
        }
    }
}

#[derive(Debug)]
struct User {
    id: u32,
    name: String,
    role: String,
}

fn parse(raw: String) -> User {
    let parts: Vec<&str> = raw.split(',').collect();
    User {
        id: parts[0].parse().unwrap(),
        name: parts[1].to_string(),
        role: parts[2].to_string(),
    }
}

async fn get_user_data(id: u32) -> User {
    // 1. We call an async function. It returns a Future.
    // 2. We .await it. The coroutine "pauses" here.
    let raw_data = db::fetch(id).await;
    // 3. Once db::fetch is done, the executor resumes us right here.
    let user = parse(raw_data);
    user
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = tokio::time::Instant::now();
    let user = get_user_data(1).await;
    println!("{:?}", user);
    let (a, b) = tokio::join!(get_user_data(2), get_user_data(3));
    println!("{:#?}", a);
    println!("{} is a {} (id {})", b.name, b.role, b.id);
    println!("elapsed: {}ms", start.elapsed().as_millis());
}
