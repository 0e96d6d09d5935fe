/**
 * The second run of a comparison: the same program under another seed, tokio profile or runtime flavor.
 * A flavor is chosen by rewriting the program's `#[tokio::main]` attribute, the way a person would.
 */
export type Flavor = 'as-written' | 'current_thread' | 'multi_thread';

export const FLAVOR_ATTRIBUTES: Record<Exclude<Flavor, 'as-written'>, string> = {
  current_thread: '#[tokio::main(flavor = "current_thread")]',
  multi_thread: '#[tokio::main(flavor = "multi_thread", worker_threads = 4)]',
};

/** `source` with its `#[tokio::main(...)]` replaced for `flavor`; null when it has no such attribute. */
export function withFlavor(source: string, flavor: Flavor): string | null {
  if (flavor === 'as-written') return source;
  const attr = /#\[tokio::main(\s*\([^\]]*\))?\s*\]/;
  if (!attr.test(source)) return null;
  return source.replace(attr, FLAVOR_ATTRIBUTES[flavor]);
}
