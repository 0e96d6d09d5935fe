/**
 * The view state at a step, from the index: every query at step s is a handful of binary searches in the
 * per-entity logs, so its cost does not grow with the trace's length.
 */
import { WAKER_DIRS, WHERE, type LintKind } from './events';
import {
  QUEUE_VIEW_LIMIT,
  TASK_STATES,
  type FutureView,
  type QueueView,
  type ResourceView,
  type TaskState,
  type TaskView,
  type ThreadView,
  type ViewState,
} from './state';
import { IndexBuilder } from './index-builder';
import {
  DIRS,
  HELD_SCAN,
  LINT_THRESHOLDS,
  NONE,
  THREAD_STATUS,
  WAKER_CHECKPOINT,
  upperBound,
  type ResourceInfo,
} from './index-state';

export abstract class IndexQueries extends IndexBuilder {
  at(step: number): ViewState {
    if (step >= this.indexed) this.ingest(step + 1 - this.indexed);
    const s = Math.max(-1, Math.min(step, this.indexed - 1));
    const lastEvent = s >= 0 ? this.trace.get(s) : null;
    const tt = this.tokioTimes.latest(0, s);
    const out = this.stdoutEnds.latest(0, s);
    return {
      step: s,
      time: lastEvent ? lastEvent.time : 0,
      tokioTime: tt < 0 ? -1 : this.tokioTimeValue.get(tt),
      threads: this.threadsAt(s),
      queues: this.queuesAt(s),
      taskCount: this.taskCountAt(s),
      task: (id: number) => this.taskAt(id, s),
      tasks: (limit: number) => this.tasksAt(s, limit),
      resourceCount: this.resourceCountAt(s),
      resources: (limit: number) => this.resourcesAt(s, limit),
      resource: (id: number) => {
        const r = this.resources[id];
        return r && r.createdStep <= s && !(r.droppedStep >= 0 && r.droppedStep <= s)
          ? this.resourceAt(id, r, s)
          : null;
      },
      future: (id: number) => this.futureAt(id, s),
      futureChain: (task: number) => this.futureChain(task, s),
      heldFutures: (task: number, limit: number) => this.heldFutures(task, s, limit),
      stdoutLength: out < 0 ? 0 : this.stdoutEnds.a.get(out),
      stderrLength: out < 0 ? 0 : this.stdoutEnds.b.get(out),
      lastEvent,
      outcome:
        this.outcome && this.outcome.step <= s
          ? { result: this.outcome.result, message: this.outcome.message }
          : null,
    };
  }

  stdoutAt(view: ViewState): string {
    return this.stdout.slice(0, view.stdoutLength);
  }

  stderrAt(view: ViewState): string {
    return this.stderr.slice(0, view.stderrLength);
  }

  threadsAt(s: number): ThreadView[] {
    const out: ThreadView[] = [];
    this.threads.forEach((info, id) => {
      if (!info || info.startStep > s) return;
      const e = this.threadStatus.latest(id, s);
      const b = e < 0 ? 0 : this.threadStatus.c.get(e);
      out.push({
        id,
        role: info.role,
        name: info.name,
        status: e < 0 ? 'idle' : THREAD_STATUS[this.threadStatus.a.get(e)]!,
        task: e < 0 || this.threadStatus.b.get(e) < 0 ? null : this.threadStatus.b.get(e),
        blockedOn: b === 0 ? null : this.strings[b]!,
      });
    });
    return out;
  }

  /**
   * Where the code running on `thread` is at step s, as a source offset: the one the latest event of the
   * current poll named (a print, a spawn, an `.await`), or -1 when none has yet (the task is still where
   * it resumed). null when the thread is not running code: no task is being polled on it (a std thread
   * running its closure counts as running, from its last named offset).
   */
  codeSiteAt(thread: number, s: number): number | null {
    const info = this.threads[thread];
    if (!info || info.startStep > s) return null;
    const e = this.threadStatus.latest(thread, s);
    const task = e < 0 ? NONE : this.threadStatus.b.get(e);
    const se = this.threadSites.latest(thread, s);
    if (task < 0) {
      const status = e < 0 ? 'idle' : THREAD_STATUS[this.threadStatus.a.get(e)];
      if (info.role !== 'std' || status === 'exited' || se < 0) return null;
      return this.threadSites.a.get(se);
    }
    const pe = this.taskPolls.latest(task, s);
    const pollStep = pe < 0 ? -1 : this.taskPolls.step.get(pe);
    return se >= 0 && this.threadSites.step.get(se) >= pollStep ? this.threadSites.a.get(se) : -1;
  }

