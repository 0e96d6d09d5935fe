/**
 * What the page says when a run fails for a reason that is not the program's (every ending of a program is
 * an outcome, shown by the outcome banner). The App adds ". Your code is kept." after it.
 *
 * A thrown value that is not an Error once showed as "[object Object]", and an engine message such as
 * "Invalid string length" appeared bare, as if it were about the person's code: here every unexpected
 * failure says that the simulator failed, then what it said, then what to do.
 */
import { WatchdogError } from '../worker/client';
import { describeThrown } from '../worker/protocol';

export function failureText(e: unknown): string {
  if (e instanceof WatchdogError) return e.message;
  const said = e instanceof Error ? e.message : describeThrown(e);
  const what = said.trim() === '' ? 'it gave no reason' : said.replace(/[.\s]+$/, '');
  return (
    `The simulator failed: ${what}. This is a bug in Pollscope, not in your program: ` +
    `please report it with the link to this view (Share, or "Open in Pollscope" in an embed)`
  );
}
