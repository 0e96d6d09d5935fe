/** std::fs::File (std-file.ts): blocking system calls on the in-memory file system. */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../../trace/events';
import { simulate } from '../../../simulate';

const run = (body: string) => {
  const r = simulate(
    `use std::fs::{File, OpenOptions};\nuse std::io::{Read, Write};\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`,
    { profile: '1.24', seed: 1 },
  );
  return { ...r, events: [...r.trace.events()] as TraceEvent[] };
};

describe('std::fs::File', () => {
  it('each call blocks the runtime thread that makes it (a task calling it holds its worker)', () => {
    const r = run(`tokio::spawn(async {
    let mut f = File::create("a.txt").unwrap();
    f.write_all(b"hi").unwrap();
}).await.unwrap();`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    const blocks = r.events.filter((e): e is Extract<TraceEvent, { kind: 'block' }> => e.kind === 'block');
    expect(blocks.map((b) => b.what)).toEqual([
      'File::create("a.txt") (a blocking system call)',
      'write_all of 2 bytes on File "a.txt" (a blocking system call)',
    ]);
  });

  it('reading a file opened only for writing is EBADF; writeln! appends through io::Write', () => {
    const r = run(`let mut f = OpenOptions::new().write(true).create(true).open("b.txt").unwrap();
writeln!(f, "x = {}", 1).unwrap();
let mut s = String::new();
println!("{:?}", f.read_to_string(&mut s).map_err(|e| e.to_string()));
File::open("b.txt").unwrap().read_to_string(&mut s).unwrap();
println!("{s:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('Err("Bad file descriptor (os error 9)")\n"x = 1\\n"\n');
  });

  it('std BufWriter writes what it holds when dropped; BufReader::lines strips \\n and \\r\\n', () => {
    const r = run(`{
    let mut w = std::io::BufWriter::new(File::create("c.txt").unwrap());
    w.write_all(b"one\\r\\ntwo\\n").unwrap();
    println!("buffered {}", w.buffer().len());
}
use std::io::BufRead;
let lines: Vec<String> = std::io::BufReader::new(File::open("c.txt").unwrap()).lines().map(|l| l.unwrap()).collect();
println!("{lines:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('buffered 9\n["one", "two"]\n');
  });

  it('a std BufReader over something else than a File is refused with its type', () => {
    const r = run('let r = std::io::BufReader::new(std::io::stdin());\nlet _ = r;');
    expect(r.outcome.kind).toBe('unsupported');
  });
});
