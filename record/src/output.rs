//! Writing the recording as Pollscope's JSON-lines trace (`src/trace/export.ts`: a header line, then one
//! event per line with `kind`, `time` (ns), `thread` and the kind's fields).

use std::fmt::Write as _;

use crate::fields::Loc;
use crate::model::{End, Ev, State};

/// What a real tokio run does not expose, listed in the header so the app can say so.
pub(crate) const NOT_RECORDED: &[&str] = &[
    "run queues (local, inject, LIFO slot) and which queue a poll came from",
    "work stealing and searching workers",
    "parks, unparks and driver turns",
    "future state-machine variants, locals and child futures",
    "JoinHandle, mpsc, watch, broadcast and Notify (tokio 1.24 does not instrument them)",
    "I/O readiness",
    "waker reference counts",
    "wakes of main's block_on future (its waker is the runtime's, not a task's)",
];

pub(crate) struct Header<'a> {
    pub source: &'a str,
    pub tokio: &'a str,
    pub host: &'a str,
    pub outcome: Option<(&'a str, &'a str, i32)>,
    pub notes: &'a [String],
}

pub(crate) fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Line starts of the program's source, to turn tokio's `Location` (line, column in chars, 1-based)
/// into Pollscope's source offsets (UTF-16 code units, as JavaScript strings count).
pub(crate) struct SourceMap<'a> {
    file: Option<&'a str>,
    lines: Vec<&'a str>,
}

impl<'a> SourceMap<'a> {
    pub fn new(file: Option<&'a str>, source: &'a str) -> SourceMap<'a> {
        SourceMap {
            file,
            lines: source.split('\n').collect(),
        }
    }

    pub fn offset(&self, loc: &Option<Loc>) -> i64 {
        let Some(loc) = loc else { return -1 };
        if self.file != Some(loc.file.as_str())
            || loc.line == 0
            || loc.line as usize > self.lines.len()
        {
            return -1;
        }
        let mut off: usize = 0;
        for l in &self.lines[..loc.line as usize - 1] {
            off += l.encode_utf16().count() + 1;
        }
        let line = self.lines[loc.line as usize - 1];
        off += line
            .chars()
            .take(loc.col.saturating_sub(1) as usize)
            .map(char::len_utf16)
            .sum::<usize>();
        off as i64
    }
}

fn header_line(state: &State, h: &Header) -> String {
    let mut o = String::with_capacity(h.source.len() + 1024);
    o.push_str("{\"pollscope\":1,\"source\":");
    json_str(&mut o, h.source);
    let workers = state.worker_threads();
    let flavor = if workers > 0 {
        "multi_thread"
    } else {
        "current_thread"
    };
    let _ = write!(o, ",\"runtime\":{{\"flavor\":\"{flavor}\",\"workerThreads\":{workers},\"startPaused\":false}}");
    o.push_str(",\"profile\":\"1.24\",\"seed\":0,\"outcome\":");
    match h.outcome {
        Some((kind, message, code)) => {
            let _ = write!(o, "{{\"kind\":\"{kind}\",\"message\":");
            json_str(&mut o, message);
            let _ = write!(o, ",\"exitCode\":{code}}}");
        }
        None => o.push_str("null"),
    }
    o.push_str(",\"recorded\":{\"tokio\":");
    json_str(&mut o, h.tokio);
    o.push_str(",\"recorder\":");
    json_str(
        &mut o,
        concat!("pollscope_record ", env!("CARGO_PKG_VERSION")),
    );
    o.push_str(",\"host\":");
    json_str(&mut o, h.host);
    o.push_str(",\"clock\":\"monotonic (std::time::Instant), ns since the recorder started\"");
    o.push_str(",\"notRecorded\":[");
    for (i, s) in NOT_RECORDED.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        json_str(&mut o, s);
    }
    o.push_str("],\"notes\":[");
    for (i, s) in h.notes.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        json_str(&mut o, s);
    }
    o.push_str("],\"received\":{");
    for (i, (k, v)) in state.received.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        json_str(&mut o, k);
        let _ = write!(o, ":{v}");
    }
    o.push_str("}}}");
    o
}

