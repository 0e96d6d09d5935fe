//! Records a real tokio run as a Pollscope trace.
//!
//! tokio 1.24 built with `--cfg tokio_unstable` and its `tracing` feature reports every task spawn,
//! poll, waker clone/drop/wake, and the timers and sync primitives it instruments. This crate
//! subscribes to exactly that and writes Pollscope's JSON-lines trace, which "Open trace…" in the app
//! and the CLI read. What tokio does not report (run queues, future state, steals, parks) is listed in
//! the trace's header as not recorded, never invented.
//!
//! Two ways to use it:
//!
//! - `npm run record -- FILE.rs` in the Pollscope repository builds an unchanged program with this
//!   crate linked and `POLLSCOPE_RECORD=out.jsonl` set: the recorder installs itself before `main`.
//! - In your own crate: `let _guard = pollscope_record::init("run.jsonl");` first thing in a plain
//!   `fn main` (before the runtime is built, so `block_on` is recorded too); the trace is written when
//!   the guard drops.
//!
//! Build with `RUSTFLAGS="--cfg tokio_unstable"` (or `[build] rustflags = ["--cfg", "tokio_unstable"]`
//! in `.cargo/config.toml`); depending on this crate turns on tokio's `tracing` feature.

#[cfg(not(tokio_unstable))]
compile_error!(
    "pollscope_record needs tokio's instrumentation: build with RUSTFLAGS=\"--cfg tokio_unstable\" \
     (or [build] rustflags = [\"--cfg\", \"tokio_unstable\"] in .cargo/config.toml)"
);

#[cfg(target_os = "linux")]
mod capture;
mod fields;
mod model;
mod output;
mod subscriber;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fields::Loc;
use subscriber::{state, with_state};

struct Config {
    out: PathBuf,
    /// The program's source file for the trace header (`POLLSCOPE_RECORD_SOURCE`); otherwise the file
    /// `block_on` was called from, if it can be read.
    source: Option<PathBuf>,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// Writes the trace when dropped. Returned by [`init`].
#[must_use = "the trace is written when the guard is dropped"]
pub struct Guard {
    active: bool,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.active {
            return;
        }
        if std::thread::panicking() {
            finish(Some((
                "panicked",
                "the thread holding the recorder's guard panicked",
                101,
            )));
        } else {
            finish(Some(("completed", "main returned", 0)));
        }
    }
}

/// Starts recording tokio's instrumentation into `path` (JSON lines, written when the guard drops).
/// Call it before building the runtime. If a recording is already running (for instance under
/// `npm run record`) or another `tracing` subscriber is installed, the guard does nothing and a
/// one-line warning goes to stderr.
pub fn init(path: impl AsRef<Path>) -> Guard {
    let source = std::env::var_os("POLLSCOPE_RECORD_SOURCE").map(PathBuf::from);
    Guard {
        active: install(path.as_ref().to_path_buf(), source),
    }
}

fn install(out: PathBuf, source: Option<PathBuf>) -> bool {
    if CONFIG.set(Config { out, source }).is_err() || !subscriber::install_state() {
        warn("a recording is already running; this one is ignored");
        return false;
    }
    if tracing_core::dispatcher::set_global_default(tracing_core::Dispatch::new(
        subscriber::Recorder,
    ))
    .is_err()
    {
        warn("another tracing subscriber is installed; nothing will be recorded");
        return false;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "Box<dyn Any>".into()),
        };
        let site = info.location().map(|l| Loc {
            file: l.file().to_string(),
            line: l.line(),
            col: l.column(),
        });
        with_state(|st, thread, stack| st.panic(thread, stack, message, site));
        previous(info);
    }));
    #[cfg(target_os = "linux")]
    capture::CAPTURING.store(true, std::sync::atomic::Ordering::SeqCst);
    true
}

fn warn(msg: &str) {
    #[cfg(target_os = "linux")]
    capture::CAPTURING.store(false, std::sync::atomic::Ordering::SeqCst);
    eprintln!("pollscope_record: {msg}");
}

