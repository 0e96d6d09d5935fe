/**
 * True while Pollscope itself replaces the program (a link, a lesson, a restore), so that autosave does not
 * count the change as the person's edit.
 */
let applying = false;

export const isApplying = () => applying;

export function withApplying(f: () => void): void {
  applying = true;
  try {
    f();
  } finally {
    applying = false;
  }
}