/// The role Pollscope shows for a thread: tokio names workers and blocking threads alike
/// (`tokio-runtime-worker`), so it is what the thread did that tells them apart.
fn role(state: &State, thread: usize) -> &'static str {
    let t = &state.threads[thread];
    if thread == 0 && t.name == "main" {
        "main"
    } else if t.worker || t.ran_async {
        "worker"
    } else if t.ran_blocking {
        "blocking"
    } else if t.name.starts_with("tokio-runtime-worker") {
        if state.worker_threads() > 0 {
            "worker"
        } else {
            "blocking"
        }
    } else {
        "std"
    }
}

/// A resource made outside the program's file (tokio's own, e.g. the blocking pool's shutdown oneshot)
/// says where it was made, so it is not mistaken for one of the program's.
fn resource_name(name: &str, site: &Option<Loc>, program_file: Option<&str>) -> String {
    match site {
        Some(loc) if Some(loc.file.as_str()) != program_file => {
            let file = loc
                .file
                .rsplit_once("/src/")
                .map_or(loc.file.as_str(), |(_, f)| f);
            let by = if loc.file.contains("/tokio-") {
                "made by tokio"
            } else {
                "made in"
            };
            format!("{name} ({by} {file}:{})", loc.line)
        }
        _ => name.to_string(),
    }
}

