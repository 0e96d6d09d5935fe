// Language: String/&str/char methods — split, split_whitespace, lines, trim*, parse::<T>, case
// changes, chars/bytes/char_indices, find/rfind, replace, starts_with, strip_prefix, char tests.
async fn parse_command(line: &str) -> Result<(String, Vec<i64>), String> {
    tokio::task::yield_now().await;
    let mut parts = line.split_whitespace();
    let name = parts.next().ok_or("empty line")?.to_lowercase();
    let mut args = Vec::new();
    for p in parts {
        args.push(p.parse::<i64>().map_err(|e| format!("{p:?}: {e}"))?);
    }
    Ok((name, args))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for line in ["ADD 1 2 3", "  mul 4  -5 ", "sub 7 x", ""] {
        println!("{:?} -> {:?}", line, parse_command(line).await);
    }

    let s = "  Hello, Wörld! Hello, tokio.  ";
    println!("[{}] [{}] [{}]", s.trim(), s.trim_start(), s.trim_end());
    let t = s.trim();
    println!("len {} bytes, {} chars", t.len(), t.chars().count());
    println!("upper {} lower {}", t.to_uppercase(), t.to_lowercase());
    println!("find {:?} rfind {:?} find(z) {:?}", t.find("Hello"), t.rfind("Hello"), t.find('z'));
    println!("replace: {}", t.replace("Hello", "Bye"));
    println!("replacen: {}", t.replacen('l', "L", 2));
    println!("starts_with {} ends_with {} contains {}", t.starts_with("Hello"), t.ends_with('.'), t.contains("tokio"));
    println!("strip_prefix {:?} strip_suffix {:?}", t.strip_prefix("Hello, "), t.strip_suffix("!"));
    let fields: Vec<&str> = "a,b,,c".split(',').collect();
    println!("split {:?} splitn {:?}", fields, "k=v=w".splitn(2, '=').collect::<Vec<_>>());
    println!("split_once {:?} rsplit {:?}", "key: value".split_once(": "), "a/b/c".rsplit('/').collect::<Vec<_>>());
    println!("lines {:?}", "one\ntwo\r\nthree\n".lines().collect::<Vec<_>>());
    println!("chars rev: {}", "stressed".chars().rev().collect::<String>());
    println!("bytes: {:?}", "hé".bytes().collect::<Vec<u8>>());
    println!("char_indices: {:?}", "aéb".char_indices().collect::<Vec<_>>());
    println!("slice [7..13]: {:?}, get(0..3) {:?}", &t[7..13], t.get(0..3));

    for c in ['a', 'Z', '7', ' ', 'é', '!'] {
        println!(
            "{:?}: alpha {} numeric {} upper {} ws {} digit {:?} as u32 {} utf8 len {}",
            c,
            c.is_alphabetic(),
            c.is_numeric(),
            c.to_ascii_uppercase(),
            c.is_whitespace(),
            c.to_digit(10),
            c as u32,
            c.len_utf8()
        );
    }
    let mut owned = String::with_capacity(8);
    owned.push_str("tok");
    owned.push('i');
    owned.insert(0, '>');
    owned += "o";
    let popped = owned.pop();
    println!("{owned} {} {:?}", owned.len(), popped);
    println!("{}", ["x", "y", "z"].concat() + &"-".repeat(3) + &'q'.to_string());
    println!("parse errors: {:?} {:?} {:?}", "".parse::<u8>(), "256".parse::<u8>(), "-1".parse::<u32>());
    println!("parse ok: {:?} {:?} {:?}", " 5".trim().parse::<u8>(), "3.25".parse::<f64>(), "true".parse::<bool>());
}
