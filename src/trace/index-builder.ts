/**
 * Building the trace index: one pass over the events (incremental, so a streaming run is indexed as it
 * arrives) appends to the per-entity logs. The rules for what each event means are the same as the
 * reference fold (`fold.ts`); `trace-index.test.ts` checks the two agree on real runs.
 */
import { assertUnreachable } from '../base';
import { WAKER_DIRS, WAKE_EFFECTS, WHERE, type QueueKind, type TraceEvent } from './events';
import { FifoIntervals } from './logs';
import { SpanList } from './spans';
import { TASK_STATES, type TaskState, type ThreadStatus } from './state';
import {
  DIRS,
  IndexState,
  LINT_THRESHOLDS,
  NONE,
  THREAD_STATUS,
  queueKey,
  WAKER_CHECKPOINT,
  eventSite,
  type ResourceInfo,
  type ThreadInfo,
} from './index-state';

export abstract class IndexBuilder extends IndexState {
  /** Indexes events that arrived since the last call, at most `budget` of them. Returns true when caught up. */
  ingest(budget = Infinity): boolean {
    const n = Math.min(this.trace.length, this.indexed + budget);
    if (this.indexed >= n) return this.indexed === this.trace.length;
    while (this.indexed < n) {
      // Without its strings: `handle` reads the few it needs by id (`traceStr`, `stringIdAt`).
      this.handle(this.trace.get(this.indexed, false));
      this.indexed++;
    }
    const done = this.indexed === this.trace.length;
    // Caught up: group each log's entries by entity now rather than on the first seek, and give back the
    // columns' spare capacity (up to half of each, from doubling as they grew).
    if (done) this.compact();
    return done;
  }

  protected setThread(
    t: number,
    step: number,
    status: ThreadStatus,
    task: number,
    blockedOn: string | null,
  ): void {
    const info = this.threads[t];
    if (!info) return;
    const code = THREAD_STATUS.indexOf(status);
    const b = blockedOn === null ? 0 : this.str(blockedOn);
    if (info.status === code && info.task === task && info.blockedOn === b) return;
    info.status = code;
    info.task = task;
    info.blockedOn = b;
    this.threadStatus.add(t, step, code, task, b);
  }

  protected setTask(id: number, step: number, state: TaskState, queue: QueueKind | null): void {
    const t = this.tasks[id];
    if (!t) return;
    const code = TASK_STATES.indexOf(state);
    const q = queue === null ? NONE : WHERE.indexOf(queue);
    if (t.state === code && t.queue === q) return;
    t.state = code;
    t.queue = q;
    this.taskState.add(id, step, code, q);
  }

  protected setWakers(id: number, step: number, delta: number): void {
    const t = this.tasks[id];
    if (!t) return;
    t.wakers = Math.max(0, t.wakers + delta);
    this.taskWakers.add(id, step, t.wakers);
  }

  protected endPoll(th: ThreadInfo | undefined, time: number, step: number, task: number): void {
    if (!th) return;
    if (th.openPoll >= 0 && th.spans.task.get(th.openPoll) === task) {
      th.spans.close(th.openPoll, time, step);
      th.openPoll = NONE;
    }
    const t = this.tasks[task];
    if (t && t.pollStart >= 0) {
      t.busy += time - t.pollStart;
      t.pollStart = NONE;
    }
  }

  /**
   * Forgets a stored waker: the one in slot `dir`, or (a wake, which does not say which slot it came from)
   * the first one holding the task.
   */
  protected dropWaker(
    r: ResourceInfo | undefined,
    resource: number,
    task: number,
    step: number,
    dir = -1,
  ): void {
    if (!r || !r.holding) return;
    const i =
      dir >= 0
        ? r.holding.indexOf(task * DIRS + dir)
        : r.holding.findIndex((k) => Math.floor(k / DIRS) === task);
    if (i < 0) return;
    const key = r.holding[i]!;
    r.holding.splice(i, 1);
    this.addWakerEntry(r, resource, step, key, -1);
  }

