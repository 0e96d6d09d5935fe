//! The `tracing` subscriber: receives tokio's spans and events and hands them to `model::State`.
//!
//! It is a `Subscriber` of its own rather than a `tracing_subscriber::Layer` on the `Registry`: the
//! Registry keeps a span open while any child span is open, and in tokio 1.24 a task's span is the
//! contextual parent of every span created while it is polled — the tasks it spawns, its `Sleep`s. A
//! task that spawned a longer-lived task would look unfinished until the child ended. Counting the
//! references ourselves, a task span closes exactly when tokio drops the task's future.

use std::cell::{Cell, RefCell};
use std::sync::{Mutex, MutexGuard, OnceLock};

use tracing_core::span::{Attributes, Current, Id, Record};
use tracing_core::subscriber::Interest;
use tracing_core::{Event, LevelFilter, Metadata, Subscriber};

use crate::fields::Fields;
use crate::model::State;

static STATE: OnceLock<Mutex<State>> = OnceLock::new();

pub(crate) fn state() -> Option<MutexGuard<'static, State>> {
    let m = STATE.get()?;
    Some(m.lock().unwrap_or_else(|e| e.into_inner()))
}

pub(crate) fn install_state() -> bool {
    STATE.set(Mutex::new(State::new())).is_ok()
}

/// Names the main thread before `main` runs (the recorder may be installed from a constructor, when
/// `std::thread::current()` does not know the name yet).
pub(crate) fn register_main_thread() {
    let Some(mut st) = state() else { return };
    if THREAD.with(|t| t.get()).is_none() {
        let idx = st.add_thread("main");
        THREAD.with(|t| t.set(Some(idx)));
    }
}

thread_local! {
    static THREAD: Cell<Option<u32>> = const { Cell::new(None) };
    /// Span ids entered on this thread, innermost last.
    static STACK: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    /// Set while this thread is inside the recorder (its own writes are not the program's output).
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static EXIT: RefCell<Option<ThreadExit>> = const { RefCell::new(None) };
}

/// Emits `thread-exit` when the thread's thread-locals are destroyed (the thread is ending).
struct ThreadExit(u32);

impl Drop for ThreadExit {
    fn drop(&mut self) {
        if let Some(mut st) = state() {
            if !st.finished {
                st.thread_exit(self.0);
            }
        }
    }
}

/// Runs `f` with the recorder's state and this thread's index and span stack, unless recording has
/// ended or this thread is already inside the recorder.
pub(crate) fn with_state<R>(f: impl FnOnce(&mut State, u32, &[u64]) -> R) -> Option<R> {
    if BUSY.try_with(|b| b.replace(true)).ok()? {
        return None;
    }
    struct Unbusy;
    impl Drop for Unbusy {
        fn drop(&mut self) {
            let _ = BUSY.try_with(|b| b.set(false));
        }
    }
    let _unbusy = Unbusy;
    let mut st = state()?;
    if st.finished {
        return None;
    }
    let thread = match THREAD.try_with(|t| t.get()).ok()? {
        Some(i) => i,
        None => {
            let cur = std::thread::current();
            let idx = st.add_thread(cur.name().unwrap_or("unnamed"));
            let _ = THREAD.try_with(|t| t.set(Some(idx)));
            let _ = EXIT.try_with(|e| *e.borrow_mut() = Some(ThreadExit(idx)));
            idx
        }
    };
    // The span stack may already be gone while the thread shuts down: treat it as empty then.
    let stack: Vec<u64> = STACK.try_with(|s| s.borrow().clone()).unwrap_or_default();
    Some(f(&mut st, thread, &stack))
}

fn push_stack(id: u64) {
    let _ = STACK.try_with(|s| s.borrow_mut().push(id));
}

fn pop_stack(id: u64) {
    let _ = STACK.try_with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|&x| x == id) {
            s.remove(i);
        }
    });
}

/// tokio's runtime instrumentation: the task, waker and resource targets. Anything else the program
/// traces is not ours to record.
fn is_tokio(meta: &Metadata<'_>) -> bool {
    let t = meta.target();
    t.starts_with("tokio") || t.starts_with("runtime::") || meta.name().starts_with("runtime.")
}

pub(crate) struct Recorder;

impl Subscriber for Recorder {
    fn register_callsite(&self, meta: &'static Metadata<'static>) -> Interest {
        if is_tokio(meta) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, meta: &Metadata<'_>) -> bool {
        is_tokio(meta)
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(LevelFilter::TRACE)
    }

    fn new_span(&self, attrs: &Attributes<'_>) -> Id {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        let name = attrs.metadata().name();
        let id = with_state(|st, thread, stack| st.new_span(thread, stack, name, &fields));
        // Ids must be non-zero; a span made while recording is off gets an id nothing refers to.
        Id::from_u64(id.unwrap_or(u64::MAX))
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let target = event.metadata().target();
        with_state(|st, thread, stack| st.event(thread, stack, target, &fields));
    }

    fn enter(&self, span: &Id) {
        let id = span.into_u64();
        push_stack(id);
        with_state(|st, thread, _| st.enter(thread, id));
    }

    fn exit(&self, span: &Id) {
        let id = span.into_u64();
        pop_stack(id);
        with_state(|st, thread, _| st.exit(thread, id));
    }

    fn clone_span(&self, id: &Id) -> Id {
        let raw = id.into_u64();
        with_state(|st, _, _| st.clone_span(raw));
        id.clone()
    }

    fn try_close(&self, id: Id) -> bool {
        let raw = id.into_u64();
        with_state(|st, thread, _| st.try_close(thread, raw)).unwrap_or(false)
    }

    fn current_span(&self) -> Current {
        Current::none()
    }
}
