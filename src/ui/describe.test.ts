/**
 * Captions in plain English, on real runs: the article before a future's name, thread names not doubled,
 * tasks and JoinHandles named as the program names them.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { TraceStore } from '../trace/store';
import { TraceIndex } from '../trace/trace-index';
import { describeEvent, withArticle } from './describe';
import { nameTasks, setTaskNames, taskName } from './task-names';

function captions(source: string): string[] {
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  setTaskNames(nameTasks(source, index.tasksBySite()));
  const out: string[] = [];
  for (let s = 0; s < run.trace.length; s++) {
    const view = index.at(s);
    out.push(describeEvent(view.lastEvent!, view));
  }
  return out;
}

afterEach(() => setTaskNames(new Map()));

describe('captions', () => {
  it('put "an" before a vowel and "a" before a consonant', () => {
    expect(withArticle('Acquire')).toBe('an Acquire');
    expect(withArticle('Sleep')).toBe('a Sleep');
    expect(withArticle('ReadLineFuture')).toBe('a ReadLineFuture');
    expect(withArticle('Unresumed')).toBe('an Unresumed');
  });

  it('say "an Acquire future" for a semaphore acquire (never "a Acquire")', () => {
    const all = captions(readFileSync('src/lessons/programs/notify-and-semaphore.rs', 'utf8'));
    expect(all).toContain('an Acquire future is created (futures are lazy: nothing runs yet)');
    expect(all.some((c) => /\ba [AEIOU]/.test(c))).toBe(false);
  });

  it('name a std thread once ("std thread 1 starts", not "thread std thread 1 starts")', () => {
    const all = captions(readFileSync('src/lessons/programs/reactor-of-your-own.rs', 'utf8'));
    expect(all).toContain('std thread 1 starts: an OS thread of std::thread::spawn');
    expect(all.some((c) => /thread \S+ thread/.test(c))).toBe(false);
    expect(all[0]).toBe(
      'the main thread starts: the process’s main thread, where #[tokio::main] runs block_on',
    );
  });

  it('name tasks and their JoinHandles as the program does', () => {
    const all = captions(readFileSync('src/lessons/programs/two-tasks-and-a-sleep.rs', 'utf8'));
    expect(taskName(1)).toBe('slow');
    expect(taskName(2)).toBe('fast');
    expect(all).toContain('slow is queued on the local queue');
    expect(all).toContain("JoinHandle(slow) keeps main's waker");
    expect(all.some((c) => /task [12]\b/.test(c))).toBe(false);
  });
});