  /**
   * Records a waker stored in / taken from a resource. Every 64th entry of a resource also keeps a copy of
   * the set it holds, so "whose wakers does it hold at step s" replays at most 64 entries (a busy channel
   * has tens of thousands).
   */
  protected addWakerEntry(r: ResourceInfo, resource: number, step: number, key: number, delta: number): void {
    this.resourceWakers.add(resource, step, key, delta);
    r.wakerEntries = (r.wakerEntries ?? 0) + 1;
    if (r.wakerEntries % WAKER_CHECKPOINT === 0)
      (r.checkpoints ??= []).push(Int32Array.from(r.holding ?? []));
  }

  protected handle(ev: TraceEvent): void {
    const step = ev.seq;
    const th = this.threads[ev.thread];
    const site = eventSite(ev);
    if (site >= 0) this.threadSites.add(ev.thread, step, site);
    // tokio's steal_into moves `count` tasks: all but the last into the thief's queue (schedule events
    // that follow the steal), the last is run at once (the thief's next poll).
    const ps = this.pendingSteal;
    if (ps && ev.thread === ps.thread) {
      if (ev.kind === 'schedule' && ps.schedules > 0) {
        ps.schedules--;
        this.taskStolen.add(ev.task, step, ps.victim);
      } else if (ev.kind === 'poll') {
        this.taskStolen.add(ev.task, step, ps.victim);
        this.pendingSteal = null;
      }
    }
    switch (ev.kind) {
      case 'thread-start':
        this.threads[ev.thread] = {
          role: ev.role,
          name: this.strings[this.traceStr(step, 'name')]!,
          startStep: step,
          status: -1,
          task: NONE,
          blockedOn: 0,
          spans: new SpanList(),
          openPoll: NONE,
          openPark: NONE,
          openBlock: NONE,
        };
        this.setThread(ev.thread, step, 'idle', NONE, null);
        break;
      case 'thread-exit':
        this.setThread(ev.thread, step, 'exited', NONE, null);
        break;
      case 'spawn':
        if (this.tasks[ev.task]) this.taskCountByScan = true;
        this.spawnSteps.push(step);
        this.tasks[ev.task] = {
          spawnStep: step,
          future: ev.future,
          parent: ev.parent,
          site: ev.site,
          mode: ev.mode,
          state: -1,
          queue: -2,
          queueKey: NONE,
          wakers: 0,
          detachedStep: NONE,
          abortedStep: NONE,
          endStep: NONE,
          scheduledSince: ev.time,
          pollStart: NONE,
          busy: 0,
          scheduled: 0,
          endTime: NONE,
          spawnTime: ev.time,
          largeStep: NONE,
          hashOrderStep: NONE,
          notified: false,
        };
        if (ev.task === 0 || ev.mode === 'block_on') this.setTask(ev.task, step, 'scheduled', 'main');
        else this.setTask(ev.task, step, 'idle', null);
        // The root future was created by the spawning task; from now on it belongs to the new one.
        if (ev.future >= 0 && this.futureBase >= 0 && ev.future - this.futureBase < this.futureTask.length) {
          this.futureTask.set(ev.future - this.futureBase, ev.task);
          this.futureSpawnedAt.set(ev.future - this.futureBase, step);
        }
        break;
      case 'schedule': {
        const t = this.tasks[ev.task];
        if (t && t.state !== TASK_STATES.indexOf('running')) t.scheduledSince = ev.time;
        this.setTask(ev.task, step, 'scheduled', ev.where);
        // A queued task can move (LIFO displacement, a steal, overflow to the inject queue).
        if (t && t.queueKey >= 0) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = NONE;
        }
        if (ev.where !== 'main') {
          this.queue(ev.where, ev.core).push(step, ev.task);
          if (t) t.queueKey = queueKey(ev.where, ev.core);
        }
        break;
      }
      case 'poll': {
        const t = this.tasks[ev.task];
        if (t && t.queueKey >= 0) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = NONE;
        }
        if (t) {
          // Time in a run queue counts only if the trace said the task was scheduled: a recorded real run
          // never reports main's wakes, so main is polled straight from idle there.
          const waited =
            t.state === TASK_STATES.indexOf('scheduled') ? Math.max(0, ev.time - t.scheduledSince) : 0;
          this.pollBusyBefore.push(t.busy);
          this.pollScheduledBefore.push(t.scheduled + waited);
          t.scheduled += waited;
          this.pollStartTime.push(ev.time);
          t.pollStart = ev.time;
        }
        this.setTask(ev.task, step, 'running', null);
        this.setThread(ev.thread, step, 'running', ev.task, null);
        if (th) {
          if (th.openPoll >= 0) th.spans.close(th.openPoll, ev.time, step);
          th.openPoll = th.spans.open('poll', ev.time, step, ev.task);
        }
        // Each poll remembers its span (thread + index) so busy time at any step is a lookup.
        if (t) this.taskPolls.add(ev.task, step, th ? th.openPoll : NONE, ev.thread);
        break;
      }
      case 'poll-child': {
        this.futureParentNow[ev.future] = ev.parent;
        if (this.futureChildNow[ev.parent] !== ev.future) {
          this.futureChildNow[ev.parent] = ev.future;
          this.futureChild.add(ev.parent, step, ev.future);
        }
        break;
      }
      case 'pending':
      case 'ready': {
        const t = this.tasks[ev.task];
        if (t && t.future === ev.future) {
          if (ev.kind === 'pending' && t.state === TASK_STATES.indexOf('running')) {
            // main woke itself during the poll (no `schedule` event follows, unlike a spawned task): it is
            // scheduled from now, so the time until block_on polls it again counts as scheduled, not idle.
            if (t.notified) {
              t.scheduledSince = ev.time;
              this.setTask(ev.task, step, 'scheduled', 'main');
            } else this.setTask(ev.task, step, 'idle', null);
          }
          t.notified = false;
          if (th && th.task === ev.task) this.setThread(ev.thread, step, 'idle', NONE, null);
          this.endPoll(th, ev.time, step, ev.task);
        }
        break;
      }
      case 'future-new': {
        if (this.futureBase < 0) this.futureBase = ev.future;
        const i = ev.future - this.futureBase;
        while (this.futureName.length < i) {
          this.futureName.push(0);
          this.futureTask.push(NONE);
          this.futureSite.push(NONE);
          // An id the simulator used for an untraced helper future: no name, and the creation step of the
          // future before it, so the column stays sorted (heldFutures binary-searches it).
          const prev =
            this.futureCreated.length > 0 ? this.futureCreated.get(this.futureCreated.length - 1) : 0;
          this.futureCreated.push(prev);
          this.futureCreator.push(NONE);
          this.futureSpawnedAt.push(0x7fffffff);
          this.futureDropped.push(NONE);
        }
        this.futureName.push(this.traceStr(step, 'name'));
        this.futureTask.push(ev.task);
        this.futureSite.push(ev.site);
        this.futureCreated.push(step);
        this.futureCreator.push(ev.task);
        this.futureSpawnedAt.push(0x7fffffff);
        this.futureDropped.push(NONE);
        break;
      }
      case 'future-state':
        // Locals rarely repeat and there is one per state change: keep the trace's string id, not a copy.
        this.futureVariant.add(
          ev.future,
          step,
          this.traceStr(step, 'variant'),
          this.trace.stringIdAt(step, 'locals'),
          ev.line,
        );
        break;
      case 'future-size': {
        // A task's future counts as large from the first time any of its futures reached 1 KiB.
        const i = ev.future - this.futureBase;
        const task = i >= 0 && i < this.futureTask.length ? this.futureTask.get(i) : NONE;
        const t = this.tasks[task];
        if (t && t.largeStep < 0 && ev.bytes >= LINT_THRESHOLDS.largeFutureBytes) t.largeStep = step;
        break;
      }
      case 'future-drop': {
        const i = ev.future - this.futureBase;
        if (i >= 0 && i < this.futureDropped.length) this.futureDropped.set(i, step);
        const parent = this.futureParentNow[ev.future];
        if (parent !== undefined && this.futureChildNow[parent] === ev.future) {
          this.futureChildNow[parent] = NONE;
          this.futureChild.add(parent, step, NONE);
        }
        break;
      }
      case 'waker-clone':
        this.setWakers(ev.task, step, 1);
        break;
      case 'waker-drop':
        this.setWakers(ev.task, step, -1);
        break;
      case 'register': {
        const r = this.resources[ev.resource];
        const key = ev.task * DIRS + WAKER_DIRS.indexOf(ev.dir);
        if (r && !(r.holding ??= []).includes(key)) {
          r.holding.push(key);
          this.addWakerEntry(r, ev.resource, step, key, 1);
        }
        break;
      }
      case 'deregister':
        this.dropWaker(this.resources[ev.resource], ev.resource, ev.task, step, WAKER_DIRS.indexOf(ev.dir));
        break;
      case 'wake': {
        const w = this.wakeStep.push(step);
        this.wakeTime.push(ev.time);
        this.wakeCols.thread.push(ev.thread);
        this.wakeCols.task.push(ev.task);
        this.wakeCols.by.push(ev.by);
        this.wakeCols.resource.push(ev.resource);
        this.wakeCols.effect.push(WAKE_EFFECTS.indexOf(ev.effect));
        this.taskWakes.add(ev.task, step, w);
        if (ev.by === ev.task) this.taskSelfWakes.add(ev.task, step, 0);
        if (ev.op === 'wake' || ev.op === 'defer') this.setWakers(ev.task, step, -1);
        if (ev.op === 'defer') {
          for (const q of this.queues.values()) if (q.kind === 'defer') q.q.remove(ev.task, step);
        }
        if (ev.effect === 'main') {
          const t = this.tasks[ev.task];
          if (t && t.state !== TASK_STATES.indexOf('running')) {
            t.scheduledSince = ev.time;
            this.setTask(ev.task, step, 'scheduled', 'main');
          } else if (t) t.notified = true;
        }
        if (ev.resource >= 0) this.dropWaker(this.resources[ev.resource], ev.resource, ev.task, step);
        break;
      }
      case 'defer':
        this.queue('defer', ev.core).push(step, ev.task);
        break;
      case 'budget-exhausted':
        break;
      case 'resource-new': {
        if (this.resources[ev.resource]) this.countByScan = true;
        const name = this.strings[this.traceStr(step, 'name')]!;
        this.createdSteps.push(step);
        this.resources[ev.resource] = {
          type: ev.type,
          name: ev.owner >= 0 ? `${name}(task ${ev.owner})` : name,
          site: ev.site,
          owner: ev.owner,
          createdStep: step,
          droppedStep: NONE,
          buffer: null,
          holding: null,
        };
        break;
      }
      case 'resource-state':
        this.resourceText.add(ev.resource, step, this.traceStr(step, 'text'));
        break;
      case 'chan-state': {
        // The same few states recur on every send and receive: look the text up by its numbers.
        // (Small numbers make a small-integer key: a double key would be boxed on every lookup.)
        const small =
          (ev.queued | ev.senders | ev.waiting) >= 0 &&
          ev.queued < 0x400 &&
          ev.senders < 0x400 &&
          ev.waiting < 0x200;
        const key = small ? (ev.queued << 19) | (ev.senders << 9) | ev.waiting : -1;
        let id = small ? this.chanTexts.get(key) : undefined;
        if (id === undefined) {
          const text = `${ev.queued} queued, ${ev.senders} sender${ev.senders === 1 ? '' : 's'}${ev.waiting ? `, ${ev.waiting} waiting to send` : ''}`;
          id = this.str(text);
          if (small) this.chanTexts.set(key, id);
        }
        this.resourceText.add(ev.resource, step, id);
        break;
      }
      case 'resource-drop': {
        const r = this.resources[ev.resource];
        if (r) {
          if (r.droppedStep >= 0) this.countByScan = true;
          this.droppedSteps.push(step);
          r.droppedStep = step;
          r.buffer?.clear(step);
        }
        break;
      }
      case 'chan-push': {
        const r = this.resources[ev.resource];
        // Buffer items are the trace's string ids of the values sent.
        if (r) (r.buffer ??= new FifoIntervals()).push(step, this.trace.stringIdAt(step, 'value'));
        break;
      }
      case 'chan-pop':
        this.resources[ev.resource]?.buffer?.popFront(step);
        break;
      case 'timer-arm':
        this.timers.add(ev.resource, step, 0);
        this.timerDeadline.push(ev.deadline);
        break;
      case 'timer-cancel': {
        this.timers.add(ev.resource, step, 2);
        this.timerDeadline.push(-1);
        const r = this.resources[ev.resource];
        if (r?.holding)
          for (const key of [...r.holding])
            this.dropWaker(r, ev.resource, Math.floor(key / DIRS), step, key % DIRS);
        break;
      }
      case 'timer-fire':
        this.timers.add(ev.resource, step, 1);
        this.timerDeadline.push(-1);
        break;
      case 'time-advance':
        this.tokioTimes.add(0, step, 0);
        this.tokioTimeValue.push(ev.now);
        break;
      case 'park':
        this.setThread(ev.thread, step, 'parked', NONE, null);
        if (th) {
          if (th.openPark >= 0) th.spans.close(th.openPark, ev.time, step);
          th.openPark = th.spans.open('park', ev.time, step, NONE);
        }
        break;
      case 'unpark':
        this.setThread(ev.thread, step, 'idle', NONE, null);
        if (th && th.openPark >= 0) {
          th.spans.close(th.openPark, ev.time, step);
          th.openPark = NONE;
        }
        break;
      case 'block':
        this.setThread(
          ev.thread,
          step,
          'blocked',
          th ? th.task : NONE,
          this.strings[this.traceStr(step, 'what')]!,
        );
        if (th) th.openBlock = th.spans.open('block', ev.time, step, th.task);
        break;
      case 'unblock':
        if (th) {
          this.setThread(ev.thread, step, th.task >= 0 ? 'running' : 'idle', th.task, null);
          if (th.openBlock >= 0) {
            th.spans.close(th.openBlock, ev.time, step);
            th.openBlock = NONE;
          }
        }
        break;
      case 'abort': {
        const t = this.tasks[ev.task];
        if (t && t.abortedStep < 0) t.abortedStep = step;
        break;
      }
      case 'cancel':
        break;
      case 'detach': {
        const t = this.tasks[ev.task];
        if (t && t.detachedStep < 0) t.detachedStep = step;
        break;
      }
      case 'complete': {
        const t = this.tasks[ev.task];
        if (t && t.queueKey >= 0) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = NONE;
        }
        this.setTask(
          ev.task,
          step,
          ev.outcome === 'ok' ? 'complete' : ev.outcome === 'cancelled' ? 'cancelled' : 'panicked',
          null,
        );
        if (t) {
          t.endStep = step;
          t.endTime = ev.time;
        }
        if (th && th.task === ev.task) this.setThread(ev.thread, step, 'idle', NONE, null);
        this.endPoll(th, ev.time, step, ev.task);
        break;
      }
      case 'panic':
        break;
      case 'print': {
        const text = this.trace.string(this.trace.stringIdAt(step, 'text'));
        if (ev.stream === 'stdout') {
          this.stdout += text;
          this.stdoutLen = this.stdout.length;
        } else {
          this.stderr += text;
          this.stderrLen = this.stderr.length;
        }
        this.stdoutEnds.add(0, step, this.stdoutLen, this.stderrLen);
        break;
      }
      case 'lint': {
        const t = ev.lint === 'hash-order' && ev.task >= 0 ? this.tasks[ev.task] : undefined;
        if (t && t.hashOrderStep < 0) t.hashOrderStep = step;
        break;
      }
      case 'steal':
        // The stolen tasks' moves are `schedule` events of their own; the timeline marks the steal.
        this.pendingSteal = { thread: ev.thread, victim: ev.victim, schedules: ev.count - 1 };
        this.steals.push({
          step,
          time: ev.time,
          thread: ev.thread,
          core: ev.core,
          victim: ev.victim,
          count: ev.count,
        });
        break;
      case 'search': {
        const cur = th ? THREAD_STATUS[th.status] : undefined;
        if (ev.searching && cur === 'idle') this.setThread(ev.thread, step, 'searching', NONE, null);
        else if (!ev.searching && cur === 'searching') this.setThread(ev.thread, step, 'idle', NONE, null);
        break;
      }
      case 'io-turn':
      case 'io-ready':
      case 'io-clear':
        // An I/O source's readiness and slots reach the Reactor as `resource-state` text; wakes are `wake`s.
        break;
      case 'runtime-new':
        // Which runtime each thread and queue belongs to is trace/runtimes.ts's table.
        break;
      case 'outcome':
        this.outcome = {
          step,
          result: ev.result,
          message: this.trace.string(this.trace.stringIdAt(step, 'message')),
        };
        break;
      default:
        assertUnreachable(ev, 'trace event');
    }
  }
}