pub(crate) fn write_trace(state: &State, h: &Header) -> String {
    let map = SourceMap::new(state.program_file.as_deref(), h.source);
    let mut o = header_line(state, h);
    o.push('\n');
    for rec in &state.events {
        // A poll that panicked returned nothing: the task's `complete` (panicked) ends it.
        if matches!(
            rec.ev,
            Ev::PollEnd {
                end: End::Unwound,
                ..
            }
        ) {
            continue;
        }
        let _ = write!(o, "{{\"time\":{},\"thread\":{},", rec.time, rec.thread);
        let mut kind = |k: &str| {
            let _ = write!(o, "\"kind\":\"{k}\"");
        };
        match &rec.ev {
            Ev::ThreadStart { name } => {
                kind("thread-start");
                let _ = write!(
                    o,
                    ",\"role\":\"{}\",\"name\":",
                    role(state, rec.thread as usize)
                );
                json_str(&mut o, name);
            }
            Ev::ThreadExit => kind("thread-exit"),
            Ev::Spawn {
                task,
                parent,
                site,
                mode,
            } => {
                kind("spawn");
                let _ = write!(
                    o,
                    ",\"task\":{task},\"future\":-1,\"parent\":{parent},\"site\":{},\"mode\":\"{mode}\"",
                    map.offset(site)
                );
            }
            Ev::Poll { task, from } => {
                kind("poll");
                let _ = write!(o, ",\"task\":{task},\"future\":-1,\"from\":\"{from}\"");
            }
            Ev::PollEnd {
                task,
                end,
                reschedule,
            } => {
                let ready = *end == End::Ready;
                kind(if ready { "ready" } else { "pending" });
                let _ = write!(o, ",\"task\":{task},\"future\":-1");
                if !ready && *reschedule {
                    let _ = write!(
                        o,
                        "}}\n{{\"time\":{},\"thread\":{},\"kind\":\"schedule\",\"task\":{task},\"core\":-1,\"where\":\"unrecorded\"",
                        rec.time, rec.thread
                    );
                }
            }
            Ev::Schedule { task } => {
                kind("schedule");
                let _ = write!(o, ",\"task\":{task},\"core\":-1,\"where\":\"unrecorded\"");
            }
            Ev::Complete { task, outcome } => {
                kind("complete");
                let _ = write!(o, ",\"task\":{task},\"outcome\":\"{outcome}\"");
            }
            Ev::WakerClone { task } => {
                kind("waker-clone");
                let _ = write!(o, ",\"task\":{task},\"refs\":-1");
            }
            Ev::WakerDrop { task } => {
                kind("waker-drop");
                let _ = write!(o, ",\"task\":{task},\"refs\":-1");
            }
            Ev::Wake {
                task,
                by,
                resource,
                op,
                effect,
            } => {
                kind("wake");
                let _ = write!(
                    o,
                    ",\"task\":{task},\"by\":{by},\"resource\":{resource},\"op\":\"{op}\",\"effect\":\"{effect}\""
                );
            }
            Ev::Register { task, resource } => {
                kind("register");
                let _ = write!(o, ",\"task\":{task},\"resource\":{resource},\"dir\":\"-\"");
            }
            Ev::Deregister { task, resource } => {
                kind("deregister");
                let _ = write!(o, ",\"task\":{task},\"resource\":{resource},\"dir\":\"-\"");
            }
            Ev::ResourceNew {
                resource,
                name,
                site,
                kind: k,
            } => {
                kind("resource-new");
                let _ = write!(o, ",\"resource\":{resource},\"name\":");
                json_str(
                    &mut o,
                    &resource_name(name, site, state.program_file.as_deref()),
                );
                let _ = write!(
                    o,
                    ",\"site\":{},\"owner\":-1,\"type\":\"{k}\"",
                    map.offset(site)
                );
            }
            Ev::ResourceState { resource, text } => {
                kind("resource-state");
                let _ = write!(o, ",\"resource\":{resource},\"text\":");
                json_str(&mut o, text);
            }
            Ev::ResourceDrop { resource } => {
                kind("resource-drop");
                let _ = write!(o, ",\"resource\":{resource}");
            }
            Ev::TimerArm {
                resource,
                task,
                deadline,
            } => {
                kind("timer-arm");
                let _ = write!(
                    o,
                    ",\"resource\":{resource},\"task\":{task},\"deadline\":{deadline}"
                );
            }
            Ev::TimerFire { resource, task } => {
                kind("timer-fire");
                let _ = write!(o, ",\"resource\":{resource},\"task\":{task}");
            }
            Ev::TimerCancel { resource } => {
                kind("timer-cancel");
                let _ = write!(o, ",\"resource\":{resource}");
            }
            Ev::Print { text, stream } => {
                kind("print");
                o.push_str(",\"text\":");
                json_str(&mut o, text);
                let _ = write!(o, ",\"stream\":\"{stream}\"");
            }
            Ev::Panic {
                task,
                message,
                site,
            } => {
                kind("panic");
                let _ = write!(o, ",\"task\":{task},\"message\":");
                json_str(&mut o, message);
                let _ = write!(o, ",\"site\":{}", map.offset(site));
            }
            Ev::Outcome { message, result } => {
                kind("outcome");
                o.push_str(",\"message\":");
                json_str(&mut o, message);
                let _ = write!(o, ",\"site\":-1,\"result\":\"{result}\"");
            }
        }
        o.push_str("}\n");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_json() {
        let mut o = String::new();
        json_str(&mut o, "a\"b\\c\nd\u{1}é");
        assert_eq!(o, "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    #[test]
    fn locations_become_utf16_offsets_in_the_program_file_only() {
        let src = "use x;\n\nlet é😀 = tokio::spawn(f);\n";
        let map = SourceMap::new(Some("src/main.rs"), src);
        let at = |file: &str, line, col| {
            Some(Loc {
                file: file.into(),
                line,
                col,
            })
        };
        assert_eq!(map.offset(&at("src/main.rs", 1, 1)), 0);
        assert_eq!(map.offset(&at("src/main.rs", 3, 1)), 8);
        // `é` is one UTF-16 unit, `😀` two: column 8 (chars) is offset 8 + 8 units.
        assert_eq!(map.offset(&at("src/main.rs", 3, 8)), 16);
        assert_eq!(
            &src[..]
                .encode_utf16()
                .skip(16)
                .take(5)
                .map(|u| u as u8 as char)
                .collect::<String>(),
            "= tok"
        );
        assert_eq!(map.offset(&at("other.rs", 1, 1)), -1);
        assert_eq!(map.offset(&at("src/main.rs", 99, 1)), -1);
        assert_eq!(map.offset(&None), -1);
    }
}
