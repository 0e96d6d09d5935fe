//! The mapping rules on hand-made sequences of what tokio 1.24 emits (the same calls `subscriber.rs` makes).

use super::{End, Ev, State};
use crate::fields::{Fields, Value};

fn spawn(kind: &str, id: u64) -> Fields {
    Fields(vec![
        ("kind", Value::S(kind.into())),
        ("task.id", Value::U(id)),
        ("loc.file", Value::S("src/main.rs".into())),
        ("loc.line", Value::U(3)),
        ("loc.col", Value::U(5)),
    ])
}

fn waker(op: &str, span: u64) -> Fields {
    Fields(vec![
        ("op", Value::S(op.into())),
        ("task.id", Value::U(span)),
    ])
}

/// The events as `kind task` words (poll ends resolved), skipping thread starts.
fn words(st: &State) -> Vec<String> {
    st.events
        .iter()
        .filter_map(|r| match &r.ev {
            Ev::Spawn { task, parent, .. } => Some(format!("spawn {task} parent={parent}")),
            Ev::Poll { task, from } => Some(format!("poll {task} {from}")),
            Ev::PollEnd {
                task,
                end,
                reschedule,
            } => Some(format!(
                "{} {task}{}",
                match end {
                    End::Ready => "ready",
                    End::Pending => "pending",
                    End::Unwound => "unwound",
                    End::Unresolved => "unresolved",
                },
                if *reschedule { " reschedule" } else { "" }
            )),
            Ev::Complete { task, outcome } => Some(format!("complete {task} {outcome}")),
            Ev::Wake {
                task, by, effect, ..
            } => Some(format!("wake {task} by={by} {effect}")),
            Ev::Schedule { task } => Some(format!("schedule {task}")),
            _ => None,
        })
        .collect()
}

#[test]
fn block_on_takes_an_id_that_spawned_tasks_do_not_see() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let main = st.new_span(t, &[], "runtime.spawn", &spawn("block_on", 1));
    st.enter(t, main);
    let a = st.new_span(t, &[main], "runtime.spawn", &spawn("task", 2));
    let b = st.new_span(t, &[main], "runtime.spawn", &spawn("task", 3));
    assert_ne!(a, b);
    assert_eq!(
        words(&st)[..3],
        ["spawn 0 parent=-1", "poll 0 main", "spawn 1 parent=0"]
    );
    assert_eq!(words(&st)[3], "spawn 2 parent=0");
}

#[test]
fn a_poll_is_ready_when_its_span_closes_right_after_and_pending_when_the_thread_moves_on() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let main = st.new_span(t, &[], "runtime.spawn", &spawn("block_on", 1));
    st.enter(t, main);
    let a = st.new_span(t, &[main], "runtime.spawn", &spawn("task", 2));
    let b = st.new_span(t, &[main], "runtime.spawn", &spawn("task", 3));
    st.exit(t, main);
    st.enter(t, a);
    st.exit(t, a);
    st.enter(t, b);
    st.exit(t, b);
    assert!(st.try_close(t, b));
    // a is dropped later without being polled again: cancelled (e.g. the runtime shut down).
    assert!(st.try_close(t, a));
    st.finish();
    assert_eq!(
        words(&st)[4..],
        [
            "pending 0",
            "poll 1 unrecorded",
            "pending 1",
            "poll 2 unrecorded",
            "ready 2",
            "complete 2 ok",
            "complete 1 cancelled"
        ]
    );
}

#[test]
fn a_span_still_referenced_closes_only_with_its_last_reference() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let a = st.new_span(t, &[], "runtime.spawn", &spawn("task", 1));
    st.clone_span(a);
    assert!(!st.try_close(t, a));
    assert!(st.try_close(t, a));
    assert!(!st.try_close(t, a), "a closed span stays closed");
}

