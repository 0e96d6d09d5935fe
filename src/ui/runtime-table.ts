/**
 * The current trace's runtime table (trace/runtimes.ts), kept beside the trace outside React and brought
 * up to date with the events that arrived since the last render.
 */
import { RuntimeTable, type RuntimeFlavor } from '../trace/runtimes';
import type { TraceReader } from '../trace/store';

const tables = new WeakMap<TraceReader, RuntimeTable>();

/** `flavor`/`workers`: the run's configuration, which describes `#[tokio::main]`'s runtime (if any). */
export function runtimeTableOf(trace: TraceReader, flavor: string, workers: number): RuntimeTable {
  let table = tables.get(trace);
  if (!table) {
    const attribute =
      flavor === 'current_thread' || flavor === 'multi_thread'
        ? { flavor: flavor as RuntimeFlavor, workers: flavor === 'multi_thread' ? workers : 0 }
        : null;
    table = new RuntimeTable(attribute);
    tables.set(trace, table);
  }
  return table.update(trace);
}
