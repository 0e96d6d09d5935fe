/**
 * What the numeric type pass knows of std and tokio's free functions and constants: signatures by
 * canonical path (or its last two segments: `HashMap::new`), constants as the type of their value. As in
 * std-sigs.ts (methods), a function missing here only makes its result unknown. Signature syntax: sigs.ts.
 */
import { INT_METHODS } from './std-sigs';

/** Functions by canonical path (or its last two segments: `HashMap::new`). */
export const FN_SIGS: Record<string, string> = {
  Some: '<T>(T) -> Option<T>',
  Ok: '<T, E>(T) -> Result<T, E>',
  Err: '<T, E>(E) -> Result<T, E>',
  drop: '<T>(T)',
  'Vec::new': '<T>() -> Vec<T>',
  'Vec::with_capacity': '<T>(usize) -> Vec<T>',
  'Vec::from': '<T>(Vec<T>) -> Vec<T>',
  'VecDeque::new': '<T>() -> VecDeque<T>',
  'VecDeque::with_capacity': '<T>(usize) -> VecDeque<T>',
  'VecDeque::from': '<T>(Vec<T>) -> VecDeque<T>',
  'BinaryHeap::new': '<T>() -> BinaryHeap<T>',
  'HashMap::new': '<K, V>() -> HashMap<K, V>',
  'HashMap::with_capacity': '<K, V>(usize) -> HashMap<K, V>',
  'HashMap::from': '<K, V>(Vec<(K, V)>) -> HashMap<K, V>',
  'BTreeMap::new': '<K, V>() -> BTreeMap<K, V>',
  'BTreeMap::from': '<K, V>(Vec<(K, V)>) -> BTreeMap<K, V>',
  'HashSet::new': '<T>() -> HashSet<T>',
  'HashSet::from': '<T>(Vec<T>) -> HashSet<T>',
  'BTreeSet::new': '<T>() -> BTreeSet<T>',
  'BTreeSet::from': '<T>(Vec<T>) -> BTreeSet<T>',
  'String::new': '() -> str',
  'String::with_capacity': '(usize) -> str',
  'String::from': '(?) -> str',
  'String::from_utf8': '(Vec<u8>) -> Result<str, ?>',
  'str::from_utf8': '(Vec<u8>) -> Result<str, ?>',
  'String::from_utf8_lossy': '(Vec<u8>) -> str',
  'Box::new': '<T>(T) -> T',
  'Box::pin': '<T>(T) -> T',
  'Pin::new': '<T>(T) -> T',
  'Rc::new': '<T>(T) -> T',
  'Arc::new': '<T>(T) -> T',
  'Rc::clone': '<T>(T) -> T',
  'Arc::clone': '<T>(T) -> T',
  'Arc::strong_count': '(?) -> usize',
  'Rc::strong_count': '(?) -> usize',
  'Cell::new': '<T>(T) -> Cell<T>',
  'RefCell::new': '<T>(T) -> RefCell<T>',
  'Mutex::new': '<T>(T) -> Mutex<T>',
  'RwLock::new': '<T>(T) -> RwLock<T>',
  'mem::replace': '<T>(T, T) -> T',
  'mem::take': '<T>(T) -> T',
  'mem::swap': '<T>(T, T)',
  'cmp::max': '<T>(T, T) -> T',
  'cmp::min': '<T>(T, T) -> T',
  'Duration::from_secs': '(u64) -> Duration',
  'Duration::from_millis': '(u64) -> Duration',
  'Duration::from_micros': '(u64) -> Duration',
  'Duration::from_nanos': '(u64) -> Duration',
  'Duration::from_secs_f64': '(f64) -> Duration',
  'Duration::from_secs_f32': '(f32) -> Duration',
  'Duration::new': '(u64, u32) -> Duration',
  'Instant::now': '() -> Instant',
  'time::sleep': '(Duration) -> Future<()>',
  'time::sleep_until': '(Instant) -> Future<()>',
  'time::timeout': '<T>(Duration, IntoFuture<T>) -> Future<Result<T, ?>>',
  'tokio::spawn': '<T>(IntoFuture<T>) -> JoinHandle<T>',
  'task::spawn': '<T>(IntoFuture<T>) -> JoinHandle<T>',
  'task::spawn_blocking': '<T>(fn() -> T) -> JoinHandle<T>',
  'thread::spawn': '<T>(fn() -> T) -> JoinHandle<T>',
  'task::yield_now': '() -> Future<()>',
  'thread::sleep': '(Duration)',
  // std's channels are not tokio's (`mpsc::channel` alone would find tokio's): their ends are untyped here.
  'std::sync::mpsc::channel': '<T>() -> (?, ?)',
  'std::sync::mpsc::sync_channel': '<T>(usize) -> (?, ?)',
  'mpsc::channel': '<T>(usize) -> (MpscSender<T>, MpscReceiver<T>)',
  'mpsc::unbounded_channel': '<T>() -> (MpscSender<T>, MpscReceiver<T>)',
  'oneshot::channel': '<T>() -> (OneshotSender<T>, OneshotReceiver<T>)',
  'watch::channel': '<T>(T) -> (WatchSender<T>, WatchReceiver<T>)',
  'broadcast::channel': '<T>(usize) -> (BcastSender<T>, BcastReceiver<T>)',
  'Semaphore::new': '(usize) -> ?',
  'iter::repeat': '<T>(T) -> Iter<T>',
  'iter::once': '<T>(T) -> Iter<T>',
  'char::from_u32': '(u32) -> Option<char>',
  'char::from_digit': '(u32, u32) -> Option<char>',
  'process::exit': '(i32) -> _',
};

