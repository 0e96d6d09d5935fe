/**
 * The course's text: each lesson's goal, prediction, narration moments (matched to events of its run),
 * "try this" change and docs, in order. The program of lesson `id` is `programs/<id>.rs`; index.ts joins
 * them. Kept free of `?raw` imports so Node tools and browser tests can read it directly.
 */
import type { Moment } from './narration';

/** A lesson without its program text (the app adds it from programs/; tests read it from disk). */
export interface LessonText {
  readonly id: string;
  readonly title: string;
  /** One line: what the lesson shows (the picker's tooltip, the narration before the run starts). */
  readonly summary: string;
  /** The goal, in one sentence. */
  readonly goal: string;
  /** Asked before the run; the answer is shown once the run has reached `revealAt` (a moment's index). */
  readonly predict: { readonly question: string; readonly answer: string; readonly revealAt: number };
  /** A one-click change: `from` is replaced by `to` in the source. */
  readonly tryThis: {
    readonly text: string;
    readonly from: string;
    readonly to: string;
    readonly lookFor: string;
    /**
     * The narration of the changed program, placed on its run like the lesson's own moments: `changed`
     * (what changed and why) is shown until the first of `moments`.
     */
    readonly changed: string;
    readonly moments: readonly Moment[];
  };
  readonly docs: readonly { readonly label: string; readonly href: string }[];
  readonly moments: readonly Moment[];
}

const DOCS = 'https://docs.rs/tokio/1.24.2/tokio';
const STD = 'https://doc.rust-lang.org/std';

