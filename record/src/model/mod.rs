//! From tokio's instrumentation to Pollscope's trace events.
//!
//! `State` sees every span and event tokio emits (through `subscriber.rs`), in the order they took the
//! recorder's lock, and keeps just enough of the runtime's state to say what each means in Pollscope's
//! vocabulary (`src/trace/events.ts`): which task a span is, which thread polls it, whether a poll
//! returned Pending or Ready, whether a wake scheduled the task, which timer fired. Everything it writes
//! is either what tokio reported or derived from it by the rules written next to the code; what tokio
//! does not report (run queues, future state, steals, parks) is not invented.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

use crate::fields::{Fields, Loc};

mod resources;
#[cfg(test)]
mod tests;

/// Pollscope task id of `#[tokio::main]`'s `block_on` future.
pub(crate) const MAIN_TASK: i64 = 0;
/// Ids for a second, third… `block_on` (another runtime, `Handle::block_on`): Pollscope has one main.
const EXTRA_BLOCK_ON_BASE: i64 = 100_000;

#[derive(Debug)]
pub(crate) enum Ev {
    ThreadStart {
        name: String,
    },
    ThreadExit,
    Spawn {
        task: i64,
        parent: i64,
        site: Option<Loc>,
        mode: &'static str,
    },
    Poll {
        task: i64,
        from: &'static str,
    },
    /// The end of a task poll, decided later (see `resolve_thread`). `reschedule`: the task was woken
    /// during the poll, so a Pending poll puts it straight back in a run queue (tokio's
    /// `transition_to_idle` finding NOTIFIED).
    PollEnd {
        task: i64,
        end: End,
        reschedule: bool,
    },
    /// The task became scheduled (notified). Which queue it went into is not recorded.
    Schedule {
        task: i64,
    },
    Complete {
        task: i64,
        outcome: &'static str,
    },
    WakerClone {
        task: i64,
    },
    WakerDrop {
        task: i64,
    },
    Wake {
        task: i64,
        by: i64,
        resource: i64,
        op: &'static str,
        effect: &'static str,
    },
    Register {
        task: i64,
        resource: i64,
    },
    Deregister {
        task: i64,
        resource: i64,
    },
    ResourceNew {
        resource: i64,
        name: String,
        site: Option<Loc>,
        kind: &'static str,
    },
    ResourceState {
        resource: i64,
        text: String,
    },
    ResourceDrop {
        resource: i64,
    },
    TimerArm {
        resource: i64,
        task: i64,
        deadline: u64,
    },
    TimerFire {
        resource: i64,
        task: i64,
    },
    TimerCancel {
        resource: i64,
    },
    Print {
        text: String,
        stream: &'static str,
    },
    Panic {
        task: i64,
        message: String,
        site: Option<Loc>,
    },
    Outcome {
        message: String,
        result: &'static str,
    },
}

/// How a task poll ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum End {
    Unresolved,
    Pending,
    Ready,
    /// The poll panicked: it returned nothing (the task completes as panicked; no Pending/Ready).
    Unwound,
}

#[derive(Debug)]
pub(crate) struct Rec {
    pub time: u64,
    pub thread: u32,
    pub ev: Ev,
}

enum SpanKind {
    Task(i64),
    /// A multi_thread worker's run loop: tokio launches each worker as a blocking task (`worker.rs`
    /// `launch` → `spawn_blocking`), so it has a span and a task id. Not a task of the program's: it is
    /// not shown; the thread that enters it is a worker.
    WorkerLoop,
    /// A resource; `res` is -1 for resources Pollscope does not show (tokio's internal semaphores).
    Resource(i64),
    AsyncOp(i64),
    AsyncOpPoll(i64),
    Other,
}

struct SpanInfo {
    refs: usize,
    kind: SpanKind,
    /// Only the span that created a resource closes it (an `Interval`'s inner `Sleep` shares its id).
    owns_resource: bool,
}

#[derive(Default)]
struct Task {
    running_on: Option<u32>,
    /// Woken since its last poll started, not polled yet.
    notified: bool,
    done: bool,
    blocking: bool,
    /// Resources whose poll returned Pending in this task's last poll: they hold its waker.
    registered: Vec<i64>,
}

#[derive(Default)]
struct Resource {
    timer: bool,
    attrs: Vec<(String, String)>,
    /// Tick deadline (recorder ns) while armed and not fired.
    armed: Option<u64>,
    /// In the current poll of its `Sleep`, `poll_elapsed` has reported Ready once (the coop check).
    elapsed_ready: bool,
}

