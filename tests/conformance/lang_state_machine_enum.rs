// Language: an enum state machine driven by events — transitions as `match (state, event)` on a
// tuple, data carried in variants, impl methods on the enum — fed by a timer task (paused clock).
use std::time::Duration;
use tokio::sync::mpsc;

#[derive(Debug, Clone, PartialEq)]
enum Light {
    Red { waited: u32 },
    Green,
    Yellow,
    Off,
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Tick,
    Emergency,
    PowerCut,
}

impl Light {
    fn on_event(self, ev: Event) -> Light {
        match (self, ev) {
            (_, Event::PowerCut) => Light::Off,
            (Light::Off, _) => Light::Off,
            (_, Event::Emergency) => Light::Red { waited: 0 },
            (Light::Red { waited }, Event::Tick) if waited < 1 => Light::Red { waited: waited + 1 },
            (Light::Red { .. }, Event::Tick) => Light::Green,
            (Light::Green, Event::Tick) => Light::Yellow,
            (Light::Yellow, Event::Tick) => Light::Red { waited: 0 },
        }
    }

    fn can_cross(&self) -> bool {
        matches!(self, Light::Red { .. })
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = mpsc::channel(4);
    tokio::spawn(async move {
        let script = [Event::Tick, Event::Tick, Event::Tick, Event::Emergency, Event::Tick, Event::Tick, Event::Tick, Event::PowerCut, Event::Tick];
        for ev in script {
            tokio::time::sleep(Duration::from_millis(250)).await;
            if tx.send(ev).await.is_err() {
                break;
            }
        }
    });

    let start = tokio::time::Instant::now();
    let mut light = Light::Red { waited: 0 };
    let mut history = vec![light.clone()];
    while let Some(ev) = rx.recv().await {
        let next = light.clone().on_event(ev);
        println!(
            "{:>5}ms {:?} + {:?} -> {:?} (cross: {})",
            start.elapsed().as_millis(),
            light,
            ev,
            next,
            next.can_cross()
        );
        light = next;
        history.push(light.clone());
        if light == Light::Off {
            break;
        }
    }
    let greens = history.iter().filter(|l| **l == Light::Green).count();
    println!("{} states, {} green, final {:?}", history.len(), greens, history.last().unwrap());
}