  /** The tasks spawned so far (in the indexed events) by the source offset of their spawn call. */
  tasksBySite(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    this.tasks.forEach((t, id) => {
      if (!t) return;
      const list = out.get(t.site);
      if (list) list.push(id);
      else out.set(t.site, [id]);
    });
    return out;
  }

  protected taskCountAt(s: number): number {
    if (!this.taskCountByScan) return upperBound(this.spawnSteps, s);
    let n = 0;
    for (const t of this.tasks) if (t && t.spawnStep <= s) n++;
    return n;
  }

  /** Unfinished tasks first, then finished ones; the finished/unfinished test is two integer compares. */
  tasksAt(s: number, limit = Infinity): TaskView[] {
    const alive: number[] = [];
    const done: number[] = [];
    this.tasks.forEach((t, id) => {
      if (!t || t.spawnStep > s) return;
      if (t.endStep >= 0 && t.endStep <= s) {
        if (alive.length + done.length < limit) done.push(id);
      } else if (alive.length < limit) alive.push(id);
    });
    return [...alive, ...done].slice(0, limit).map((id) => this.taskAt(id, s)!);
  }

  taskAt(id: number, s: number): TaskView | null {
    const t = this.tasks[id];
    if (!t || t.spawnStep > s) return null;
    const e = this.taskState.latest(id, s);
    const state = e < 0 ? 'idle' : TASK_STATES[this.taskState.a.get(e)]!;
    const q = e < 0 ? NONE : this.taskState.b.get(e);
    const polls = this.taskPolls.count(id, s);
    const wakes = this.taskWakes.count(id, s);
    const selfWakes = this.taskSelfWakes.count(id, s);
    const we = this.taskWakers.latest(id, s);
    const wakers = we < 0 ? 0 : this.taskWakers.a.get(we);
    const now = s >= 0 ? this.trace.timeAt(s) : 0;
    // Busy time: polls finished before this one, plus the one in progress.
    const pe = this.taskPolls.latest(id, s);
    let busy = 0;
    let scheduled = 0;
    let currentPoll = 0;
    if (pe >= 0) {
      busy = this.pollBusyBefore.get(pe);
      scheduled = this.pollScheduledBefore.get(pe);
      const start = this.pollStartTime.get(pe);
      const span = this.taskPolls.a.get(pe);
      const sp = this.threads[this.taskPolls.b.get(pe)]?.spans;
      const endTime = sp && span >= 0 && sp.endStep.get(span) <= s ? sp.end.get(span) : now;
      currentPoll = Math.max(0, endTime - start);
      busy += currentPoll;
    }
    if (state === 'scheduled') {
      const since = this.scheduledSinceAt(id, s);
      if (since >= 0) scheduled += Math.max(0, now - since);
    }
    const end = t.endStep >= 0 && t.endStep <= s ? t.endTime : now;
    const total = Math.max(0, end - t.spawnTime);
    const lints: LintKind[] = [];
    if (t.mode === 'async') {
      if (wakes > 0 && (selfWakes * 100) / wakes > LINT_THRESHOLDS.selfWakePercent) lints.push('self-wakes');
      const done = state === 'complete' || state === 'cancelled' || state === 'panicked';
      // A wake by value uses up the last waker one event before the task is queued: that one is not lost.
      const woken = this.taskWakes.latest(id, s);
      const justWoken = woken >= 0 && this.taskWakes.step.get(woken) === s;
      if (!done && polls > 0 && wakers === 0 && state === 'idle' && id !== 0 && !justWoken)
        lints.push('lost-waker');
      if (state === 'running' && polls <= 1 && currentPoll >= LINT_THRESHOLDS.neverYieldedNs)
        lints.push('never-yielded');
      if (t.largeStep >= 0 && t.largeStep <= s) lints.push('large-future');
    }
    if (t.hashOrderStep >= 0 && t.hashOrderStep <= s) lints.push('hash-order');
    return {
      id,
      stolenFrom: this.stolenFromAt(id, s, state),
      future: t.future,
      parent: t.parent,
      site: t.site,
      mode: t.mode,
      state,
      queue: q < 0 ? null : WHERE[q]!,
      detached: t.detachedStep >= 0 && t.detachedStep <= s,
      aborted: t.abortedStep >= 0 && t.abortedStep <= s,
      polls,
      wakes,
      selfWakes,
      wakers,
      busyNs: busy,
      scheduledNs: scheduled,
      idleNs: Math.max(0, total - busy - scheduled),
      lints,
    };
  }