#[test]
fn wake_effects_follow_the_task_state() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let a = st.new_span(t, &[], "runtime.spawn", &spawn("task", 1));
    st.enter(t, a);
    // Woken while it runs (yield_now's wake_by_ref): rescheduled when the poll returns Pending.
    st.event(
        t,
        &[a],
        "tokio::task::waker",
        &waker("waker.wake_by_ref", a),
    );
    st.exit(t, a);
    st.event(t, &[], "tokio::task::waker", &waker("waker.wake_by_ref", a));
    st.enter(t, a);
    st.exit(t, a);
    st.event(t, &[], "tokio::task::waker", &waker("waker.wake", a));
    st.event(t, &[], "tokio::task::waker", &waker("waker.wake", a));
    st.finish();
    assert_eq!(
        words(&st)[1..],
        [
            "poll 1 unrecorded",
            "wake 1 by=1 while-running",
            "pending 1 reschedule",
            "wake 1 by=-1 already-notified",
            "poll 1 unrecorded",
            "pending 1",
            "wake 1 by=-1 scheduled",
            "schedule 1",
            "wake 1 by=-1 already-notified"
        ]
    );
}

#[test]
fn a_panicking_poll_has_no_pending_or_ready() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let a = st.new_span(t, &[], "runtime.spawn", &spawn("task", 1));
    st.enter(t, a);
    st.panic(t, &[a], "boom".into(), None);
    st.exit(t, a);
    assert!(st.try_close(t, a));
    assert_eq!(
        words(&st)[1..],
        ["poll 1 unrecorded", "unwound 1", "complete 1 panicked"]
    );
}

#[test]
fn a_sleep_fires_at_its_second_ready_poll_elapsed_whatever_the_clock() {
    let mut st = State::new();
    let t = st.add_thread("main");
    let a = st.new_span(t, &[], "runtime.spawn", &spawn("task", 1));
    st.enter(t, a);
    let sleep_fields = Fields(vec![
        ("concrete_type", Value::S("Sleep".into())),
        ("kind", Value::S("timer".into())),
    ]);
    let sleep = st.new_span(t, &[a], "runtime.resource", &sleep_fields);
    // An hour, so the real-time deadline cannot have passed: only the poll ops can say it fired.
    let dur = Fields(vec![
        ("duration", Value::U(3_600_000)),
        ("duration.unit", Value::S("ms".into())),
    ]);
    st.event(t, &[a, sleep], "runtime::resource::state_update", &dur);
    let op = |ready| {
        Fields(vec![
            ("op_name", Value::S("poll_elapsed".into())),
            ("is_ready", Value::B(ready)),
        ])
    };
    let poll_span = st.new_span(
        t,
        &[a, sleep],
        "runtime.resource.async_op.poll",
        &Fields::default(),
    );
    st.enter(t, poll_span);
    st.event(
        t,
        &[a, sleep, poll_span],
        "runtime::resource::poll_op",
        &op(true),
    ); // coop
    st.event(
        t,
        &[a, sleep, poll_span],
        "runtime::resource::poll_op",
        &op(false),
    ); // timer
    st.exit(t, poll_span);
    st.enter(t, poll_span);
    st.event(
        t,
        &[a, sleep, poll_span],
        "runtime::resource::poll_op",
        &op(true),
    );
    st.event(
        t,
        &[a, sleep, poll_span],
        "runtime::resource::poll_op",
        &op(true),
    );
    st.exit(t, poll_span);
    let kinds: Vec<&str> = st
        .events
        .iter()
        .filter_map(|r| match r.ev {
            Ev::TimerArm { .. } => Some("arm"),
            Ev::Register { .. } => Some("register"),
            Ev::TimerFire { .. } => Some("fire"),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["arm", "register", "fire"]);
    assert!(st.try_close(t, sleep));
    assert!(
        !st.events
            .iter()
            .any(|r| matches!(r.ev, Ev::TimerCancel { .. })),
        "a fired timer is not cancelled"
    );
}