pub(crate) struct ThreadRec {
    pub name: String,
    pub ran_async: bool,
    pub ran_blocking: bool,
    /// Ran a multi_thread worker's loop.
    pub worker: bool,
}

pub(crate) struct State {
    start: Instant,
    pub finished: bool,
    next_span: u64,
    spans: HashMap<u64, SpanInfo>,
    /// Span id → Pollscope task id, kept after the span closes (wakers outlive their task).
    task_of_span: HashMap<u64, i64>,
    tasks: HashMap<i64, Task>,
    /// tokio task ids that `block_on` took (see `task_id`).
    block_on_ids: Vec<u64>,
    next_extra_block_on: i64,
    next_resource: i64,
    resources: HashMap<i64, Resource>,
    pub threads: Vec<ThreadRec>,
    pub events: Vec<Rec>,
    /// Poll ends not yet known to be Pending or Ready: (thread, event index, span).
    unresolved: Vec<(u32, usize, u64)>,
    panicked: HashSet<i64>,
    /// How many of each kind of instrumentation arrived (written to the header).
    pub received: BTreeMap<String, u64>,
    /// `loc.file` of the first `block_on`: the program's own file, for source offsets.
    pub program_file: Option<String>,
    pub wakes_of_unknown_tasks: u64,
}

impl State {
    pub fn new() -> State {
        State {
            start: Instant::now(),
            finished: false,
            next_span: 1,
            spans: HashMap::new(),
            task_of_span: HashMap::new(),
            tasks: HashMap::new(),
            block_on_ids: Vec::new(),
            next_extra_block_on: EXTRA_BLOCK_ON_BASE,
            next_resource: 1,
            resources: HashMap::new(),
            threads: Vec::new(),
            events: Vec::new(),
            unresolved: Vec::new(),
            panicked: HashSet::new(),
            received: BTreeMap::new(),
            program_file: None,
            wakes_of_unknown_tasks: 0,
        }
    }