  /**
   * The worker a task was stolen from, while that steal is news: the task waits in the thief's queue, or
   * runs its first poll there. -1 otherwise.
   */
  protected stolenFromAt(id: number, s: number, state: TaskState): number {
    const e = this.taskStolen.latest(id, s);
    if (e < 0 || (state !== 'scheduled' && state !== 'running')) return NONE;
    const moved = this.taskStolen.step.get(e);
    const polls = this.taskPolls.count(id, s) - this.taskPolls.count(id, moved);
    return polls === 0 || (polls === 1 && state === 'running') ? this.taskStolen.a.get(e) : NONE;
  }

  protected scheduledSinceAt(id: number, s: number): number {
    const e = this.taskState.latest(id, s);
    return e < 0 ? -1 : this.trace.timeAt(this.taskState.step.get(e));
  }

  queuesAt(s: number): QueueView[] {
    const out: QueueView[] = [];
    for (const { kind, core, q } of this.queues.values()) {
      const { items, total } = q.at(s, QUEUE_VIEW_LIMIT);
      out.push({ kind, core, tasks: items, total });
    }
    return out;
  }

  protected resourceCountAt(s: number): number {
    if (this.countByScan) return this.aliveResourceIds(s, Infinity).total;
    return upperBound(this.createdSteps, s) - upperBound(this.droppedSteps, s);
  }

  /** The first `limit` resources alive at s, and (unless `stopAtLimit`) how many are alive. */
  protected aliveResourceIds(
    s: number,
    limit: number,
    stopAtLimit = false,
  ): { ids: number[]; total: number } {
    const ids: number[] = [];
    let total = 0;
    const rs = this.resources;
    for (let id = 0; id < rs.length; id++) {
      const r = rs[id];
      if (!r || r.createdStep > s || (r.droppedStep >= 0 && r.droppedStep <= s)) continue;
      total++;
      if (ids.length < limit) ids.push(id);
      else if (stopAtLimit) break;
    }
    return { ids, total };
  }

  resourcesAt(s: number, limit = Infinity): ResourceView[] {
    return this.aliveResourceIds(s, limit, true).ids.map((id) => this.resourceAt(id, this.resources[id]!, s));
  }

  protected resourceAt(id: number, r: ResourceInfo, s: number): ResourceView {
    // Start from the last checkpoint at or before s, replay the entries after it.
    const entries = this.resourceWakers.entries(id);
    const upTo = this.resourceWakers.count(id, s);
    const cp = Math.floor(upTo / WAKER_CHECKPOINT);
    const keys: number[] = cp > 0 && r.checkpoints ? Array.from(r.checkpoints[cp - 1]!) : [];
    for (let k = cp * WAKER_CHECKPOINT; k < upTo; k++) {
      const e = entries[k]!;
      const key = this.resourceWakers.a.get(e);
      if (this.resourceWakers.b.get(e) > 0) keys.push(key);
      else {
        const i = keys.indexOf(key);
        if (i >= 0) keys.splice(i, 1);
      }
    }
    const slots = keys.map((k) => ({ task: Math.floor(k / DIRS), dir: WAKER_DIRS[k % DIRS]! }));
    const te = this.resourceText.latest(id, s);
    const buf = r.buffer ? r.buffer.at(s, 32) : { items: [], total: 0 };
    const tm = this.timers.latest(id, s);
    return {
      id,
      type: r.type,
      name: r.name,
      site: r.site,
      owner: r.owner,
      wakers: [...new Set(slots.map((w) => w.task))],
      slots,
      text: te < 0 ? '' : this.strings[this.resourceText.a.get(te)]!,
      buffer: buf.items.map((i) => this.trace.string(i)),
      bufferLength: buf.total,
      deadline: tm >= 0 && this.timers.a.get(tm) === 0 ? this.timerDeadline.get(tm) : -1,
      fired: tm >= 0 && this.timers.a.get(tm) === 1,
    };
  }

