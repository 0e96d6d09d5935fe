// Language: VecDeque as a double-ended queue (push/pop at both ends, rotate, {:?}) and BinaryHeap as
// a priority queue (max first; Reverse for min first), driving a timer task with a paused clock.
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Duration;
use tokio::time::{sleep_until, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut queue: VecDeque<&str> = VecDeque::new();
    queue.push_back("b");
    queue.push_back("c");
    queue.push_front("a");
    println!("{:?} front {:?} back {:?} len {}", queue, queue.front(), queue.back(), queue.len());
    queue.rotate_left(1);
    println!("rotated: {:?}", queue);
    println!("pop_front {:?}, pop_back {:?}, left {:?}", queue.pop_front(), queue.pop_back(), queue);
    let mut ring: VecDeque<u32> = (1..=5).collect();
    for _ in 0..3 {
        let x = ring.pop_front().unwrap();
        ring.push_back(x * 10);
    }
    println!("ring {:?}, contains 20: {}", ring, ring.contains(&20));

    let mut heap = BinaryHeap::new();
    for n in [3, 9, 1, 7] {
        heap.push(n);
    }
    println!("peek {:?}, len {}", heap.peek(), heap.len());
    let mut popped = Vec::new();
    while let Some(n) = heap.pop() {
        popped.push(n);
    }
    println!("popped in order: {:?}", popped);
    let jobs: BinaryHeap<(u8, &str)> = vec![(2, "build"), (9, "hotfix"), (5, "test")].into_iter().collect();
    println!("sorted: {:?}", jobs.into_sorted_vec());

    // A tiny timer wheel: (deadline in ms, name), earliest first.
    let start = Instant::now();
    let mut timers = BinaryHeap::new();
    for (ms, name) in [(300u64, "c"), (100, "a"), (200, "b"), (100, "a2")] {
        timers.push(Reverse((ms, name)));
    }
    let runner = tokio::spawn(async move {
        while let Some(Reverse((ms, name))) = timers.pop() {
            sleep_until(start + Duration::from_millis(ms)).await;
            println!("timer {name} fired at {}ms", start.elapsed().as_millis());
        }
    });
    runner.await.unwrap();
}
