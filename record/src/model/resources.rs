//! Resources: tokio's `runtime.resource` spans (timers and sync primitives), their state updates and
//! poll ops, and the timer fires derived from them.

use super::{Ev, Resource, State};
use crate::fields::{Fields, Loc, Value};

impl State {
    pub(super) fn new_resource(&mut self, thread: u32, fields: &Fields) -> i64 {
        let concrete = fields
            .str("concrete_type")
            .unwrap_or("resource")
            .to_string();
        self.count(format!("span runtime.resource {concrete}"));
        let res = self.next_resource;
        self.next_resource += 1;
        let timer = fields.str("kind") == Some("timer");
        let kind = match concrete.as_str() {
            _ if timer => "timer",
            "Mutex" => "mutex",
            "Semaphore" => "semaphore",
            "Sender|Receiver" => "oneshot",
            "RwLock" => "rwlock",
            "Barrier" => "barrier",
            _ => "user",
        };
        let name = if concrete == "Sender|Receiver" {
            "oneshot".to_string()
        } else {
            concrete
        };
        self.resources.insert(
            res,
            Resource {
                timer,
                ..Resource::default()
            },
        );
        self.push(
            thread,
            Ev::ResourceNew {
                resource: res,
                name,
                site: Loc::of(fields),
                kind,
            },
        );
        res
    }

    /// Which resource woke the task, where the recording shows it: a wake from outside any task of a
    /// task whose Pending timer is due is that timer firing (tokio's time driver wakes from the
    /// scheduler's park, outside every task span; its deadline is known to the millisecond tick);
    /// otherwise the one non-timer resource the task was waiting on, if there is exactly one. Else -1.
    pub(super) fn waking_resource(&mut self, thread: u32, task: i64, by: i64) -> i64 {
        let now = self.now();
        let registered = self
            .tasks
            .get(&task)
            .map(|t| t.registered.clone())
            .unwrap_or_default();
        if by < 0 {
            let due = registered
                .iter()
                .filter_map(|r| self.resources.get(r).and_then(|x| x.armed).map(|d| (d, *r)))
                .filter(|(d, _)| *d <= now + 1_000_000)
                .min();
            if let Some((_, res)) = due {
                self.fire(thread, res, task);
                return res;
            }
        }
        let others: Vec<i64> = registered
            .into_iter()
            .filter(|r| self.resources.get(r).is_some_and(|x| !x.timer))
            .collect();
        if others.len() == 1 {
            others[0]
        } else {
            -1
        }
    }

    fn fire(&mut self, thread: u32, res: i64, task: i64) {
        if let Some(r) = self.resources.get_mut(&res) {
            r.armed = None;
        }
        self.push(
            thread,
            Ev::TimerFire {
                resource: res,
                task,
            },
        );
    }

    pub(super) fn state_update(&mut self, thread: u32, stack: &[u64], fields: &Fields) {
        self.count("event runtime::resource::state_update".into());
        let res = self.innermost_resource(stack);
        if res < 0 || !self.resources.contains_key(&res) {
            return;
        }
        let task = self.innermost_task(stack);
        // One attribute per update: `name = value`, with `name.op` (override/add/sub), `name.unit`.
        let Some((name, value)) = fields.0.iter().find(|(n, _)| !n.contains('.')) else {
            return;
        };
        let op = fields
            .str(&format!("{name}.op"))
            .unwrap_or("override")
            .to_string();
        let unit = fields
            .str(&format!("{name}.unit"))
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let now = self.now();
        let r = self.resources.get_mut(&res).expect("checked");
        let shown = match (&op[..], value, r.attrs.iter().position(|(n, _)| n == name)) {
            ("add" | "sub", Value::U(v), Some(i)) => {
                let old: i64 = r.attrs[i]
                    .1
                    .split(' ')
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let new = if op == "add" {
                    old + *v as i64
                } else {
                    old - *v as i64
                };
                format!("{new}{unit}")
            }
            _ => format!("{value}{unit}"),
        };
        match r.attrs.iter().position(|(n, _)| n == name) {
            Some(i) => r.attrs[i].1 = shown,
            None => r.attrs.push((name.to_string(), shown)),
        }
        let text = r
            .attrs
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        let arm = r.timer && *name == "duration";
        let deadline = match value {
            Value::U(ms) => now + ms * 1_000_000,
            _ => now,
        };
        if arm {
            r.armed = Some(deadline);
        }
        self.push(
            thread,
            Ev::ResourceState {
                resource: res,
                text,
            },
        );
        if arm {
            self.push(
                thread,
                Ev::TimerArm {
                    resource: res,
                    task,
                    deadline,
                },
            );
        }
    }

    /// `poll_op`: one operation of a resource polled inside a task. Pending means the resource keeps
    /// the task's waker (Pollscope's `register`). `Sleep::poll_elapsed` reports twice per poll under the
    /// same name — the coop budget check, then the timer entry — so a timer has fired when the second
    /// of them is Ready (exact, whatever the clock: a paused clock's timers fire before their real-time
    /// deadline).
    pub(super) fn poll_op(&mut self, thread: u32, stack: &[u64], fields: &Fields) {
        let ready = fields.bool("is_ready").unwrap_or(false);
        let op = fields.str("op_name").unwrap_or("?").to_string();
        self.count(format!(
            "event runtime::resource::poll_op op_name={op} is_ready={ready}"
        ));
        let res = self.innermost_resource(stack);
        let task = self.innermost_task(stack);
        if res < 0 || !self.resources.contains_key(&res) {
            return;
        }
        let r = self.resources.get_mut(&res).expect("checked");
        let fired = if op == "poll_elapsed" && ready {
            let second = r.elapsed_ready;
            r.elapsed_ready = !second;
            second && r.armed.is_some()
        } else {
            r.elapsed_ready = false;
            false
        };
        if fired {
            self.fire(thread, res, task);
        }
        if !ready && task >= 0 {
            if let Some(t) = self.tasks.get_mut(&task) {
                if !t.registered.contains(&res) {
                    t.registered.push(res);
                    self.push(
                        thread,
                        Ev::Register {
                            task,
                            resource: res,
                        },
                    );
                }
            }
        }
    }
}
