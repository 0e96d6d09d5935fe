/**
 * The program's non-generic type aliases by name (`type Db = Arc<Mutex<HashMap<String, u32>>>`), wherever
 * they are declared: at the top, in modules, in fn bodies and in blocks (an `async` block's
 * `type Total = u64;`). The passes that read written types (the expected types, the numeric kinds) look
 * through them with `expandAlias`. Names are taken as unique: two aliases of one name in different
 * scopes keep the last (a program rustc accepts rarely does that).
 */
import type { Block, Item, Program, Type } from './ast';
import { walkProgram } from './walk';

export type Aliases = ReadonlyMap<string, Type>;

export function collectAliases(p: Program): Aliases {
  const out = new Map<string, Type>();
  const items = (list: readonly Item[]) => {
    for (const item of list) {
      if (item.k === 'type' && item.generics.length === 0) out.set(item.name, item.ty);
      else if (item.k === 'mod') items(item.items);
      else if (item.k === 'fn') block(item.body);
      else if (item.k === 'impl' || item.k === 'trait') for (const f of item.fns) block(f.body);
    }
  };
  const block = (b: Block | null | undefined) => {
    if (b) items(b.stmts.flatMap((st) => (st.k === 'item' ? [st.item] : [])));
  };
  items(p.items);
  walkProgram(p, (e) => {
    for (const v of Object.values(e) as unknown[])
      if (v && typeof v === 'object' && Array.isArray((v as Partial<Block>).stmts)) block(v as Block);
  });
  return out;
}

/** `ty` with a written alias replaced by what it stands for (a few levels: aliases of aliases). */
export function expandAlias(aliases: Aliases, ty: Type): Type {
  for (let i = 0; i < 8 && ty.k === 'path' && ty.segs.length === 1 && ty.args.length === 0; i++) {
    const target = aliases.get(ty.segs[0]!);
    if (!target) break;
    ty = target;
  }
  return ty;
}
