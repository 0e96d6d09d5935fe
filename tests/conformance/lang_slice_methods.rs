// Language: slices and Vec — chunks, windows, sort/sort_by/sort_by_key, dedup, binary_search, contains,
// join, concat, iter().rev(), first/last, split_at, to_vec, retain, extend, drain, swap, reverse.
#[derive(Debug, Clone)]
struct Reading {
    sensor: &'static str,
    value: i32,
}

async fn fetch_batch(n: usize) -> Vec<i32> {
    tokio::task::yield_now().await;
    (0..n as i32).map(|i| (i * 37 + 11) % 20 - 5).collect()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let data = fetch_batch(10).await;
    println!("data {:?}", data);
    println!("first {:?} last {:?} len {}", data.first(), data.last(), data.len());
    for chunk in data.chunks(4) {
        println!("chunk {:?} sum {}", chunk, chunk.iter().sum::<i32>());
    }
    let rising: Vec<bool> = data.windows(2).map(|w| w[1] > w[0]).collect();
    println!("rising {:?}", rising);
    let (left, right) = data.split_at(3);
    println!("split_at(3): {:?} | {:?}", left, right);
    println!("rev {:?}", data.iter().rev().take(3).collect::<Vec<_>>());

    let mut sorted = data.to_vec();
    sorted.sort();
    println!("sorted {:?}", sorted);
    println!("binary_search(6) {:?}, binary_search(4) {:?}", sorted.binary_search(&6), sorted.binary_search(&4));
    sorted.dedup();
    println!("dedup {:?} contains(-5) {}", sorted, sorted.contains(&-5));
    sorted.sort_by(|a, b| b.cmp(a));
    println!("descending {:?}", sorted);
    sorted.sort_by_key(|v| v.abs());
    println!("by abs {:?}", sorted);

    let mut readings = vec![
        Reading { sensor: "b", value: 3 },
        Reading { sensor: "a", value: 9 },
        Reading { sensor: "c", value: -1 },
        Reading { sensor: "a", value: 2 },
    ];
    readings.sort_by(|x, y| x.sensor.cmp(y.sensor).then(y.value.cmp(&x.value)));
    println!("{:?}", readings.iter().map(|r| format!("{}{}", r.sensor, r.value)).collect::<Vec<_>>());
    readings.retain(|r| r.value > 0);
    println!("retained {}", readings.len());

    let mut v = vec![1, 2, 3];
    v.extend([4, 5, 6]);
    v.extend_from_slice(&[7]);
    let drained: Vec<i32> = v.drain(1..4).collect();
    println!("drained {:?} left {:?}", drained, v);
    v.swap(0, 1);
    v.reverse();
    v.insert(1, 100);
    println!("after swap/reverse/insert {:?}", v);
    println!("removed {}, left {:?}", v.remove(0), v);
    v.truncate(2);
    println!("truncated {:?}", v);

    let words = ["async", "rust", "is", "fun"];
    println!("{} / {} / {:?}", words.join(" "), words.concat(), [[1, 2], [3, 4]].concat());
    println!("position {:?} iter max {:?} min {:?}", words.iter().position(|w| *w == "is"), words.iter().max(), words.iter().min_by_key(|w| w.len()));
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 5;
    println!("{:?} {}", grid, grid.iter().flatten().count());
    println!("starts_with {} ends_with {} is_empty {}", data.starts_with(&[6]), data.ends_with(&[-5]), Vec::<u8>::new().is_empty());
}