  futureAt(f: number, s: number): FutureView | null {
    const i = f - this.futureBase;
    if (
      this.futureBase < 0 ||
      i < 0 ||
      i >= this.futureName.length ||
      this.futureCreated.get(i) > s ||
      this.futureName.get(i) === 0
    )
      return null;
    const e = this.futureVariant.latest(f, s);
    const dropped = this.futureDropped.get(i);
    return {
      id: f,
      name: this.strings[this.futureName.get(i)]!,
      task: this.futureTask.get(i),
      site: this.futureSite.get(i),
      variant: e < 0 ? '' : this.strings[this.futureVariant.a.get(e)]!,
      locals: e < 0 ? '' : this.trace.string(this.futureVariant.b.get(e)),
      line: e < 0 ? -1 : this.futureVariant.c.get(e),
      dropped: dropped >= 0 && dropped <= s,
    };
  }

  /**
   * Futures the task has made and still holds at step s without awaiting them (yet): `greet("ferris")`
   * stored in a local, a JoinHandle not awaited yet. Newest first, at most `limit`; only the futures made in
   * the last HELD_SCAN before s are looked at (a future held longer than that is not listed).
   */
  heldFutures(task: number, s: number, limit: number): FutureView[] {
    if (this.futureBase < 0 || limit <= 0) return [];
    const chain = new Set(this.futureChain(task, s).map((f) => f.id));
    const out: FutureView[] = [];
    let hi = upperBound(this.futureCreated, s) - 1;
    const lo = Math.max(0, hi - HELD_SCAN);
    for (; hi >= lo && out.length < limit; hi--) {
      if (this.futureCreator.get(hi) !== task || this.futureName.get(hi) === 0) continue;
      if (this.futureSpawnedAt.get(hi) <= s) continue;
      const dropped = this.futureDropped.get(hi);
      if (dropped >= 0 && dropped <= s) continue;
      const id = hi + this.futureBase;
      if (chain.has(id)) continue;
      const v = this.futureAt(id, s);
      if (v) out.push(v);
    }
    return out;
  }

  futureChain(task: number, s: number): FutureView[] {
    const t = this.tasks[task];
    if (!t || t.future < 0) return [];
    const chain: FutureView[] = [];
    let f = t.future;
    for (let depth = 0; depth < 64 && f >= 0; depth++) {
      const v = this.futureAt(f, s);
      if (!v) break;
      chain.push(v);
      const e = this.futureChild.latest(f, s);
      f = e < 0 ? NONE : this.futureChild.a.get(e);
      if (f >= 0) {
        const c = this.futureAt(f, s);
        if (!c || c.dropped) break;
      }
    }
    return chain;
  }

  /** What a task waits on at step s: the resources holding its waker, and the future at the bottom of its tree. */
  waitingOn(task: number, s: number): { resources: ResourceView[]; leaf: FutureView | null } {
    const chain = this.futureChain(task, s);
    const resources: ResourceView[] = [];
    this.resources.forEach((r, id) => {
      if (!r || r.createdStep > s || (r.droppedStep >= 0 && r.droppedStep <= s)) return;
      if (this.resourceWakers.count(id, s) === 0) return;
      const v = this.resourceAt(id, r, s);
      if (v.wakers.includes(task)) resources.push(v);
    });
    return { resources, leaf: chain[chain.length - 1] ?? null };
  }
}
