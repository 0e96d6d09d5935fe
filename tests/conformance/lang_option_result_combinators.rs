// Language: Option and Result combinators — map, and_then, filter, unwrap_or(_else/_default), ok_or,
// ok, take, replace, as_ref, as_mut, is_some_and, zip, map_or, map_err, `?` — in async lookups.
use std::collections::HashMap;
use std::num::ParseIntError;

async fn lookup(db: &HashMap<&str, &str>, key: &str) -> Option<String> {
    tokio::task::yield_now().await;
    db.get(key).map(|v| v.to_string())
}

async fn age_of(db: &HashMap<&str, &str>, key: &str) -> Result<u32, String> {
    let raw = lookup(db, key).await.ok_or(format!("no entry for {key}"))?;
    let age: u32 = raw.trim().parse().map_err(|e: ParseIntError| format!("{key}: {e}"))?;
    Ok(age)
}

fn double_first(items: &[&str]) -> Option<i64> {
    let first = items.first()?;
    let n: i64 = first.parse().ok()?;
    Some(n * 2)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let db: HashMap<&str, &str> = HashMap::from([("ada", " 36 "), ("bob", "x"), ("eve", "120")]);
    for key in ["ada", "bob", "zed", "eve"] {
        println!("age_of({key}) = {:?}", age_of(&db, key).await);
    }
    let adult = age_of(&db, "ada").await.ok().filter(|a| *a >= 18);
    println!("adult: {:?}, is_some_and(>30): {}", adult, adult.is_some_and(|a| a > 30));
    println!("unwrap_or: {}", age_of(&db, "zed").await.unwrap_or(0));
    println!("unwrap_or_else: {}", age_of(&db, "bob").await.unwrap_or_else(|e| e.len() as u32));
    println!("unwrap_or_default: {:?}", lookup(&db, "nobody").await.unwrap_or_default());
    println!("and_then: {:?}", lookup(&db, "eve").await.and_then(|s| s.parse::<u8>().ok()));
    println!("map_or: {}", lookup(&db, "zed").await.map_or(-1, |s| s.len() as i32));

    let mut slot = Some(3);
    let taken = slot.take();
    println!("take: {:?} leaves {:?}", taken, slot);
    let old = slot.replace(10);
    println!("replace: old {:?}, now {:?}", old, slot);
    if let Some(v) = slot.as_mut() {
        *v += 1;
    }
    let name: Option<String> = Some("tokio".to_string());
    let len = name.as_ref().map(|s| s.len());
    println!("as_mut gave {:?}; as_ref len {:?} and name still {:?}", slot, len, name);
    println!("zip: {:?}, or: {:?}, xor: {:?}", Some(1).zip(Some('a')), None.or(Some(2)), Some(1).xor(None::<i32>));
    println!("get_or_insert_with: {}", None.get_or_insert_with(|| 99));
    println!("double_first: {:?} {:?} {:?}", double_first(&["21"]), double_first(&[]), double_first(&["x"]));

    let r: Result<i32, String> = Err("boom".into());
    println!("{:?} {:?} {:?}", r.as_ref().ok(), r.as_ref().err(), r.as_ref().map(|v| v + 1));
    println!("is_ok_and: {}", Ok::<i32, String>(4).is_ok_and(|v| v % 2 == 0));
    let nested: Option<Result<i32, String>> = Some(Ok(5));
    println!("transpose: {:?}", nested.transpose());
    let parsed: Result<Vec<i32>, _> = "1 2 x 4".split(' ').map(|s| s.parse::<i32>()).collect();
    println!("collect into Result: {:?}", parsed.map_err(|e| e.to_string()));
    let somes: Vec<i32> = vec![Some(1), None, Some(3)].into_iter().flatten().collect();
    println!("flatten: {:?}", somes);
}