    fn now(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    fn push(&mut self, thread: u32, ev: Ev) -> usize {
        let time = self.now();
        self.events.push(Rec { time, thread, ev });
        self.events.len() - 1
    }

    fn count(&mut self, what: String) {
        *self.received.entry(what).or_insert(0) += 1;
    }

    /// A thread seen for the first time (`name` as the OS knows it; repeats get " #2", " #3"…, since
    /// tokio names every worker and blocking thread `tokio-runtime-worker`).
    pub fn add_thread(&mut self, name: &str) -> u32 {
        let same = self
            .threads
            .iter()
            .filter(|t| t.name == name || t.name.starts_with(&format!("{name} #")))
            .count();
        let shown = if same == 0 {
            name.to_string()
        } else {
            format!("{name} #{}", same + 1)
        };
        let idx = self.threads.len() as u32;
        self.threads.push(ThreadRec {
            name: shown.clone(),
            ran_async: false,
            ran_blocking: false,
            worker: false,
        });
        self.push(idx, Ev::ThreadStart { name: shown });
        idx
    }

    pub fn thread_exit(&mut self, thread: u32) {
        self.resolve_thread(thread, None);
        self.push(thread, Ev::ThreadExit);
    }

    // ------------------------------------------------------------------------------------ the stack

    fn innermost_task(&self, stack: &[u64]) -> i64 {
        for id in stack.iter().rev() {
            if let Some(SpanInfo {
                kind: SpanKind::Task(t),
                ..
            }) = self.spans.get(id)
            {
                return *t;
            }
        }
        -1
    }

    /// The resource whose span (or async-op span) is innermost on the thread: state updates and poll
    /// ops are emitted inside it. -1 if none, or if it is one Pollscope does not show.
    fn innermost_resource(&self, stack: &[u64]) -> i64 {
        for id in stack.iter().rev() {
            match self.spans.get(id).map(|s| &s.kind) {
                Some(SpanKind::Resource(r) | SpanKind::AsyncOp(r) | SpanKind::AsyncOpPoll(r)) => {
                    return *r
                }
                Some(SpanKind::Task(_)) => return -1,
                _ => {}
            }
        }
        -1
    }

    // ------------------------------------------------------------------------------------ spans

    pub fn new_span(&mut self, thread: u32, stack: &[u64], name: &str, fields: &Fields) -> u64 {
        let id = self.next_span;
        self.next_span += 1;
        let mut owns_resource = false;
        let kind = match name {
            "runtime.spawn" => self.new_task(thread, stack, id, fields),
            "runtime.resource" => {
                let parent = self.innermost_resource_span(stack);
                if fields.bool("is_internal") == Some(true) {
                    self.count("span runtime.resource (is_internal, not shown)".into());
                    SpanKind::Resource(-1)
                } else if let Some(parent) = parent {
                    // A resource made inside another (`Interval` makes a `Sleep`): one resource.
                    self.count(format!(
                        "span runtime.resource {} (inside another resource)",
                        fields.str("concrete_type").unwrap_or("?")
                    ));
                    SpanKind::Resource(parent)
                } else {
                    owns_resource = true;
                    SpanKind::Resource(self.new_resource(thread, fields))
                }
            }
            "runtime.resource.async_op" => {
                self.count(format!(
                    "span runtime.resource.async_op source={}",
                    fields.str("source").unwrap_or("?")
                ));
                SpanKind::AsyncOp(self.innermost_resource(stack))
            }
            "runtime.resource.async_op.poll" => {
                self.count("span runtime.resource.async_op.poll".into());
                SpanKind::AsyncOpPoll(self.innermost_resource(stack))
            }
            other => {
                self.count(format!("span {other} (ignored)"));
                SpanKind::Other
            }
        };
        self.spans.insert(
            id,
            SpanInfo {
                refs: 1,
                kind,
                owns_resource,
            },
        );
        id
    }

    fn innermost_resource_span(&self, stack: &[u64]) -> Option<i64> {
        for id in stack.iter().rev() {
            match self.spans.get(id).map(|s| &s.kind) {
                Some(SpanKind::Resource(r)) if *r >= 0 => return Some(*r),
                Some(SpanKind::Task(_)) => return None,
                _ => {}
            }
        }
        None
    }

    /// tokio numbers tasks from 1, but with `tokio_unstable` + `tracing` every `block_on` also takes an
    /// id (runtime.rs / handle.rs `block_on`), so the first spawned task is 2. Pollscope's ids are the
    /// ones the same program gets without instrumentation: the tokio id minus the `block_on`s before it.
    fn task_id(&mut self, tokio_id: u64, block_on: bool) -> i64 {
        if block_on {
            self.block_on_ids.push(tokio_id);
            if self.block_on_ids.len() == 1 {
                return MAIN_TASK;
            }
            self.next_extra_block_on += 1;
            return self.next_extra_block_on - 1;
        }
        let before = self.block_on_ids.iter().filter(|&&b| b < tokio_id).count() as u64;
        (tokio_id - before) as i64
    }

    fn new_task(&mut self, thread: u32, stack: &[u64], span: u64, fields: &Fields) -> SpanKind {
        let kind = fields.str("kind").unwrap_or("task").to_string();
        self.count(format!("span runtime.spawn kind={kind}"));
        let Some(tokio_id) = fields.u64("task.id") else {
            self.count("span runtime.spawn without task.id (ignored)".into());
            return SpanKind::Other;
        };
        let block_on = kind == "block_on";
        let site = Loc::of(fields);
        if kind == "blocking"
            && site
                .as_ref()
                .is_some_and(|l| l.file.ends_with("multi_thread/worker.rs"))
        {
            self.count(
                "span runtime.spawn kind=blocking (a multi_thread worker's run loop, not shown)"
                    .into(),
            );
            return SpanKind::WorkerLoop;
        }
        let task = self.task_id(tokio_id, block_on);
        if block_on && self.program_file.is_none() {
            self.program_file = site.as_ref().map(|l| l.file.clone());
        }
        let parent = if block_on {
            -1
        } else {
            self.innermost_task(stack)
        };
        let blocking = kind == "blocking";
        self.task_of_span.insert(span, task);
        self.tasks.insert(
            task,
            Task {
                blocking,
                ..Task::default()
            },
        );
        self.push(
            thread,
            Ev::Spawn {
                task,
                parent,
                site,
                mode: if blocking { "blocking" } else { "async" },
            },
        );
        SpanKind::Task(task)
    }

    pub fn clone_span(&mut self, id: u64) {
        if let Some(s) = self.spans.get_mut(&id) {
            s.refs += 1;
        }
    }

    /// Returns true when the span closed.
    pub fn try_close(&mut self, thread: u32, id: u64) -> bool {
        let Some(s) = self.spans.get_mut(&id) else {
            return false;
        };
        s.refs = s.refs.saturating_sub(1);
        if s.refs > 0 {
            return false;
        }
        let info = self.spans.remove(&id).expect("present");
        match info.kind {
            SpanKind::Task(task) => self.task_closed(thread, id, task),
            SpanKind::Resource(res) if res >= 0 && info.owns_resource => {
                if self.resources.get(&res).and_then(|r| r.armed).is_some() {
                    self.push(thread, Ev::TimerCancel { resource: res });
                }
                self.resources.remove(&res);
                self.push(thread, Ev::ResourceDrop { resource: res });
            }
            _ => {}
        }
        true
    }

    pub fn enter(&mut self, thread: u32, id: u64) {
        if let Some(SpanInfo {
            kind: SpanKind::WorkerLoop,
            ..
        }) = self.spans.get(&id)
        {
            if let Some(th) = self.threads.get_mut(thread as usize) {
                th.worker = true;
            }
            return;
        }
        if let Some(SpanInfo {
            kind: SpanKind::AsyncOpPoll(res),
            ..
        }) = self.spans.get(&id)
        {
            let res = *res;
            if let Some(r) = self.resources.get_mut(&res) {
                r.elapsed_ready = false;
            }
            return;
        }
        let Some(SpanInfo {
            kind: SpanKind::Task(task),
            ..
        }) = self.spans.get(&id)
        else {
            return;
        };
        let task = *task;
        self.count("enter runtime.spawn (a poll)".into());
        self.resolve_thread(thread, None);
        let Some(t) = self.tasks.get_mut(&task) else {
            return;
        };
        t.running_on = Some(thread);
        t.notified = false;
        let blocking = t.blocking;
        let registered = std::mem::take(&mut t.registered);
        if let Some(th) = self.threads.get_mut(thread as usize) {
            if blocking {
                th.ran_blocking = true;
            } else if task != MAIN_TASK {
                th.ran_async = true;
            }
        }
        // A resource that returned Pending in the last poll held the waker until now: this poll
        // polls it again (and it registers again if still Pending).
        for resource in registered {
            self.push(thread, Ev::Deregister { task, resource });
        }
        let from = if task == MAIN_TASK {
            "main"
        } else if blocking {
            "blocking"
        } else {
            "unrecorded"
        };
        self.push(thread, Ev::Poll { task, from });
    }

    pub fn exit(&mut self, thread: u32, id: u64) {
        let Some(SpanInfo {
            kind: SpanKind::Task(task),
            ..
        }) = self.spans.get(&id)
        else {
            return;
        };
        let task = *task;
        self.count("exit runtime.spawn".into());
        self.resolve_thread(thread, None);
        let reschedule = match self.tasks.get_mut(&task) {
            Some(t) => {
                t.running_on = None;
                t.notified
            }
            None => false,
        };
        let i = self.push(
            thread,
            Ev::PollEnd {
                task,
                end: End::Unresolved,
                reschedule,
            },
        );
        self.unresolved.push((thread, i, id));
    }

    /// tokio's instrumentation does not say whether a poll returned Ready. It does not need to: when it
    /// does, the harness drops the future at once (`Core::poll` → `drop_future_or_output`), so the task
    /// span closes on the same thread before that thread enters or leaves any other task span. A poll
    /// end is Ready when its span closes that way, Pending as soon as the thread moves on.
    fn resolve_thread(&mut self, thread: u32, closing: Option<(u64, bool)>) -> bool {
        let mut ready_found = false;
        let mut keep = Vec::new();
        for (th, i, span) in std::mem::take(&mut self.unresolved) {
            if th != thread {
                keep.push((th, i, span));
                continue;
            }
            let end = match closing {
                Some((s, panicked)) if s == span => {
                    ready_found = true;
                    if panicked {
                        End::Unwound
                    } else {
                        End::Ready
                    }
                }
                _ => End::Pending,
            };
            self.set_end(i, end);
        }
        self.unresolved = keep;
        ready_found
    }

    fn set_end(&mut self, i: usize, end: End) {
        if let Ev::PollEnd { end: e, .. } = &mut self.events[i].ev {
            *e = end;
        }
    }

    /// The span closed: the task's future was dropped — after returning Ready (same thread, right
    /// after its poll), or cancelled (aborted, or the runtime shut down) without being polled.
    fn task_closed(&mut self, thread: u32, span: u64, task: i64) {
        self.count("close runtime.spawn".into());
        let panicked = self.panicked.contains(&task);
        let was_ready = self.resolve_thread(thread, Some((span, panicked)));
        // A poll end of this task on another thread: it returned Pending and the task was cancelled.
        let mut keep = Vec::new();
        for (th, i, s) in std::mem::take(&mut self.unresolved) {
            if s == span {
                self.set_end(i, End::Pending);
            } else {
                keep.push((th, i, s));
            }
        }
        self.unresolved = keep;
        let registered = match self.tasks.get_mut(&task) {
            Some(t) => {
                t.done = true;
                t.running_on = None;
                std::mem::take(&mut t.registered)
            }
            None => Vec::new(),
        };
        for resource in registered {
            self.push(thread, Ev::Deregister { task, resource });
        }
        let outcome = if panicked {
            "panicked"
        } else if was_ready {
            "ok"
        } else {
            "cancelled"
        };
        self.push(thread, Ev::Complete { task, outcome });
    }

    // ------------------------------------------------------------------------------------ events

    pub fn event(&mut self, thread: u32, stack: &[u64], target: &str, fields: &Fields) {
        match target {
            "tokio::task::waker" => self.waker(thread, stack, fields),
            "runtime::resource::state_update" => self.state_update(thread, stack, fields),
            "runtime::resource::poll_op" => self.poll_op(thread, stack, fields),
            other => self.count(format!("event {other} (ignored)")),
        }
    }

    fn waker(&mut self, thread: u32, stack: &[u64], fields: &Fields) {
        let op = fields.str("op").unwrap_or("?").to_string();
        self.count(format!("event tokio::task::waker op={op}"));
        // `task.id` here is the task's *span* id (`Header::get_tracing_id`), not tokio's task::Id.
        let Some(task) = fields
            .u64("task.id")
            .and_then(|s| self.task_of_span.get(&s).copied())
        else {
            self.wakes_of_unknown_tasks += 1;
            return;
        };
        match op.as_str() {
            "waker.clone" => {
                self.push(thread, Ev::WakerClone { task });
            }
            "waker.drop" => {
                self.push(thread, Ev::WakerDrop { task });
            }
            "waker.wake" | "waker.wake_by_ref" => {
                let by = self.innermost_task(stack);
                let resource = self.waking_resource(thread, task, by);
                let effect = self.wake_effect(task);
                let op = if op == "waker.wake" {
                    "wake"
                } else {
                    "wake_by_ref"
                };
                self.push(
                    thread,
                    Ev::Wake {
                        task,
                        by,
                        resource,
                        op,
                        effect,
                    },
                );
                if effect == "scheduled" {
                    self.push(thread, Ev::Schedule { task });
                }
            }
            _ => {}
        }
    }

    /// What a wake did, from the task's state as recorded (tokio's `State::transition_to_notified_*`):
    /// on multi_thread this follows the order the events reached the recorder.
    fn wake_effect(&mut self, task: i64) -> &'static str {
        let Some(t) = self.tasks.get_mut(&task) else {
            return "scheduled";
        };
        if t.done {
            "after-complete"
        } else if task == MAIN_TASK {
            "main"
        } else if t.running_on.is_some() {
            t.notified = true;
            "while-running"
        } else if t.notified {
            "already-notified"
        } else {
            t.notified = true;
            "scheduled"
        }
    }

    // ------------------------------------------------------------------------------------ the program

    pub fn print(&mut self, thread: u32, text: String, stream: &'static str) {
        self.push(thread, Ev::Print { text, stream });
    }

    pub fn panic(&mut self, thread: u32, stack: &[u64], message: String, site: Option<Loc>) {
        let task = self.innermost_task(stack);
        if task >= 0 {
            self.panicked.insert(task);
        }
        self.push(
            thread,
            Ev::Panic {
                task,
                message,
                site,
            },
        );
    }

    pub fn outcome(&mut self, thread: u32, message: String, result: &'static str) {
        self.push(thread, Ev::Outcome { message, result });
    }

    /// Ends the recording: poll ends still open returned Pending (the thread never moved on).
    pub fn finish(&mut self) {
        for (_, i, _) in std::mem::take(&mut self.unresolved) {
            self.set_end(i, End::Pending);
        }
        self.finished = true;
    }

    /// Threads that ran a multi_thread worker's loop: 0 on current_thread.
    pub fn worker_threads(&self) -> usize {
        self.threads.iter().filter(|t| t.worker).count()
    }
}