export const COURSE: readonly LessonText[] = [
  {
    id: 'two-tasks-and-a-sleep',
    title: 'Two tasks and a sleep',
    summary:
      'Spawned tasks wait in the run queue until main yields; a sleeping task hands its waker to the timer.',
    goal: 'Follow two spawned tasks through the run queue, the timer and back.',
    predict: {
      question:
        'main spawns "slow" first. Which task prints first, and does "slow: woke up" come before "fast: hello"?',
      answer:
        'slow starts first (FIFO), but its sleep returns Pending, so fast runs and prints before slow wakes 100 ms later.',
      revealAt: 3,
    },
    tryThis: {
      text: 'Make slow block its thread instead of sleeping.',
      from: 'tokio::time::sleep(Duration::from_millis(100)).await;',
      to: 'std::thread::sleep(Duration::from_millis(100));',
      lookFor:
        'The main thread is blocked for 100 ms and fast waits behind it: nothing else runs, not even the timer. (Block for over a second and the Tasks panel flags never-yielded: see Blocking the executor.)',
      changed:
        'slow now calls std::thread::sleep: a blocking call inside async code. It never returns Pending, so the thread it runs on can do nothing else until it returns.',
      moments: [
        {
          when: { kind: 'block' },
          text: 'slow blocks the main thread for 100 ms in the middle of its poll. It never returned Pending: fast waits in the run queue, and nobody even looks at the timer.',
          shows: [{ running: 'slow' }, { queued: 'fast' }, { thread: ['main', 'blocked'] }],
        },
        {
          when: { kind: 'print', text: 'fast: hello' },
          text: "Only when slow's poll ends, 100 ms later, does fast get the thread. In the lesson fast ran while slow slept; here it ran after.",
          shows: [{ running: 'fast' }, { printed: 'slow: woke up' }, { state: ['slow', 'complete'] }],
        },
      ],
    },
    docs: [
      { label: 'tokio::spawn', href: `${DOCS}/task/fn.spawn.html` },
      { label: 'tokio::time::sleep', href: `${DOCS}/time/fn.sleep.html` },
    ],
    moments: [
      {
        when: { kind: 'schedule', task: 1 },
        text: 'tokio::spawn puts the new task in the run queue. It does not run yet: main is still being polled.',
        shows: [{ queued: 'slow', where: 'local' }, { running: 'main' }],
      },
      {
        when: { kind: 'pending', task: 0, future: 1 },
        text: "main awaits slow's JoinHandle and returns Pending. Only now can the scheduler run queued tasks.",
        shows: [
          { waker: 'main', in: 'JoinHandle' },
          { state: ['main', 'idle'] },
          { queued: 'slow' },
          { queued: 'fast' },
        ],
      },
      {
        when: { kind: 'register', task: 1 },
        text: "slow reaches its sleep: the timer wheel keeps slow's waker until 100 ms have passed.",
        shows: [{ waker: 'slow', in: 'timer' }, { running: 'slow' }],
      },
      {
        when: { kind: 'print', text: 'fast: hello' },
        text: 'While slow sleeps, fast runs to completion.',
        shows: [{ waker: 'slow', in: 'timer' }, { running: 'fast' }, { printed: 'fast: hello' }],
      },
      {
        when: { kind: 'schedule', task: 1 },
        text: 'The timer fires and wakes slow: it goes back into the run queue.',
        shows: [{ queued: 'slow', where: 'local' }, { noWaker: 'slow' }],
      },
      {
        when: { kind: 'print', text: 'all done' },
        text: 'Both JoinHandles are ready; main finishes.',
        shows: [{ state: ['slow', 'complete'] }, { state: ['fast', 'complete'] }, { running: 'main' }],
      },
    ],
  },
  {
    id: 'futures-are-lazy',
    title: 'Futures are lazy',
    summary: 'Calling an async fn builds a future; nothing in its body runs until something polls it.',
    goal: 'See that an async fn call only creates a value, and that `.await` is what runs it.',
    predict: {
      question: 'Which line prints first: "greet(ferris) runs" or "main: the future exists…"?',
      answer:
        'main prints first. `greet("ferris")` only built a GreetFuture; its body ran when `.await` polled it.',
      revealAt: 2,
    },
    tryThis: {
      text: 'Await the second future instead of dropping it.',
      from: '    drop(never);',
      to: '    never.await;',
      lookFor:
        'The second GreetFuture now goes from Unresumed to Returned, and "greet(nobody) runs" is printed.',
      changed:
        'main now awaits the second GreetFuture instead of dropping it. Nothing else changed: .await is what polls a future, and polling is what runs its body.',
      moments: [
        {
          when: { kind: 'future-state', future: 2, variant: 'Unresumed' },
          text: 'The first GreetFuture is created, Unresumed, as before.',
          shows: [{ variant: ['GreetFuture', 'Unresumed'] }, { notPrinted: 'greet(ferris) runs' }],
        },
        {
          when: { kind: 'print', text: 'greet(nobody) runs' },
          text: 'This time the second future is awaited, so its body runs and prints. Dropped, in the lesson, it never ran at all.',
          shows: [{ printed: 'greet(nobody) runs' }, { running: 'main' }],
        },
      ],
    },
    docs: [
      { label: 'std::future::Future', href: `${STD}/future/trait.Future.html` },
      { label: '#[tokio::main]', href: `${DOCS}/attr.main.html` },
    ],
    moments: [
      {
        when: { kind: 'future-state', future: 2, variant: 'Unresumed' },
        text: 'Calling greet("ferris") returned a GreetFuture in its Unresumed state, holding its argument: a value that main now holds (Tasks panel, under main). None of greet\'s body has run: nothing is printed, and no line of greet is highlighted in the code.',
        shows: [{ variant: ['GreetFuture', 'Unresumed'] }, { notPrinted: 'greet(ferris) runs' }],
      },
      {
        when: { kind: 'print', text: 'has not run' },
        text: 'main keeps going while the future sits untouched. A future does nothing on its own.',
        shows: [{ variant: ['GreetFuture', 'Unresumed'] }, { notPrinted: 'greet(ferris) runs' }],
      },
      {
        when: { kind: 'print', text: 'greet(ferris) runs' },
        text: "`.await` polls the future for the first time, and only now does greet's body run. It has no .await of its own, so this one poll runs it to Poll::Ready.",
        shows: [{ variant: ['GreetFuture', 'Unresumed'] }, { printed: 'greet(ferris) runs' }],
      },
      {
        when: { kind: 'future-state', future: 3, variant: 'Unresumed' },
        text: 'A second GreetFuture, for greet("nobody"). Again: Unresumed, nothing printed.',
        shows: [{ variant: ['GreetFuture', 'Unresumed'] }, { notPrinted: 'greet(nobody) runs' }],
      },
      {
        when: { kind: 'future-drop' },
        text: 'drop(never) destroys the future while it is still Unresumed. Its body never runs: dropping a future is how Rust cancels it.',
        shows: [{ notPrinted: 'greet(nobody) runs' }, { running: 'main' }],
      },
    ],
  },
  {
    id: 'state-machine',
    title: 'An async fn is a state machine',
    summary: 'Each .await becomes a variant of an enum; the locals alive across it are its fields.',
    goal: 'Read the enum the compiler builds for an async fn, and watch its variant change at each .await.',
    predict: {
      question:
        'The loop awaits a sleep three times, then yield_now once. How many Suspend variants does StepsFuture have?',
      answer:
        'Two: Suspend0 for the sleep inside the loop (every iteration reuses it) and Suspend1 for yield_now. Variants follow .await points in the source, not loop iterations.',
      revealAt: 4,
    },
    tryThis: {
      text: 'Add another .await after the loop.',
      from: '    tokio::task::yield_now().await;\n',
      to: '    tokio::task::yield_now().await;\n    tokio::task::yield_now().await;\n',
      lookFor: 'StepsFuture gains a Suspend2 variant.',
      changed:
        'One more .await after the loop: every .await is a place where the future can stop, so the compiler needs one more state to stop in.',
      moments: [
        {
          when: { kind: 'future-state', variant: 'Suspend2' },
          text: "StepsFuture reaches the new .await and is now Suspend2: a variant the lesson's StepsFuture did not have, holding what is still alive at that point.",
          shows: [{ variant: ['StepsFuture', 'Suspend2'] }],
        },
        {
          when: { kind: 'print', text: 'main: steps returned 6' },
          text: 'It then returns as before: the extra state cost one more poll, not a different result.',
          shows: [{ printed: 'main: steps returned 6' }, { running: 'main' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::time::sleep', href: `${DOCS}/time/fn.sleep.html` },
      { label: 'tokio::task::yield_now', href: `${DOCS}/task/fn.yield_now.html` },
    ],
    moments: [
      {
        when: { kind: 'future-state', future: 2, variant: 'Unresumed' },
        text: 'steps("steps") builds a StepsFuture. Unresumed holds only the argument, label.',
        shows: [{ variant: ['StepsFuture', 'Unresumed'] }, { notPrinted: 'steps: step 1' }],
      },
      {
        when: { kind: 'future-state', variant: 'Suspend0' },
        text: "The first poll runs up to the sleep and returns Pending. The enum is now Suspend0, holding what must survive the .await: label, total, i and the Sleep it waits on. The Sleep's waker is with the timer (Reactor panel).",
        shows: [{ variant: ['StepsFuture', 'Suspend0'] }, { waker: 'main', in: 'timer' }],
      },
      {
        when: { kind: 'timer-fire' },
        text: '10 ms later the timer fires and wakes main. block_on polls MainFuture, which re-polls StepsFuture, which resumes inside Suspend0 and re-polls its Sleep.',
        shows: [{ waker: 'main', in: 'timer' }, { variant: ['StepsFuture', 'Suspend0'] }],
      },
      {
        when: { kind: 'print', text: 'step 3' },
        text: 'Each turn of the loop parks the future in the same Suspend0: one variant per .await in the source.',
        shows: [{ variant: ['StepsFuture', 'Suspend0'] }, { printed: 'step 3' }],
      },
      {
        when: { kind: 'future-state', variant: 'Suspend1' },
        text: 'After the loop, yield_now is the second .await: Suspend1. i went out of scope with the loop, so it is gone from the fields; label (an argument) and total are still alive.',
        shows: [{ variant: ['StepsFuture', 'Suspend1'] }, { queued: 'main', where: 'defer' }],
      },
      {
        when: { kind: 'print', text: 'steps returned' },
        text: 'StepsFuture reached Returned and handed 6 to main.',
        shows: [{ printed: 'steps returned 6' }, { running: 'main' }],
      },
    ],
  },
  {
    id: 'delay-wakes-itself',
    title: 'Pending and the waker',
    summary: 'A future that returns Pending must arrange a wake; this one wakes itself on every poll.',
    goal: 'See what `cx.waker().wake_by_ref()` does, and why a future that always wakes itself is a busy loop.',
    predict: {
      question: 'Delay waits 10 ms. Roughly how many times will the runtime poll it?',
      answer:
        'Thousands: every poll wakes the task again at once, so the runtime re-polls it back to back until the clock passes the deadline. The Tasks panel flags it with the self-wakes lint.',
      revealAt: 3,
    },
    tryThis: {
      text: "Let tokio's timer hold the waker instead.",
      from: '    let future = Delay { when };\n    let out = future.await;',
      to: '    tokio::time::sleep(Duration::from_millis(10)).await;\n    let out = "done".to_string();',
      lookFor:
        'main is polled a handful of times; the timer in the Reactor panel holds its waker while it sleeps.',
      changed:
        "The hand-written Delay is replaced by tokio::time::sleep. Instead of waking itself at once, the future gives main's waker to tokio's timer, and main really waits.",
      moments: [
        {
          when: { kind: 'register', task: 0 },
          text: "sleep stores main's waker in the timer wheel and returns Pending. For 10 ms nothing polls main: no busy loop.",
          shows: [{ waker: 'main', in: 'timer' }, { running: 'main' }],
        },
        {
          when: { kind: 'wake', task: 0 },
          text: '10 ms later the timer fires and wakes main once. A handful of polls in all, where Delay took thousands.',
          shows: [{ noWaker: 'main' }, { state: ['main', 'scheduled'] }],
        },
      ],
    },
    docs: [
      { label: 'std::task::Waker', href: `${STD}/task/struct.Waker.html` },
      { label: 'tokio tutorial: async in depth', href: 'https://tokio.rs/tokio/tutorial/async' },
    ],
    moments: [
      {
        when: { kind: 'future-new', name: 'Delay' },
        text: 'A Delay is a plain struct with `impl Future`. Its poll checks the clock.',
        shows: [{ variant: ['Delay', ''] }, { running: 'main' }],
      },
      {
        when: { kind: 'wake', op: 'wake_by_ref' },
        text: 'Not ready yet, so poll calls cx.waker().wake_by_ref() before returning Pending: "poll me again".',
        shows: [{ running: 'main' }, { noWaker: 'main' }],
      },
      {
        when: { kind: 'poll', task: 0 },
        text: 'block_on polls main again at once, and Delay checks the clock again. Nothing else makes progress in between: this is a busy loop.',
        shows: [{ running: 'main' }, { variant: ['MainFuture', 'Suspend0'] }],
      },
      {
        when: { kind: 'print', text: 'Hello there' },
        text: "After 10 ms of re-polling, the deadline has passed and Delay returns Ready. Look at main's counters in the Tasks panel: polls and wakes climbed together, and self-wakes explains why.",
        shows: [{ lint: ['main', 'self-wakes'] }, { printed: 'Hello there' }],
      },
    ],
  },
  {
    id: 'lost-waker',
    title: 'The lost waker',
    summary: 'Pending without arranging a wake: nobody will ever poll the future again.',
    goal: 'See why returning Pending is a promise: somebody must keep the waker and wake it.',
    predict: {
      question: 'Will "never printed" be printed?',
      answer:
        'No. Forgetful returned Pending and dropped the waker on the floor; nothing can wake main, so the runtime parks forever. Real tokio hangs without a word.',
      revealAt: 2,
    },
    tryThis: {
      text: 'Wake before returning Pending.',
      from: '        Poll::Pending\n',
      to: '        if self.polls < 3 {\n            _cx.waker().wake_by_ref();\n            return Poll::Pending;\n        }\n        Poll::Ready(())\n',
      lookFor: 'Forgetful is polled three times and main finishes.',
      changed:
        'Forgetful now wakes its task before returning Pending. That is the contract of poll: Pending must come with a way to be polled again.',
      moments: [
        {
          when: { kind: 'wake', task: 0, op: 'wake_by_ref' },
          text: 'Forgetful calls wake_by_ref and then returns Pending: block_on knows main must be polled again.',
          shows: [{ running: 'main' }, { printed: 'Forgetful polled 1 time' }],
        },
        {
          when: { kind: 'print', text: 'Forgetful polled 2' },
          text: 'And it is. No lost waker this time: main is polled again and runs to the end instead of hanging.',
          shows: [{ printed: 'Forgetful polled 2' }, { running: 'main' }],
        },
      ],
    },
    docs: [{ label: 'std::future::Future::poll', href: `${STD}/future/trait.Future.html#tymethod.poll` }],
    moments: [
      {
        when: { kind: 'print', text: 'Forgetful polled 1' },
        text: "Forgetful returns Pending but never stores or wakes cx.waker(). No resource holds main's waker now (the Reactor panel has none for it).",
        shows: [{ noWaker: 'main' }, { queued: 'task 1' }],
      },
      {
        when: { kind: 'poll', task: 1 },
        text: 'The runtime still runs what is queued: the spawned task was waiting in the run queue.',
        shows: [{ running: 'task 1' }, { state: ['main', 'idle'] }, { noWaker: 'main' }],
      },
      {
        when: { kind: 'park' },
        text: 'Nothing is queued, no timer is armed, no waker is held: the thread parks, and nothing will ever unpark it.',
        shows: [
          { thread: ['main', 'parked'] },
          { noWaker: 'main' },
          { armed: 0 },
          { state: ['task 1', 'complete'] },
        ],
      },
      {
        when: { kind: 'outcome' },
        text: 'Pollscope sees that nothing can ever make progress and names the future that returned Pending. tokio-console would call this a lost waker.',
        shows: [{ state: ['main', 'idle'] }, { noWaker: 'main' }],
      },
    ],
  },
  {
    id: 'reactor-of-your-own',
    title: 'A reactor of your own',
    summary:
      'A hand-written future hands its waker to an OS thread; the thread wakes it when the time is up.',
    goal: 'Write the part that wakes a future: a thread that keeps its waker and calls it when the time is up.',
    predict: {
      question: 'The timer thread sleeps 100 ms. How many times is ThreadTimer polled?',
      answer:
        'Twice. The first poll returns Pending and leaves its waker in the shared state; the second comes after the timer thread calls wake, and returns Ready. In the 100 ms between, nobody polls it.',
      revealAt: 6,
    },
    tryThis: {
      text: "Use tokio's own timer instead.",
      from: '    ThreadTimer::new().await;',
      to: '    tokio::time::sleep(Duration::from_millis(100)).await;',
      lookFor:
        "No timer thread any more: tokio's timer (Reactor panel) keeps main's waker and wakes it after 100 ms. The same job, built into the runtime.",
      changed:
        "The home-made timer thread is gone: tokio::time::sleep asks the runtime's own timer to keep main's waker. Same job, built into the runtime.",
      moments: [
        {
          when: { kind: 'register', task: 0 },
          text: "main's waker goes to tokio's timer wheel (Reactor panel), not to a thread of yours.",
          shows: [{ waker: 'main', in: 'timer' }],
        },
        {
          when: { kind: 'print', text: 'other task' },
          text: 'While main waits, the other task runs: the runtime thread is free.',
          shows: [{ waker: 'main', in: 'timer' }, { printed: 'other task' }],
        },
        {
          when: { kind: 'print', text: 'main: the timer is done' },
          text: 'After 100 ms the timer wakes main, exactly as your thread did in the lesson.',
          shows: [{ noWaker: 'main' }, { printed: 'main: the timer is done' }],
        },
      ],
    },
    docs: [
      { label: 'std::task::Waker', href: `${STD}/task/struct.Waker.html` },
      { label: 'std::thread::spawn', href: `${STD}/thread/fn.spawn.html` },
      { label: 'tokio::time::sleep', href: `${DOCS}/time/fn.sleep.html` },
    ],
    moments: [
      {
        when: { kind: 'future-new', name: 'ThreadTimer' },
        text: 'main builds a ThreadTimer: a plain struct holding shared state (done = false, no waker yet) in an Arc<Mutex>. Nothing has started.',
        shows: [{ running: 'main' }, { queued: 'task 1' }, { variant: ['ThreadTimer', ''] }],
      },
      {
        when: { kind: 'thread-start', role: 'std' },
        text: 'Its first poll starts an OS thread, the timer thread: std thread 1 in the Runtime panel. It will sleep for 100 ms.',
        shows: [{ thread: ['std thread 1', 'idle'] }, { running: 'main' }],
      },
      {
        when: { kind: 'waker-clone', task: 0 },
        text: "done is still false, so poll puts a clone of cx.waker() into the shared state and returns Pending. The waker now lives in your Mutex, where the timer thread can reach it: the Reactor panel knows nothing of it, but main's wakers counter (Tasks panel) counts it.",
        shows: [{ wakers: ['main', 1] }, { printed: 'keeping the waker' }],
      },
      {
        when: { kind: 'print', text: 'other task' },
        text: 'main is waiting, so the runtime thread is free to run the other task (task 1). Nothing polls ThreadTimer meanwhile.',
        shows: [{ running: 'task 1' }, { state: ['main', 'idle'] }],
      },
      {
        when: { kind: 'park' },
        text: 'Nothing is left to run, so the runtime thread parks: it sleeps instead of checking the timer over and over. Only a wake can get it going again.',
        shows: [{ thread: ['main', 'parked'] }, { state: ['task 1', 'complete'] }],
      },
      {
        when: { kind: 'wake', task: 0 },
        text: '100 ms later the timer thread sets done = true and calls waker.wake(). That is what a reactor does: it keeps wakers and wakes each one when its event happens (a timer runs out, data arrives).',
        shows: [{ state: ['main', 'scheduled'] }, { thread: ['main', 'parked'] }],
      },
      {
        when: { kind: 'print', text: 'poll: done' },
        text: 'The wake gets the runtime thread going again. It polls main, main polls ThreadTimer, and this time it sees done and returns Ready. Two polls in all: polls 2 on main in the Tasks panel.',
        shows: [{ running: 'main' }, { printed: 'poll: done' }],
      },
      {
        when: { kind: 'print', text: 'main: the timer is done' },
        text: 'main goes on past the .await. tokio::time::sleep works the same way, except that tokio’s timer holds the waker instead of a thread of yours.',
        shows: [{ running: 'main' }, { printed: 'main: the timer is done' }],
      },
    ],
  },
  {
    id: 'executor-is-a-queue',
    title: 'An executor is a queue',
    summary: 'Waking a task does not run it: it puts the task at the back of the run queue.',
    goal: "Watch tokio's run queue, and see that every wake puts a task at its back.",
    predict: {
      question:
        'B opens the gate (waking A), then steps aside (waking itself). C has not run yet. In which order do A, B and C finish?',
      answer:
        'C, then A, then B. A wake does not run a task; it puts the task at the back of the run queue. C was already waiting, A joined the queue when B opened the gate, and B when it stepped aside.',
      revealAt: 4,
    },
    tryThis: {
      text: 'Let B step aside before it opens the gate.',
      from: '        println!("B: opening the gate");\n        open(&gate);\n        println!("B: stepping aside");\n        StepAside { done: false }.await;\n',
      to: '        println!("B: stepping aside");\n        StepAside { done: false }.await;\n        println!("B: opening the gate");\n        open(&gate);\n',
      lookFor:
        'B now queues behind C before A is woken, so A is last: C, then B, then A. The queue order follows the order of the wakes.',
      changed:
        'B now steps aside (wakes itself and returns Pending) before it opens the gate. The queue is first come, first served: the order of the wakes becomes the order of the polls.',
      moments: [
        {
          when: { kind: 'wake', task: 2, op: 'wake_by_ref' },
          text: 'B wakes itself and returns Pending: it goes to the back of the run queue, behind C.',
          shows: [{ running: 'b' }, { queued: 'c' }],
        },
        {
          when: { kind: 'print', text: 'C: my turn' },
          text: 'So C runs before B gets back to open the gate.',
          shows: [{ running: 'c' }, { printed: 'C: my turn' }],
        },
        {
          when: { kind: 'schedule', task: 1 },
          text: 'B opens the gate: A is woken only now, and joins the queue last. C, then B, then A.',
          shows: [{ queued: 'a' }, { running: 'b' }],
        },
      ],
    },
    docs: [
      {
        label: 'tokio::runtime (current_thread)',
        href: `${DOCS}/runtime/index.html#current-thread-scheduler`,
      },
      { label: 'std::task::Waker::wake', href: `${STD}/task/struct.Waker.html#method.wake` },
      { label: 'tokio tutorial: mini-tokio', href: 'https://tokio.rs/tokio/tutorial/async#mini-tokio' },
    ],
    moments: [
      {
        when: { kind: 'schedule', task: 3 },
        text: "An executor is a loop: take a task from a queue, poll it, repeat. This lesson watches tokio's own (Build your own executor writes one). main has spawned a, b and c (they print as A, B and C): they wait in that order in the Local run queue (Runtime panel).",
        shows: [
          { queued: 'a', where: 'local' },
          { queued: 'b', where: 'local' },
          { queued: 'c', where: 'local' },
        ],
      },
      {
        when: { kind: 'pending', task: 1 },
        text: 'main is waiting, so the loop takes a from the front. The gate is shut: Gate keeps a clone of a\u2019s waker and returns Pending. a is now in no queue at all.',
        shows: [{ running: 'a' }, { notQueued: 'a' }, { queued: 'b' }, { queued: 'c' }],
      },
      {
        when: { kind: 'wake', task: 1 },
        text: 'b opens the gate and calls a\u2019s waker. That is all a wake does: a goes to the back of the run queue, behind c (the next step). b keeps running.',
        shows: [{ running: 'b' }, { queued: 'c' }],
      },
      {
        when: { kind: 'wake', task: 2 },
        text: 'b steps aside: StepAside calls wake_by_ref on b\u2019s own waker and returns Pending. b is still running, so tokio only notes the wake for now (hence the self-wakes flag on b).',
        shows: [{ running: 'b' }, { queued: 'a' }, { queued: 'c' }],
      },
      {
        when: { kind: 'schedule', task: 2 },
        text: 'b\u2019s poll has ended, and the noted wake puts b at the back of the queue. The queue reads c, a, b.',
        shows: [{ queued: 'c' }, { queued: 'a' }, { queued: 'b' }],
      },
      {
        when: { kind: 'print', text: 'C: my turn' },
        text: 'First in, first out: c has waited longest, so c runs first.',
        shows: [{ running: 'c' }, { queued: 'a' }, { queued: 'b' }],
      },
      {
        when: { kind: 'print', text: 'A: through the gate' },
        text: 'Then a. Its second poll finds the gate open and goes on past the .await.',
        shows: [{ running: 'a' }, { state: ['c', 'complete'] }],
      },
      {
        when: { kind: 'print', text: 'B: back again' },
        text: 'b comes last. The tasks ran in the order they joined the queue, and a wake is how a task joins it again. That queue is the heart of every executor.',
        shows: [{ running: 'b' }, { state: ['a', 'complete'] }, { state: ['c', 'complete'] }],
      },
    ],
  },
  {
    id: 'build-your-own-executor',
    title: 'Build your own executor',
    summary:
      'mini-tokio in std only: a Task in an Arc, a channel as the run queue, a Waker that sends the task back.',
    goal: 'Write the loop tokio runs: take a task off a queue, poll it with a waker that can put it back, repeat.',
    predict: {
      question:
        'slow is spawned first and waits 100 ms on a Delay; fast only prints. In what order are they polled, and what ends the executor loop?',
      answer:
        'slow, fast, then slow again: slow returns Pending and leaves the queue, fast finishes, and 100 ms later the timer thread\u2019s wake() sends slow back. The loop ends when recv() fails: every Sender is gone (main dropped its own, and each finished Task dropped its clone).',
      revealAt: 3,
    },
    tryThis: {
      text: 'Make fast wait too: 50 ms, half of slow\u2019s wait.',
      from: '        println!("fast: hello");\n',
      to: '        println!("fast: hello");\n        Delay { when: Instant::now() + Duration::from_millis(50), started: false }.await;\n        println!("fast: done");\n',
      lookFor:
        'Both tasks now leave the queue, and main blocks in recv() with nothing to poll. fast\u2019s timer thread wakes first, so fast is back on the queue, and done, before slow.',
      changed:
        'fast now awaits a 50 ms Delay. Spawned second, it is woken first: the queue\u2019s order is the order of the wakes, not of the spawns.',
      moments: [
        {
          when: {
            kind: 'block',
            what: 'std mpsc Receiver::recv (waiting for a value or for every Sender to be dropped)',
          },
          text: 'Both tasks returned Pending and the queue is empty: main blocks in recv() until a waker sends a task back.',
          shows: [{ thread: ['main', 'blocked'] }, { notPrinted: 'fast: done' }],
        },
        {
          when: { kind: 'wake', task: 2 },
          text: 'At 50 ms fast\u2019s timer thread calls wake(): fast goes back on the queue first, although slow was spawned first.',
          shows: [{ notPrinted: 'fast: done' }, { notPrinted: 'slow: done' }],
        },
        {
          when: { kind: 'print', text: 'slow: done' },
          text: 'slow\u2019s wake comes at 100 ms, so slow finishes last.',
          shows: [{ printed: 'fast: done' }, { state: ['task 2', 'complete'] }],
        },
      ],
    },
    docs: [
      { label: 'std::task::Wake', href: `${STD}/task/trait.Wake.html` },
      { label: 'std::task::Context::from_waker', href: `${STD}/task/struct.Context.html#method.from_waker` },
      { label: 'std::sync::mpsc', href: `${STD}/sync/mpsc/index.html` },
      { label: 'tokio tutorial: mini-tokio', href: 'https://tokio.rs/tokio/tutorial/async#mini-tokio' },
    ],
    moments: [
      {
        when: { kind: 'poll', task: 1 },
        text: 'spawn ran nothing: it boxed and pinned each future, wrapped it in a Task with a Sender, and sent the Arc<Task> onto the run queue, a plain std mpsc channel. Now the executor loop: recv() takes slow off the queue, Waker::from(task) turns the Arc<Task> into a Waker (our impl Wake), and the loop polls the future with a Context made from it. Pollscope draws each future the loop polls as a task (task 1 is slow), run by main.',
        shows: [{ running: 'task 1' }, { thread: ['main', 'running'] }, { notPrinted: 'slow: start' }],
      },
      {
        when: { kind: 'print', text: 'executor: polled slow -> Pending' },
        text: 'Delay is not due: it clones the waker into a new thread that sleeps 100 ms, and returns Pending. slow is in no queue now. Only that thread\u2019s wake() can bring it back.',
        shows: [{ notQueued: 'task 1' }, { printed: 'slow: start' }],
      },
      {
        when: { kind: 'print', text: 'executor: polled fast -> Ready' },
        text: 'Next off the queue: fast, which finishes in one poll. Its Task is dropped with its Sender.',
        shows: [{ printed: 'fast: hello' }, { state: ['task 2', 'complete'] }],
      },
      {
        when: { kind: 'wake', task: 1 },
        text: 'The timer thread wakes up and calls waker.wake(). Our Wake::wake prints, then sends the Arc<Task> back onto the queue. A wake is no more than that: the task goes back on the run queue.',
        shows: [{ notPrinted: 'slow: done' }],
      },
      {
        when: { kind: 'print', text: 'executor: polled slow -> Ready' },
        text: 'recv() hands slow back to the loop; its second poll finds the deadline passed, and the async block runs to the end.',
        shows: [{ printed: 'slow: done' }, { state: ['task 1', 'complete'] }],
      },
      {
        when: { kind: 'print', text: 'the queue is closed' },
        text: 'No task is left, and no Sender: main dropped its own, and each Task dropped its clone when it finished. So recv() returns Err and the loop ends. tokio\u2019s scheduler is this loop, with more queues. (Keep main\u2019s Sender, without drop(queue), and recv() would wait forever: a deadlock.)',
        shows: [{ printed: 'the queue is closed' }],
      },
    ],
  },
  {
    id: 'tasks-vs-futures',
    title: 'Tasks vs futures',
    summary:
      'Only a spawned future is a task. Its JoinHandle waits for it; dropping the handle lets it run on; abort cancels it.',
    goal: 'Tell a future from a task, and see what awaiting, dropping and aborting a JoinHandle each do.',
    predict: {
      question:
        'main drops the detached task’s JoinHandle without awaiting it. Is "detached task: done at 200 ms" still printed?',
      answer:
        'Yes. Dropping a JoinHandle only gives up the result; the detached task keeps running and finishes at 200 ms. Only abort stops a task: the aborted one never prints, and its JoinError says is_cancelled.',
      revealAt: 8,
    },
    tryThis: {
      text: 'Abort the detached task instead of dropping its handle.',
      from: '    drop(detached);',
      to: '    detached.abort();',
      lookFor: 'The detached task’s line is gone: abort cancels the task, dropping the handle does not.',
      changed:
        'detached is aborted instead of having its JoinHandle dropped. Dropping a handle lets a task run on, detached; abort cancels it.',
      moments: [
        {
          when: { kind: 'abort', task: 2 },
          text: 'abort() marks detached as cancelled. It is not polled to its end: the next time the scheduler gets to it, its future is dropped.',
          shows: [{ running: 'main' }],
        },
        {
          when: { kind: 'complete', task: 2 },
          text: 'detached ends cancelled and never prints its line: its sleep is dropped with it.',
          shows: [{ state: ['detached', 'cancelled'] }, { notPrinted: 'detached task' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::spawn', href: `${DOCS}/task/fn.spawn.html` },
      { label: 'JoinHandle', href: `${DOCS}/task/struct.JoinHandle.html` },
      { label: 'JoinError::is_cancelled', href: `${DOCS}/task/struct.JoinError.html#method.is_cancelled` },
    ],
    moments: [
      {
        when: { kind: 'spawn', task: 3 },
        text: 'main made one plain future (an async block) and spawned three more. The Tasks panel lists main and the three tasks (awaited, detached and aborted), but not the plain future as a task: only tokio::spawn turns a future into a task, which the runtime runs by itself.',
        shows: [{ queued: 'awaited' }, { queued: 'detached' }, { state: ['aborted', 'idle'] }],
      },
      {
        when: { kind: 'print', text: 'plain future' },
        text: 'main awaits the plain future, so it runs right here, inside main’s own poll. The three tasks still wait in the run queue.',
        shows: [{ running: 'main' }, { queued: 'awaited' }, { queued: 'detached' }, { queued: 'aborted' }],
      },
      {
        when: { kind: 'pending', task: 0 },
        text: 'main awaits the first JoinHandle and returns Pending. The handle keeps main’s waker; the tasks now get their turn, and each one starts a sleep.',
        shows: [{ waker: 'main', in: 'JoinHandle' }, { queued: 'awaited' }],
      },
      {
        when: { kind: 'print', text: 'main: awaited task returned' },
        text: 'The clock is paused (start_paused), so tokio jumps to the first timer at 100 ms. The awaited task finishes, its JoinHandle wakes main, and .await hands main the result: Ok(2).',
        shows: [{ state: ['awaited', 'complete'] }, { running: 'main' }, { waker: 'detached', in: 'timer' }],
      },
      {
        when: { kind: 'detach' },
        text: 'drop(detached) throws its JoinHandle away. The task is detached, not stopped: its sleep is still in the timer (Reactor panel).',
        shows: [{ waker: 'detached', in: 'timer' }, { state: ['detached', 'idle'] }],
      },
      {
        when: { kind: 'abort' },
        text: 'aborted.abort() cancels the aborted task. It is asleep, so tokio queues it one last time, to drop it instead of polling it.',
        shows: [{ state: ['aborted', 'idle'] }, { waker: 'aborted', in: 'timer' }],
      },
      {
        when: { kind: 'cancel' },
        text: 'The task’s future is dropped: its sleep leaves the timer, and the rest of its body never runs.',
        shows: [{ running: 'aborted' }, { waker: 'detached', in: 'timer' }],
      },
      {
        when: { kind: 'print', text: 'is_cancelled' },
        text: 'Awaiting the aborted task’s handle gives Err(JoinError), and is_cancelled() says why: it was aborted, it did not panic.',
        shows: [{ state: ['aborted', 'cancelled'] }, { running: 'main' }],
      },
      {
        when: { kind: 'print', text: 'detached task' },
        text: 'At 200 ms the detached task wakes and finishes, though nobody holds its JoinHandle any more.',
        shows: [{ running: 'detached' }],
      },
      {
        when: { kind: 'print', text: 'main: done' },
        text: 'main returns and the program ends, and any task still running would be dropped with it. main slept until 500 ms so the detached task could finish, and so you can see that the aborted one never printed at 300 ms.',
        shows: [
          { state: ['detached', 'complete'] },
          { state: ['aborted', 'cancelled'] },
          { notPrinted: 'aborted task: done' },
        ],
      },
    ],
  },
  {
    id: 'two-schedulers',
    title: 'current_thread vs multi_thread',
    summary: 'The same two tasks on one thread, then on two worker threads.',
    goal: 'See what a scheduler flavor changes: which threads run your tasks, and how many at once.',
    predict: {
      question:
        'Each task blocks its thread for 100 ms. On current_thread, do 200 ms or more pass before main has both results?',
      answer:
        'Yes. current_thread has one thread, and a task that blocks it keeps b waiting in the queue until a is done. On multi_thread, two workers run a and b at the same time.',
      revealAt: 5,
    },
    tryThis: {
      text: 'Run the same program on two worker threads.',
      from: 'flavor = "current_thread"',
      to: 'flavor = "multi_thread", worker_threads = 2',
      lookFor:
        'The tasks move to two worker lanes and run side by side (set the Timeline’s Axis to machine time to see it): they print tokio-runtime-worker, and the last line says false. main stays on the main thread.',
      changed:
        'The same program on the multi_thread runtime with two workers. The blocking sleeps are still blocking, but now each blocks only its own worker.',
      moments: [
        {
          when: { kind: 'block' },
          text: 'One task blocks a worker thread with std::thread::sleep\u2026',
          shows: [{ thread: ['worker 1', 'blocked'] }],
        },
        {
          when: { kind: 'block' },
          text: '\u2026and the other task blocks the other worker at the same time. The two 100 ms sleeps overlap.',
          shows: [{ thread: ['worker 0', 'blocked'] }, { thread: ['worker 1', 'blocked'] }],
        },
        {
          when: { kind: 'print', text: '200 ms or more passed' },
          text: 'So the run takes about 100 ms, not 200: the last line says false.',
          shows: [{ printed: 'b ran on thread tokio-runtime-worker' }, { printed: 'passed: false' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::runtime (scheduler flavors)', href: `${DOCS}/runtime/index.html` },
      { label: '#[tokio::main] flavor', href: `${DOCS}/attr.main.html` },
      { label: 'std::thread::current', href: `${STD}/thread/fn.current.html` },
    ],
    moments: [
      {
        when: { kind: 'print', text: 'main: runs on thread main' },
        text: 'With current_thread, tokio runs everything on the thread that called main. The Timeline has one lane for it, main.',
        shows: [{ running: 'main' }, { thread: ['main', 'running'] }],
      },
      {
        when: { kind: 'schedule', task: 2 },
        text: 'main spawns a and b. Both wait in that thread\u2019s run queue until main awaits and returns Pending.',
        shows: [
          { queued: 'a', where: 'local' },
          { queued: 'b', where: 'local' },
        ],
      },
      {
        when: { kind: 'block' },
        text: 'a runs and blocks the thread for 100 ms (std::thread::sleep stands in for heavy work). With one thread, nothing else can run: b waits in the queue.',
        shows: [{ thread: ['main', 'blocked'] }, { running: 'a' }, { queued: 'b' }],
      },
      {
        when: { kind: 'poll', task: 2 },
        text: 'Only when a returns does the thread pick up b, and b blocks it for another 100 ms.',
        shows: [{ running: 'b' }, { state: ['a', 'complete'] }],
      },
      {
        when: { kind: 'print', text: 'a ran on thread' },
        text: 'Both tasks ran on the main thread, one after the other.',
        shows: [{ state: ['a', 'complete'] }, { state: ['b', 'complete'] }],
      },
      {
        when: { kind: 'print', text: '200 ms or more' },
        text: 'Two 100 ms jobs on one thread take at least 200 ms. Now try multi_thread: the tasks run on worker threads, while main stays on its own.',
        shows: [{ printed: '200 ms or more passed: true' }],
      },
    ],
  },
  {
    id: 'work-stealing',
    title: 'Work stealing on four workers',
    summary:
      'Tasks spawned on a worker go to its LIFO slot and local queue; idle workers search and steal half of it.',
    goal: 'Watch the multi_thread scheduler: the LIFO slot, local queues, searching workers and steals.',
    predict: {
      question: 'The parent spawns 8 children from one worker. Do they all run on that worker?',
      answer:
        "No. They pile up in that worker's LIFO slot and local queue; parked workers are woken as searchers and each steals half of a busy worker's queue.",
      revealAt: 2,
    },
    tryThis: {
      text: 'Run it on one worker.',
      from: 'worker_threads = 4',
      to: 'worker_threads = 1',
      lookFor: 'No steals: the last child spawned runs first (the LIFO slot), then the rest in order.',
      changed:
        'One worker thread: there is nobody to steal from, so the queues are served in their own order.',
      moments: [
        {
          when: { kind: 'register', task: 10 },
          text: 'The last child spawned (task 10: the one worker took task id 1, the parent is task 2) went into the LIFO slot, so it is polled first and parks its waker in the timer.',
          shows: [{ waker: 'task 10', in: 'timer' }],
        },
        {
          when: { kind: 'print', text: 'child 0 done' },
          text: 'The other children ran in the order they were queued, one poll each; they finish in timer order, all on one thread.',
          shows: [{ printed: 'child 0 done' }, { running: 'task 3' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::runtime (multi_thread)', href: `${DOCS}/runtime/index.html#multi-thread-scheduler` },
    ],
    moments: [
      {
        when: { kind: 'schedule', task: 5, where: 'inject' },
        text: 'main runs on the block_on thread, not on a worker: its spawn goes to the shared inject queue, and a parked worker is notified. The parent is task 5: tokio started the four workers through its blocking pool, and each took a task id.',
        shows: [{ queued: 'parent', where: 'inject' }, { running: 'main' }],
      },
      {
        when: { kind: 'schedule', where: 'lifo' },
        text: "The parent, now on a worker, spawns a child: it goes into that worker's LIFO slot. The next spawn pushes it into the local run queue.",
        shows: [{ queued: 'task 6', where: 'lifo' }, { running: 'parent' }],
      },
      {
        when: { kind: 'steal' },
        text: "An idle worker, searching, steals half of a busy worker's local queue, oldest first, and runs the newest stolen task at once. The LIFO slot is never stolen.",
        shows: [
          { thread: ['worker 2', 'searching'] },
          { queued: 'task 13', where: 'lifo' },
          { queued: 'task 6', where: 'local' },
        ],
      },
      {
        when: { kind: 'timer-fire' },
        text: "The children sleep. The worker parked in the driver fires the timers; each woken child lands in that worker's LIFO slot.",
        shows: [{ waker: 'task 7', in: 'timer' }, { state: ['task 6', 'idle'] }],
      },
      {
        when: { kind: 'print', text: 'total' },
        text: 'Every child finished; the parent summed them. Try it with one worker and compare the timelines.',
        shows: [{ state: ['parent', 'complete'] }, { printed: 'total' }],
      },
    ],
  },
  {
    id: 'blocking-the-executor',
    title: 'Blocking the executor',
    summary:
      'std::thread::sleep inside a task stops the runtime thread: no other task runs and no timer fires until it returns.',
    goal: 'See why a blocking call inside async code freezes every other task on its thread.',
    predict: {
      question:
        'alarm asks to be woken after 100 ms. Then worker blocks the thread for 1.2 s. When does alarm ring?',
      answer:
        'Only after worker is done, 1.2 s in. std::thread::sleep stopped the only runtime thread, so nobody could fire the timer or poll alarm until it returned.',
      revealAt: 3,
    },
    tryThis: {
      text: 'Make worker sleep the async way.',
      from: '        // No .await: this sleep stops the whole thread, and this runtime has only one.\n        std::thread::sleep(Duration::from_millis(1200));',
      to: '        // An .await: the sleep gives its waker to the timer and the thread back to the runtime.\n        tokio::time::sleep(Duration::from_millis(1200)).await;',
      lookFor:
        'worker now returns Pending at its sleep, the thread stays free, and alarm rings on time at 100 ms.',
      changed:
        'worker now sleeps with tokio::time::sleep(..).await: it returns Pending at the sleep instead of holding the thread for 1.2 s.',
      moments: [
        {
          when: { kind: 'register', task: 2 },
          text: "worker's sleep hands its waker to the timer and returns Pending. The thread is free: both timers wait in the wheel.",
          shows: [
            { waker: 'worker', in: 'timer' },
            { waker: 'alarm', in: 'timer' },
          ],
        },
        {
          when: { kind: 'print', text: 'alarm:' },
          text: 'alarm rings on time at 100 ms: nothing held its thread.',
          shows: [{ printed: 'rang over 1 s late: false' }, { running: 'alarm' }],
        },
      ],
    },
    docs: [
      {
        label: 'tokio: CPU-bound tasks and blocking code',
        href: `${DOCS}/index.html#cpu-bound-tasks-and-blocking-code`,
      },
      { label: 'tokio::time::sleep', href: `${DOCS}/time/fn.sleep.html` },
      { label: 'tokio::task::spawn_blocking', href: `${DOCS}/task/fn.spawn_blocking.html` },
      { label: 'tokio::task::block_in_place', href: `${DOCS}/task/fn.block_in_place.html` },
    ],
    moments: [
      {
        when: { kind: 'timer-arm', task: 1 },
        text: 'alarm runs first and reaches its sleep: the timer will wake it at 100 ms (Reactor panel). It returns Pending, and the thread moves on to worker.',
        shows: [{ running: 'alarm' }, { queued: 'worker' }],
      },
      {
        when: { kind: 'block' },
        text: 'worker calls std::thread::sleep. That is not an .await, so worker never returns Pending: the whole thread stops. The Runtime panel shows it blocked. This runtime has only this one thread, so everything else waits too.',
        shows: [{ thread: ['main', 'blocked'] }, { running: 'worker' }, { waker: 'alarm', in: 'timer' }],
      },
      {
        when: { kind: 'unblock' },
        text: "1.2 s later the thread runs again. alarm's deadline passed long ago, but nobody was free to look at the timer. In the Tasks panel, worker is flagged never-yielded: one poll held the thread for over a second.",
        shows: [
          { running: 'worker' },
          { lint: ['worker', 'never-yielded'] },
          { waker: 'alarm', in: 'timer' },
        ],
      },
      {
        when: { kind: 'timer-fire' },
        text: 'Only when worker is finished does the thread check the timer. The alarm fires, more than a second late.',
        shows: [{ state: ['worker', 'complete'] }, { waker: 'alarm', in: 'timer' }],
      },
      {
        when: { kind: 'print', text: 'rang over 1 s late' },
        text: 'The fix is an .await that gives the thread back: tokio::time::sleep (Try this). For work that really must block, like a heavy computation or a blocking file read, tokio::task::spawn_blocking runs it on a separate thread.',
        shows: [{ running: 'alarm' }, { printed: 'rang over 1 s late: true' }],
      },
    ],
  },
  {
    id: 'yield-and-budget',
    title: 'Taking turns: yield_now and the coop budget',
    summary:
      'A task whose awaits are always ready is made to yield after 128 operations; yield_now steps aside until the run queue is empty.',
    goal: 'See the two ways a busy task gives others a turn: the coop budget, and yield_now with its defer list.',
    predict: {
      question:
        "greedy reads 300 messages that are all waiting, so its loop never has to wait. On polite's first turn, how many has greedy read: 0, 128 or 300?",
      answer:
        '128. tokio gives each poll a budget of 128 operations. When greedy had spent it, recv returned Pending even though messages were waiting, and polite got its turn.',
      revealAt: 2,
    },
    tryThis: {
      text: 'Queue only 100 messages.',
      from: 'for i in 0..300 {',
      to: 'for i in 0..100 {',
      lookFor: '100 is under the budget: greedy reads them all in one poll, and polite first sees 100.',
      changed: "Only 100 messages are queued: fewer than tokio's coop budget of 128 per poll.",
      moments: [
        {
          when: { kind: 'print', text: 'greedy: channel empty after 100' },
          text: 'greedy reads all 100 in a single poll: the budget never runs out, so it never has to give way.',
          shows: [{ running: 'greedy' }, { printed: 'channel empty after 100 messages' }],
        },
        {
          when: { kind: 'print', text: 'polite: turn 1' },
          text: "So polite's first turn comes after greedy has taken everything.",
          shows: [{ printed: 'greedy has 100 so far' }, { running: 'polite' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::task::yield_now', href: `${DOCS}/task/fn.yield_now.html` },
      {
        label: 'Cooperative scheduling (the budget)',
        href: `${DOCS}/task/index.html#cooperative-scheduling`,
      },
    ],
    moments: [
      {
        when: { kind: 'poll', task: 1 },
        text: 'greedy was spawned first, so it runs first. Every recv finds a message waiting and is Ready at once: on its own, this loop would never return Pending.',
        shows: [{ running: 'greedy' }, { queued: 'polite' }],
      },
      {
        when: { kind: 'budget-exhausted' },
        text: "After 128 messages greedy's budget for this poll is spent. recv returns Pending although messages are waiting, and wakes greedy at once: it goes to the back of the run queue, behind polite.",
        shows: [{ running: 'greedy' }, { queued: 'polite' }],
      },
      {
        when: { kind: 'print', text: 'polite: turn 1' },
        text: 'polite gets the thread and sees 128. Without the budget it would have waited for all 300. The Tasks panel marks greedy with self-wakes: the wake came from inside its own poll. Here that is the budget at work, not a bug.',
        shows: [{ running: 'polite' }, { queued: 'greedy' }, { lint: ['greedy', 'self-wakes'] }],
      },
      {
        when: { kind: 'defer' },
        text: "polite calls yield_now. It returns Pending once and puts polite's waker on the defer list (Runtime panel). Tasks there go back to the run queue only once it is empty.",
        shows: [
          { queued: 'polite', where: 'defer' },
          { queued: 'greedy', where: 'local' },
        ],
      },
      {
        when: { kind: 'budget-exhausted' },
        text: 'greedy runs again with a fresh budget and spends it at 256. It goes back to the run queue, but polite is still on the defer list, so greedy is next again.',
        shows: [{ running: 'greedy' }, { queued: 'polite', where: 'defer' }],
      },
      {
        when: { kind: 'print', text: 'greedy: channel empty' },
        text: 'greedy reads the last 44 messages and finishes.',
        shows: [{ running: 'greedy' }, { queued: 'polite', where: 'defer' }],
      },
      {
        when: { kind: 'print', text: 'polite: turn 2' },
        text: 'The run queue is empty, so the thread checks its timers for a moment (a short park) and then wakes the tasks on the defer list: polite runs again. yield_now means: let every task that is already queued go first.',
        shows: [{ running: 'polite' }, { state: ['greedy', 'complete'] }],
      },
    ],
  },
  {
    id: 'select-cancellation',
    title: 'select! and cancellation',
    summary:
      'The branch that loses a select! is dropped. A read loop that had bytes in its own buffer loses them.',
    goal: 'See why a future that keeps state between polls is not cancel-safe, and how pinning one future fixes it.',
    predict: {
      question:
        'The server sends "hel", waits 500 ms, then sends "lo\\n". Each turn of the loop races read_line against a 200 ms sleep. What does the client print after the ticks?',
      answer:
        'got: Some("lo"). The first read_line had already read "hel" into its own Vec when the timer won; select! dropped that future, and the three bytes went with it.',
      revealAt: 5,
    },
    tryThis: {
      text: 'Build read_line once, outside the loop, and poll that same pinned future in every select!.',
      from: '    loop {\n        tokio::select! {\n            line = read_line(&mut sock) => {',
      to: '    let reading = read_line(&mut sock);\n    tokio::pin!(reading);\n    loop {\n        tokio::select! {\n            line = &mut reading => {',
      lookFor:
        'Only one ReadLineFuture is ever created. When the timer wins, select! drops the borrow (&mut reading), not the future, so "hel" stays in its line and the client prints Some("hello").',
      changed:
        'read_line is created once, before the loop, and each select! polls that same pinned future through &mut. A select! that loses drops what it was given: now that is only a borrow.',
      moments: [
        {
          when: { kind: 'future-new', name: 'ReadLineFuture' },
          text: 'The one and only ReadLineFuture is created before the loop.',
          shows: [{ running: 'main' }],
        },
        {
          when: { kind: 'print', text: 'tick' },
          text: 'The timer wins this round. select! drops the borrow, not the future: the bytes read so far stay in its line.',
          shows: [{ printed: 'tick' }, { notPrinted: 'got:' }],
        },
        {
          when: { kind: 'print', text: 'got: Some' },
          text: 'The same future finishes the line: "hello" arrives whole, nothing lost to cancellation.',
          shows: [{ printed: 'got: Some("hello")' }],
        },
      ],
    },
    docs: [
      {
        label: 'tokio::select! (cancellation safety)',
        href: `${DOCS}/macro.select.html#cancellation-safety`,
      },
      { label: 'tokio::pin!', href: `${DOCS}/macro.pin.html` },
      { label: 'AsyncReadExt::read', href: `${DOCS}/io/trait.AsyncReadExt.html#method.read` },
    ],
    moments: [
      {
        when: { kind: 'future-state', future: 7, variant: 'Unresumed' },
        text: 'Each turn of the loop builds a fresh read_line future and a fresh 200 ms Sleep, and select! polls both.',
        shows: [{ running: 'main' }, { variant: ['ReadLineFuture', 'Unresumed'] }],
      },
      {
        when: { kind: 'io-ready', ready: 'readable | writable' },
        text: 'The server\'s "hel" lands in the client\'s socket. The I/O driver sets its readable bit and wakes main.',
        shows: [{ waker: 'main', in: 'TcpStream' }, { thread: ['main', 'parked'] }],
      },
      {
        when: { kind: 'future-state', variant: 'Suspend0' },
        text: 'read_line read "h", "e" and "l" one byte at a time into its own Vec: ReadLineFuture\'s fields in the Tasks panel now hold line = [104, 101, 108]. The next read would block, so the readable bit was cleared and read_line returns Pending: no newline yet.',
        shows: [{ variant: ['ReadLineFuture', 'Suspend0'] }, { running: 'main' }],
      },
      {
        when: { kind: 'timer-fire' },
        text: '200 ms pass before the rest of the line arrives. The Sleep branch is ready first.',
        shows: [{ waker: 'main', in: 'timer' }, { thread: ['main', 'parked'] }],
      },
      {
        when: { kind: 'print', text: 'tick' },
        text: 'select! drops the branch that lost. The read_line future is gone, and its line with it: three bytes that were already taken out of the socket.',
        shows: [{ printed: 'tick' }, { running: 'main' }],
      },
      {
        when: { kind: 'print', text: 'got' },
        text: 'The rest of the line, "lo\\n", arrives, and a brand-new read_line reads it. It never saw "hel".',
        shows: [{ printed: 'got: Some("lo")' }, { notPrinted: 'hel' }],
      },
    ],
  },
  {
    id: 'channels',
    title: 'Channels and backpressure',
    summary:
      'A bounded mpsc channel makes a fast sender wait for a slow receiver; oneshot, watch and broadcast fit other shapes.',
    goal: 'See a bounded channel hold back a fast producer until the consumer frees a slot.',
    predict: {
      question:
        'The channel has room for 2 messages, and the consumer spends 100 ms on each. At what time is message 5 sent?',
      answer:
        'At 200 ms. Messages 1 to 3 go out at once: two fill the buffer, the third as soon as the consumer takes 1. After that each send waits for a free slot, and a slot frees up every 100 ms.',
      revealAt: 4,
    },
    tryThis: {
      text: 'Give the channel room for 8 messages.',
      from: '// Room for 2 messages: a send into a full channel waits until the receiver takes one.\n    let (tx, mut rx) = mpsc::channel::<u32>(2);',
      to: '// Room for 8 messages: the producer never finds the channel full.\n    let (tx, mut rx) = mpsc::channel::<u32>(8);',
      lookFor:
        'All five sends finish at 0 ms: the producer never waits, and the messages pile up in the channel instead.',
      changed:
        'The channel now has room for 8 messages, more than the producer sends: the buffer absorbs the difference in speed.',
      moments: [
        {
          when: { kind: 'print', text: 'producer: sent 3 at 0 ms' },
          text: 'Each send finds room and completes at once: the messages pile up in the channel (Reactor panel) instead of the producer waiting.',
          shows: [{ printed: 'sent 3 at 0 ms' }],
        },
        {
          when: { kind: 'complete', task: 1 },
          text: 'The producer is done at 0 ms; main drains the buffer at its own pace.',
          shows: [{ state: ['producer', 'complete'] }],
        },
      ],
    },
    docs: [
      { label: 'tokio::sync::mpsc::channel', href: `${DOCS}/sync/mpsc/fn.channel.html` },
      { label: 'tokio::sync::oneshot', href: `${DOCS}/sync/oneshot/index.html` },
      { label: 'tokio::sync::watch', href: `${DOCS}/sync/watch/index.html` },
      { label: 'tokio::sync::broadcast', href: `${DOCS}/sync/broadcast/index.html` },
      { label: 'tokio tutorial: channels', href: 'https://tokio.rs/tokio/tutorial/channels' },
    ],
    moments: [
      {
        when: { kind: 'register', task: 0 },
        text: "main is the consumer. Its first recv finds the channel empty: recv returns Pending, and the channel keeps main's waker (Reactor panel).",
        shows: [{ waker: 'main', in: 'mpsc' }, { queued: 'producer' }],
      },
      {
        when: { kind: 'print', text: 'sent 2' },
        text: 'The producer runs. Its first two sends fit in the buffer and are Ready at once. Sending 1 woke main, but main can only run when the producer gives the thread back.',
        shows: [{ running: 'producer' }, { state: ['main', 'scheduled'] }],
      },
      {
        when: { kind: 'register', task: 1 },
        text: "The third send finds both slots taken. It returns Pending and the channel keeps the producer's waker: the producer has to wait. This is backpressure.",
        shows: [{ waker: 'producer', in: 'mpsc' }, { running: 'producer' }],
      },
      {
        when: { kind: 'print', text: 'consumer: got 1' },
        text: 'main takes message 1. That frees a slot and wakes the producer. Then main sleeps for 100 ms.',
        shows: [{ running: 'main' }, { queued: 'producer' }],
      },
      {
        when: { kind: 'print', text: 'sent 5' },
        text: "From here on the producer moves at the consumer's pace: sent 4 at 100 ms, sent 5 at 200 ms. The channel never holds more than 2, however fast the producer could go.",
        shows: [{ running: 'producer' }, { waker: 'main', in: 'timer' }],
      },
      {
        when: { kind: 'print', text: 'channel closed' },
        text: 'The producer dropped tx when it finished, so after the last message recv returns None and the loop ends. tokio has other channels too: oneshot carries one value, once; watch keeps only the latest value; broadcast gives every receiver its own copy.',
        shows: [{ state: ['producer', 'complete'] }, { running: 'main' }],
      },
    ],
  },
  {
    id: 'notify-and-semaphore',
    title: 'Notify and Semaphore',
    summary:
      'Notify wakes tasks that wait for a signal; a Semaphore lets only a set number of tasks through at a time.',
    goal: 'Wake waiting tasks with Notify, and use a Semaphore to let only two of them work at once.',
    predict: {
      question:
        'Four workers share 2 permits, and each keeps its permit for 100 ms. When do the last two get a permit, and when is everything done?',
      answer:
        'Two workers start at 0 ms. The other two wait in the semaphore and get the permits the first pair gives back at 100 ms. All done at 200 ms.',
      revealAt: 6,
    },
    tryThis: {
      text: 'Give the semaphore 4 permits.',
      from: '// Two permits: at most two workers can hold one at a time.\n    let permits = Arc::new(Semaphore::new(2));',
      to: '// Four permits: nobody has to wait.\n    let permits = Arc::new(Semaphore::new(4));',
      lookFor: 'All four workers get a permit at 0 ms, and main is done at 100 ms.',
      changed: 'The semaphore now has 4 permits, one per worker: nobody has to wait for a permit.',
      moments: [
        {
          when: { kind: 'print', text: 'worker 4: got a permit at 0 ms' },
          text: 'Every acquire succeeds at once; nobody queues in the semaphore.',
          shows: [{ printed: 'worker 4: got a permit at 0 ms' }],
        },
        {
          when: { kind: 'print', text: 'worker 1: got a permit at 0 ms' },
          text: 'All four hold a permit at the same time, so their 100 ms of work overlaps.',
          shows: [{ printed: 'worker 1: got a permit at 0 ms' }, { armed: 3 }],
        },
        {
          when: { kind: 'print', text: 'main: all done' },
          text: 'main is done at 100 ms, not 200.',
          shows: [{ printed: 'main: all done at 100 ms' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::sync::Notify', href: `${DOCS}/sync/struct.Notify.html` },
      { label: 'tokio::sync::Semaphore', href: `${DOCS}/sync/struct.Semaphore.html` },
    ],
    moments: [
      {
        when: { kind: 'defer', task: 0 },
        text: 'main has spawned four workers. It calls yield_now so they can run first.',
        shows: [{ queued: 'main', where: 'defer' }, { queued: 'task 1' }, { queued: 'task 4' }],
      },
      {
        when: { kind: 'register', task: 4 },
        text: 'Each worker (worker 1 is task 1, and so on) awaits go.notified(). Nobody has called notify yet, so each returns Pending and the Notify keeps its waker. The Reactor panel shows the Notify holding all four.',
        shows: [
          { waker: 'task 1', in: 'Notify' },
          { waker: 'task 2', in: 'Notify' },
          { waker: 'task 3', in: 'Notify' },
          { waker: 'task 4', in: 'Notify' },
        ],
      },
      {
        when: { kind: 'schedule', task: 4 },
        text: 'main calls notify_waiters(): it wakes every task waiting right now. tokio 1.24 wakes the newest waiter first: worker 4 joins the run queue, then 3, 2 and 1.',
        shows: [{ queued: 'task 4' }, { waker: 'task 1', in: 'Notify' }],
      },
      {
        when: { kind: 'print', text: 'worker 3: got a permit' },
        text: 'Workers 4 and 3 each take a permit and start 100 ms of work. The semaphore has none left.',
        shows: [{ running: 'task 3' }, { waker: 'task 4', in: 'timer' }],
      },
      {
        when: { kind: 'register', task: 2 },
        text: "Worker 2 asks for a permit. None is free, so acquire returns Pending and the semaphore keeps worker 2's waker in its queue. Next, worker 1 queues behind it.",
        shows: [{ waker: 'task 2', in: 'Semaphore' }, { queued: 'task 1' }],
      },
      {
        when: { kind: 'print', text: 'worker 4: done' },
        text: 'Worker 4 finishes. Its _permit is dropped at the end of the block, and dropping a permit gives it back: the semaphore hands it straight to worker 2, first in its queue.',
        shows: [
          { running: 'task 4' },
          { waker: 'task 2', in: 'Semaphore' },
          { waker: 'task 1', in: 'Semaphore' },
        ],
      },
      {
        when: { kind: 'print', text: 'worker 1: got a permit' },
        text: 'At 100 ms workers 2 and 1 have their permits, in the order they asked. Never more than two were working at once.',
        shows: [{ running: 'task 1' }, { state: ['task 3', 'complete'] }, { state: ['task 4', 'complete'] }],
      },
      {
        when: { kind: 'print', text: 'all done' },
        text: "All done at 200 ms. Notify is a bare signal with no data in it; a Semaphore counts permits. tokio's own Mutex is a semaphore with a single permit.",
        shows: [{ state: ['task 1', 'complete'] }, { state: ['task 2', 'complete'] }],
      },
    ],
  },
  {
    id: 'tcp-echo',
    title: 'The I/O reactor: a TCP echo',
    summary:
      'Sockets are I/O sources: the OS reports readiness, the driver sets the bits and wakes the task in the reader or writer slot.',
    goal: 'Follow one message through the I/O driver: readiness events, waker slots, and the reads they allow.',
    predict: {
      question:
        'The server task waits in sock.read. When "ping" arrives, who tells the runtime to poll the server task again?',
      answer:
        "The I/O driver. When the thread parks, epoll reports the server's socket readable; the driver sets the readable bit and wakes the task whose waker is in the reader slot. No one polls the socket in a loop.",
      revealAt: 5,
    },
    tryThis: {
      text: 'Run the same program on the multi-thread runtime.',
      from: 'flavor = "current_thread"',
      to: 'flavor = "multi_thread", worker_threads = 2',
      lookFor:
        "The same readiness events and waker slots, but now the driver is turned by whichever worker parks in it, and the task it wakes lands in that worker's LIFO slot.",
      changed:
        'The same echo program on the multi_thread runtime. Sockets work the same way; what changes is who turns the I/O driver and where woken tasks land.',
      moments: [
        {
          // Task 3: on multi_thread the two workers took task ids 1 and 2 (tokio starts them on its blocking pool).
          when: { kind: 'register', task: 3, dir: 'read' },
          text: "server's waker goes into the listener's reader slot, as in the lesson.",
          shows: [{ waker: 'server', in: 'TcpListener' }],
        },
        {
          when: { kind: 'print', text: 'server: read 4 bytes' },
          text: 'The driver was turned by a parked worker; it woke server, which a worker is now polling: it read the bytes.',
          shows: [{ running: 'server' }, { printed: 'server: read 4 bytes' }],
        },
        {
          when: { kind: 'print', text: 'client: got' },
          text: 'The echo arrives back as before: same readiness, same waker slots.',
          shows: [{ printed: 'client: got "ping" back' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::net::TcpListener', href: `${DOCS}/net/struct.TcpListener.html` },
      { label: 'tokio::net::TcpStream', href: `${DOCS}/net/struct.TcpStream.html` },
      { label: 'tokio tutorial: I/O', href: 'https://tokio.rs/tokio/tutorial/io' },
    ],
    moments: [
      {
        when: { kind: 'resource-new', type: 'tcp-listener' },
        text: "bind opened a listening socket and registered it with tokio's I/O driver. In the Reactor panel it is an I/O source: four readiness bits, all off, and two empty waker slots, a reader and a writer.",
        shows: [{ running: 'main' }],
      },
      {
        when: { kind: 'register', task: 0, dir: 'write' },
        text: "connect sent the first packet of the handshake and returned Pending. A socket is connected once it is writable, so main's waker goes into the new stream's writer slot.",
        shows: [{ waker: 'main', in: 'TcpStream' }, { queued: 'server' }],
      },
      {
        when: { kind: 'register', task: 1, dir: 'read' },
        text: "The server task polls accept. No client has connected yet, so the server's waker goes into the listener's reader slot.",
        shows: [
          { waker: 'server', in: 'TcpListener' },
          { waker: 'main', in: 'TcpStream' },
        ],
      },
      {
        when: { kind: 'io-turn', events: 2 },
        text: 'Nothing can run, so the thread parks in the I/O driver (epoll). The handshake completes and epoll reports two events: the listener is readable (a connection is waiting) and the client socket is writable (connected).',
        shows: [{ waker: 'server', in: 'TcpListener' }, { thread: ['main', 'parked'] }],
      },
      {
        when: { kind: 'wake', task: 1 },
        text: "The driver sets the listener's readable bit and takes the waker out of its reader slot: the server task is queued again. Nobody checked the socket; the OS told the driver.",
        shows: [{ noWaker: 'server' }, { waker: 'main', in: 'TcpStream' }],
      },
      {
        when: { kind: 'io-ready', ready: 'readable | writable' },
        text: 'main wrote "ping". The four bytes land in the server\'s socket, and at the next driver turn the readable bit is set and the server task is woken from the reader slot.',
        shows: [{ waker: 'server', in: 'TcpStream' }, { thread: ['main', 'parked'] }],
      },
      {
        when: { kind: 'io-clear', ready: 'readable' },
        text: 'The server read 4 bytes into a 16-byte buffer. A short read means the socket is empty, so tokio clears the readable bit. The next read will wait for a new event.',
        shows: [{ running: 'server' }, { waker: 'main', in: 'TcpStream' }],
      },
      {
        when: { kind: 'print', text: 'client: got' },
        text: 'The echo travels back the same way: the client socket becomes readable, main is woken from its reader slot and reads "ping".',
        shows: [{ running: 'main' }, { waker: 'server', in: 'TcpStream' }],
      },
      {
        when: { kind: 'io-ready', ready: 'readable | writable | read-closed' },
        text: "drop(client) closed the client's socket, which sends a FIN. The server's socket is now read-closed, a bit that is never cleared: every read from now on returns 0.",
        shows: [
          { waker: 'server', in: 'TcpStream' },
          { waker: 'main', in: 'JoinHandle' },
        ],
      },
      {
        when: { kind: 'print', text: 'hung up' },
        text: "read returned 0 bytes: the end of the stream. The server task returns, and main's JoinHandle is ready.",
        shows: [{ running: 'server' }, { waker: 'main', in: 'JoinHandle' }],
      },
    ],
  },
  {
    id: 'shutdown',
    title: 'When main returns',
    summary: 'Returning from main shuts the runtime down: every unfinished task is dropped where it waits.',
    goal: 'See that tasks still unfinished when main returns are dropped at their .await and never finish.',
    predict: {
      question: 'background needs 500 ms; main returns after 100 ms. Is "background: finished" printed?',
      answer:
        'No. When main returns, the runtime shuts down and drops every task that has not finished. background is dropped at the .await of its sleep and never runs again.',
      revealAt: 3,
    },
    tryThis: {
      text: 'Wait for background before returning.',
      from: '    println!("main: returning");',
      to: '    background.await.unwrap();\n    println!("main: returning");',
      lookFor: 'main waits on the JoinHandle: background finishes at 500 ms, and then main returns.',
      changed:
        "main now awaits background's JoinHandle before it returns: returning from main is no longer what ends background.",
      moments: [
        {
          when: { kind: 'print', text: 'main: background finished? false' },
          text: 'At 100 ms background is still sleeping, as in the lesson.',
          shows: [{ printed: 'background finished? false' }, { waker: 'background', in: 'timer' }],
        },
        {
          when: { kind: 'register', task: 0 },
          text: "But now main waits on the JoinHandle: it keeps main's waker.",
          shows: [{ waker: 'main', in: 'JoinHandle' }],
        },
        {
          when: { kind: 'print', text: 'background: finished' },
          text: 'background finishes at 500 ms, and only then does main return: nothing is cut off at shutdown.',
          shows: [{ printed: 'background: finished' }],
        },
      ],
    },
    docs: [
      { label: 'tokio::task::JoinHandle', href: `${DOCS}/task/struct.JoinHandle.html` },
      { label: 'Runtime shutdown', href: `${DOCS}/runtime/struct.Runtime.html#shutdown` },
    ],
    moments: [
      {
        when: { kind: 'timer-arm', task: 1 },
        text: 'main is asleep for 100 ms, and now background starts and goes to sleep for 500 ms. Two timers in the Reactor panel.',
        shows: [{ running: 'background' }, { armed: 2 }, { waker: 'main', in: 'timer' }],
      },
      {
        when: { kind: 'print', text: 'finished? false' },
        text: "At 100 ms main's timer fires first. background is still asleep, so is_finished() is false.",
        shows: [{ running: 'main' }, { waker: 'background', in: 'timer' }],
      },
      {
        when: { kind: 'detach' },
        text: "main returns, and its locals are dropped, background's JoinHandle among them. Dropping a JoinHandle neither stops the task nor waits for it: the task is now detached.",
        shows: [{ waker: 'background', in: 'timer' }, { state: ['background', 'idle'] }],
      },
      {
        when: { kind: 'cancel' },
        text: 'main is done, so the runtime shuts down. It does not wait for unfinished tasks: it drops them. background is still in Suspend0, waiting on its sleep, and its future is dropped right there.',
        shows: [{ state: ['main', 'complete'] }],
      },
      {
        when: { kind: 'outcome' },
        text: 'The program ends and "background: finished" is never printed: that line comes after the .await, and the future is gone. To let a task finish, keep its JoinHandle and await it (Try this).',
        shows: [{ state: ['background', 'cancelled'] }, { notPrinted: 'background: finished' }],
      },
    ],
  },
];