fn host() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is writable for its length; gethostname NUL-terminates what fits.
    let name =
        if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            String::from_utf8_lossy(&buf[..end]).into_owned()
        } else {
            "unknown".to_string()
        };
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!(
        "{} {}, {cpus} CPUs, host {name}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// Ends the recording and writes the trace (once; later calls do nothing).
fn finish(outcome: Option<(&str, &str, i32)>) {
    let Some(cfg) = CONFIG.get() else { return };
    let text = {
        let Some(mut st) = state() else { return };
        if st.finished {
            return;
        }
        if let Some((kind, message, _)) = outcome {
            let result = match kind {
                "panicked" => "panicked",
                "limit" => "limit",
                _ => "completed",
            };
            // The outcome is the process's, not a thread's: thread 0 (main).
            st.outcome(0, message.to_string(), result);
        }
        st.finish();
        #[cfg(target_os = "linux")]
        capture::CAPTURING.store(false, std::sync::atomic::Ordering::SeqCst);
        let source_path = cfg
            .source
            .clone()
            .or_else(|| st.program_file.as_ref().map(PathBuf::from));
        let source = source_path
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        let mut notes = vec![
            "task ids are tokio's task::Id as the program gets them without instrumentation: with \
             tokio_unstable + tracing, every block_on also takes an id, which is subtracted (so a \
             program that prints task ids printed one more per block_on in this run)"
                .to_string(),
            "a poll ends Ready when tokio drops the task's future right after it (its span closes on \
             the same thread); Pending otherwise"
                .to_string(),
            "wake effects (scheduled / already notified / while running) follow the task's state in the \
             order events reached the recorder; timer fires and the resource of a wake are derived \
             from poll_op events and timer deadlines (millisecond ticks)"
                .to_string(),
        ];
        notes.push(
            "runtime flavor: inferred (multi_thread when worker run loops were seen); on multi_thread \
             tokio launches each worker as a blocking task with its own task id, which is not shown"
                .to_string(),
        );
        if cfg!(target_os = "linux") {
            notes.push(
                "output: every write(2) to fd 1 and 2, at the moment and on the thread it happened"
                    .into(),
            );
        } else {
            notes.push("output is not recorded on this OS".into());
        }
        if source.is_empty() {
            notes.push(
                "the program's source file could not be read: code positions are not shown".into(),
            );
        }
        if st.wakes_of_unknown_tasks > 0 {
            notes.push(format!(
                "{} waker events of tasks spawned before recording started were skipped",
                st.wakes_of_unknown_tasks
            ));
        }
        if !st
            .received
            .keys()
            .any(|k| k.starts_with("span runtime.spawn"))
        {
            notes.push(
                "no task instrumentation arrived: build with --cfg tokio_unstable and tokio's tracing \
                 feature, and start recording before the runtime is built"
                    .into(),
            );
        }
        let tokio = std::env::var("POLLSCOPE_RECORD_TOKIO")
            .ok()
            .or_else(|| option_env!("POLLSCOPE_TOKIO_VERSION").map(str::to_string))
            .unwrap_or_else(|| "1.x (version not given to the recorder)".to_string());
        let host = host();
        output::write_trace(
            &st,
            &output::Header {
                source: &source,
                tokio: &tokio,
                host: &host,
                outcome,
                notes: &notes,
            },
        )
    };
    let tmp = cfg.out.with_extension("jsonl.partial");
    if let Err(e) = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, &cfg.out)) {
        eprintln!("pollscope_record: cannot write {}: {e}", cfg.out.display());
    }
}

// ------------------------------------------------------------------ `POLLSCOPE_RECORD=out.jsonl` mode

#[cfg(target_os = "linux")]
extern "C" fn at_exit() {
    finish(None);
}

/// Runs before `main` (an ELF constructor): records the whole process when `POLLSCOPE_RECORD` names
/// the output file, writing it at exit. `POLLSCOPE_RECORD_TIMEOUT=SECS` stops a program that is still
/// running after that long (exit status 124), writing what was recorded.
#[cfg(target_os = "linux")]
extern "C" fn from_env() {
    let Some(out) = std::env::var_os("POLLSCOPE_RECORD") else {
        return;
    };
    let source = std::env::var_os("POLLSCOPE_RECORD_SOURCE").map(PathBuf::from);
    if !install(PathBuf::from(out), source) {
        return;
    }
    subscriber::register_main_thread();
    // SAFETY: registering a plain `extern "C" fn()` with the C library.
    unsafe {
        libc::atexit(at_exit);
    }
    let timeout = std::env::var("POLLSCOPE_RECORD_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok());
    if let Some(secs) = timeout.filter(|s| *s > 0.0) {
        let _ = std::thread::Builder::new()
            .name("pollscope-record-timeout".into())
            .spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs_f64(secs));
                let message = format!("still running after {secs} s: the recorder stopped it");
                finish(Some(("limit", &message, 124)));
                std::process::exit(124);
            });
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static FROM_ENV: extern "C" fn() = from_env;