const INT_NAMES = ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize'];
for (const t of INT_NAMES) {
  FN_SIGS[`${t}::from_str_radix`] = `(str, u32) -> Result<${t}, ?>`;
  FN_SIGS[`${t}::from_be_bytes`] = `(Vec<u8>) -> ${t}`;
  FN_SIGS[`${t}::from_le_bytes`] = `(Vec<u8>) -> ${t}`;
  FN_SIGS[`${t}::from_ne_bytes`] = `(Vec<u8>) -> ${t}`;
  FN_SIGS[`${t}::from`] = `(?) -> ${t}`;
  FN_SIGS[`${t}::try_from`] = `(?) -> Result<${t}, ?>`;
  FN_SIGS[`${t}::max`] = `(${t}, ${t}) -> ${t}`;
  FN_SIGS[`${t}::min`] = `(${t}, ${t}) -> ${t}`;
  // Every integer method named by its type (`i32::pow(2, 10)`): the receiver is the first parameter.
  for (const [name, sig] of Object.entries(INT_METHODS)) {
    const m = /^(<[^>]*>)?\((.*?)\)(.*)$/.exec(sig.replace(/\bSelf\b/g, t))!;
    FN_SIGS[`${t}::${name}`] = `${m[1] ?? ''}(${t}${m[2] ? `, ${m[2]}` : ''})${m[3]}`;
  }
  const atomic = `Atomic${t[0]!.toUpperCase()}${t.slice(1)}`;
  FN_SIGS[`${atomic}::new`] = `(${t}) -> Atomic<${t}>`;
}

FN_SIGS['f64::from'] = '(?) -> f64';
for (const t of [...INT_NAMES, 'f32', 'f64']) FN_SIGS[`${t}::from_str`] = `(str) -> Result<${t}, ?>`;
FN_SIGS['f32::from'] = '(?) -> f32';

/** Constants by canonical path (or its last two segments), as the type of their value. */
export const CONST_TYPES: Record<string, string> = {
  None: 'Option<_>',
  'Duration::ZERO': 'Duration',
  'Duration::MAX': 'Duration',
};
for (const t of INT_NAMES) {
  CONST_TYPES[`${t}::MAX`] = t;
  CONST_TYPES[`${t}::MIN`] = t;
  CONST_TYPES[`${t}::BITS`] = 'u32';
}
/** `std::f64::consts` (and `std::f32::consts`). */
export const FLOAT_CONSTS = [
  'PI',
  'E',
  'TAU',
  'SQRT_2',
  'LN_2',
  'LN_10',
  'LOG2_E',
  'LOG10_E',
  'LOG2_10',
  'LOG10_2',
  'FRAC_PI_2',
  'FRAC_PI_3',
  'FRAC_PI_4',
  'FRAC_PI_6',
  'FRAC_PI_8',
  'FRAC_1_PI',
  'FRAC_2_PI',
  'FRAC_2_SQRT_PI',
  'FRAC_1_SQRT_2',
];
for (const f of ['f32', 'f64']) {
  for (const c of ['NAN', 'INFINITY', 'NEG_INFINITY', 'EPSILON', 'MAX', 'MIN', 'MIN_POSITIVE'])
    CONST_TYPES[`${f}::${c}`] = f;
  for (const c of FLOAT_CONSTS) CONST_TYPES[`${f}::consts::${c}`] = f;
}
