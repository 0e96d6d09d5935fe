/**
 * The live locals of a future's state-machine variant, as `future-state` events carry them: fields separated
 * by U+001F, each `name U+001E type U+001E value`. Control characters never appear in Rust identifiers,
 * type names or our `{:?}` output (which escapes them), so the format needs no quoting.
 */
export interface LocalField {
  name: string;
  type: string;
  value: string;
}

const FIELD = '\u001f';
const PART = '\u001e';

export function encodeLocals(fields: readonly LocalField[]): string {
  return fields.map((f) => `${f.name}${PART}${f.type}${PART}${f.value}`).join(FIELD);
}

/** `encodeLocals` one field at a time: `text` (the fields so far, '' for none) with `name: type = value` added. */
export function appendLocal(text: string, name: string, type: string, value: string): string {
  const field = `${name}${PART}${type}${PART}${value}`;
  return text === '' ? field : `${text}${FIELD}${field}`;
}

export function parseLocals(text: string): LocalField[] {
  if (!text) return [];
  return text.split(FIELD).map((f) => {
    const [name = '', type = '_', value = ''] = f.split(PART);
    return { name, type, value };
  });
}

/** `tx = Sender, i = 3` for captions and text traces. */
export function localsText(text: string): string {
  return parseLocals(text)
    .map((f) => (f.value ? `${f.name} = ${f.value}` : f.name))
    .join(', ');
}
