/**
 * The worker client's watchdog and cancellation, against a stand-in Worker that never answers — the one
 * situation a real run cannot produce on purpose (a simulator bug that spins without reporting progress).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, SimClient, WatchdogError } from './client';

class SilentWorker {
  terminated = false;
  posted: unknown[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: unknown): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SimClient', () => {
  it('terminates a worker that stops answering and fails the run with a WatchdogError', async () => {
    vi.useFakeTimers();
    const workers: SilentWorker[] = [];
    const client = new SimClient(() => {
      const w = new SilentWorker();
      workers.push(w);
      return w as unknown as Worker;
    }, 5_000);
    const run = client.run({ source: 'fn main() {}', profile: '1.24', seed: 1 });
    const failed = expect(run).rejects.toBeInstanceOf(WatchdogError);
    vi.advanceTimersByTime(5_001);
    await failed;
    expect(workers[0]!.terminated).toBe(true);
  });

  it('keeps waiting while progress messages arrive', async () => {
    vi.useFakeTimers();
    let worker!: SilentWorker;
    const client = new SimClient(() => (worker = new SilentWorker()) as unknown as Worker, 5_000);
    const progress: number[] = [];
    const run = client.run({ source: '', profile: '1.24', seed: 1 }, { onProgress: (n) => progress.push(n) });
    for (let i = 1; i <= 3; i++) {
      vi.advanceTimersByTime(4_000);
      worker.onmessage!({ data: { type: 'progress', runId: 1, events: i * 1000 } } as MessageEvent);
    }
    expect(worker.terminated).toBe(false);
    expect(progress).toEqual([1000, 2000, 3000]);
    client.cancel();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
  });
});
