/**
 * In-memory I/O, files, the clock and LocalSet as the simulator runs them: the behaviour a learner
 * sees on the screen (who waits for what, which thread does the work), beyond what the recorded
 * conformance programs check by their output.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../../trace/events';
import { simulate } from '../../../simulate';

const CT = '#[tokio::main(flavor = "current_thread")]';
const run = (body: string, uses = '') => {
  const r = simulate(`${uses}\n${CT}\nasync fn main() {\n${body}\n}\n`, { limits: { maxEvents: 200_000 } });
  return { ...r, events: [...r.trace.events()] as TraceEvent[] };
};

describe('duplex pipes', () => {
  it('a writer with nobody reading waits on the full pipe, and the deadlock report names it', () => {
    const r = run(
      `    let (mut a, _b) = duplex(8);
    a.write_all(b"more than eight bytes").await.unwrap();
    println!("never");`,
      'use tokio::io::{duplex, AsyncWriteExt};',
    );
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('its pipe is full: 8 bytes');
    expect(r.stdout).toBe('');
  });

  it('dropping one end gives the other EOF on read and BrokenPipe on write', () => {
    const r = run(
      `    let (mut a, b) = duplex(8);
    drop(b);
    let mut buf = [0u8; 4];
    println!("{:?}", a.read(&mut buf).await.map_err(|e| e.kind()));
    println!("{:?}", a.write(b"x").await.map_err(|e| e.kind()));`,
      'use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt};',
    );
    expect(r.stdout).toBe('Ok(0)\nErr(BrokenPipe)\n');
  });

  it('a BufWriter dropped without flush loses what it buffered', () => {
    const r = run(
      `    let (a, mut b) = duplex(64);
    let mut w = BufWriter::new(a);
    w.write_all(b"lost").await.unwrap();
    drop(w);
    let mut s = String::new();
    b.read_to_string(&mut s).await.unwrap();
    println!("{s:?}");`,
      'use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt, BufWriter};',
    );
    expect(r.stdout).toBe('""\n');
  });
});

describe('tokio::fs', () => {
  it('runs every file operation as a task on the blocking pool', () => {
    const r = run(
      `    tokio::fs::write("a.txt", "hi").await.unwrap();
    let s = tokio::fs::read_to_string("a.txt").await.unwrap();
    println!("{s}");`,
    );
    expect(r.stdout).toBe('hi\n');
    const blocking = r.events.filter((e) => e.kind === 'spawn' && e.mode === 'blocking');
    expect(blocking.length).toBe(2);
    const ran = r.events.filter((e) => e.kind === 'poll' && e.from === 'blocking');
    expect(ran.length).toBe(2);
  });

  it("prints io::Error as std does, and main's Err exits 1", () => {
    const r = simulate(`${CT}
async fn main() -> std::io::Result<()> {
    if let Err(e) = tokio::fs::read("nope").await { println!("{e}"); }
    tokio::fs::create_dir("d").await?;
    tokio::fs::create_dir("d").await?;
    Ok(())
}
`);
    expect(r.stdout).toBe('No such file or directory (os error 2)\n');
    expect(r.stderr).toContain('Error: Os { code: 17, kind: AlreadyExists, message: "File exists" }');
    expect(r.outcome.kind).toBe('completed');
  });

  it('a File write returns before the bytes reach the file; flush waits for them', () => {
    const r = run(
      `    let mut f = tokio::fs::File::create("f").await.unwrap();
    f.write_all(b"abc").await.unwrap();
    let before = tokio::fs::read("f").await.unwrap().len();
    f.flush().await.unwrap();
    println!("{} {}", before <= 3, tokio::fs::read("f").await.unwrap().len());`,
      'use tokio::io::AsyncWriteExt;',
    );
    expect(r.stdout).toBe('true 3\n');
  });
});

describe('the clock', () => {
  it('advance on a running clock panics as tokio does', () => {
    const r = run('    tokio::time::advance(std::time::Duration::from_secs(1)).await;');
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain('time is not frozen');
  });

  it('pause twice panics', () => {
    const r = run('    tokio::time::pause();\n    tokio::time::pause();');
    expect(r.stderr).toContain('time is already frozen');
  });
});

describe('LocalSet', () => {
  it('spawn_local outside a LocalSet panics', () => {
    const r = run('    tokio::task::spawn_local(async {});');
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain('`spawn_local` called from outside of a `task::LocalSet`');
  });

  it('local tasks are polled inside the poll of the task that drives the set, from its own queue', () => {
    const r = run(
      `    let local = tokio::task::LocalSet::new();
    local.run_until(async { tokio::task::spawn_local(async { println!("local"); }).await.unwrap(); }).await;`,
    );
    expect(r.stdout).toBe('local\n');
    const sched = r.events.find((e) => e.kind === 'schedule' && e.task === 1);
    expect(sched && sched.kind === 'schedule' && sched.where).toBe('localset');
    const polls = r.events.filter((e) => e.kind === 'poll').map((e) => (e.kind === 'poll' ? e.task : -1));
    expect(polls).toEqual([0, 1, 0]);
  });

  it('dropping a LocalSet cancels its unfinished tasks', () => {
    const r = run(
      `    let local = tokio::task::LocalSet::new();
    let h = local.spawn_local(async { println!("never runs"); });
    drop(local);
    println!("{}", h.await.unwrap_err().is_cancelled());`,
    );
    expect(r.stdout).toBe('true\n');
  });
});
