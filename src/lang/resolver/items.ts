/** Items: collecting fns, structs, enums, consts and impls (and `use`), then resolving each function body. */
import type { Block, FnItem, ImplItem, Item } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { annotateExpectedTypes } from './expected-types';
import { ExprResolver } from './expressions';
import type { ResolvedProgram } from './scopes';
import { capitalize, constInfo, newInfo } from './scopes';

export abstract class ItemResolver extends ExprResolver {
  run(): ResolvedProgram {
    const all = this.collectItems(this.program.items);
    for (const item of all) this.declare(item);
    const main = this.fns.get('main');
    if (!main)
      throw new CompileError(
        'this program has no `main` function',
        { start: 0, end: 0 },
        'add `#[tokio::main] async fn main() { .. }`',
      );
    for (const item of all) {
      if (item.k === 'fn') this.resolveFn(item, null);
      if (item.k === 'impl') {
        this.selfTy = item.selfTy;
        for (const f of item.fns) this.resolveFn(f, item.selfTy);
        this.selfTy = null;
      }
      if (item.k === 'const') {
        this.withFnScope(constInfo(item.name), false, false, () => this.expr(item.value, 'move'));
      }
    }
    annotateExpectedTypes(all, this.structs);
    return {
      program: this.program,
      fns: this.fns,
      structs: this.structs,
      enums: this.enums,
      consts: this.consts,
      methods: this.methods,
      futureImpls: this.futureImpls,
      dropImpls: this.dropImpls,
      main,
    };
  }

  /** Items nested in function bodies are hoisted to the top level (names must be unique). */
  private collectItems(items: Item[]): Item[] {
    const out: Item[] = [];
    const visitBlock = (b: Block) => {
      for (const s of b.stmts) {
        if (s.k === 'item') {
          out.push(s.item);
          if (s.item.k === 'fn') visitBlock(s.item.body);
        }
      }
    };
    for (const item of items) {
      out.push(item);
      if (item.k === 'fn') visitBlock(item.body);
      if (item.k === 'impl') item.fns.forEach((f) => visitBlock(f.body));
    }
    return out;
  }

  private declare(item: Item): void {
    const dup = (name: string, sp: Span) => {
      if (this.fns.has(name) || this.structs.has(name) || this.enums.has(name) || this.consts.has(name))
        throw new CompileError(`the name \`${name}\` is defined more than once`, sp);
    };
    switch (item.k) {
      case 'fn':
        dup(item.name, item.nameSpan);
        this.fns.set(item.name, item);
        break;
      case 'struct':
        dup(item.name, item.span);
        this.structs.set(item.name, item);
        break;
      case 'enum':
        dup(item.name, item.span);
        this.enums.set(item.name, item);
        break;
      case 'const':
        dup(item.name, item.span);
        this.consts.set(item.name, item);
        break;
      case 'impl':
        this.declareImpl(item);
        break;
      case 'use':
        for (const p of item.paths) {
          const root = p.path[0]!;
          if (root !== 'crate' && root !== 'self' && root !== 'super' && !this.oracle.crates.has(root))
            throw new CompileError(
              `the crate \`${root}\` is not available in Pollscope`,
              p.span,
              'only `std` and `tokio` can be used',
            );
          if (p.alias === '*') this.globs.push(p.path.slice(0, -1));
          else if (p.alias !== '_')
            this.imports.set(p.alias, root === 'crate' || root === 'self' ? p.path.slice(1) : p.path);
        }
        break;
    }
  }

  private declareImpl(item: ImplItem): void {
    const trait = item.trait === null ? null : item.trait.split('::').pop()!.replace(/<.*$/, '');
    if (trait === 'Future') {
      this.futureImpls.add(item.selfTy);
      if (!item.fns.some((f) => f.name === 'poll'))
        throw new CompileError('`impl Future` needs a `poll` method', item.span);
    } else if (trait === 'Drop') {
      this.dropImpls.add(item.selfTy);
    } else if (
      trait !== null &&
      trait !== 'Display' &&
      trait !== 'Debug' &&
      trait !== 'Default' &&
      trait !== 'Clone'
    ) {
      throw new CompileError(
        `\`impl ${trait} for ${item.selfTy}\` is not supported by Pollscope`,
        item.span,
        'supported trait impls: Future, Drop, Display, Debug, Default, Clone',
      );
    }
    for (const f of item.fns) {
      const key = `${item.selfTy}::${trait === 'Display' || trait === 'Debug' ? `<${trait}>::` : ''}${f.name}`;
      if (this.methods.has(key))
        throw new CompileError(`duplicate definitions with name \`${f.name}\``, f.nameSpan);
      this.methods.set(key, f);
    }
  }

  private resolveFn(f: FnItem, owner: string | null): void {
    const info = newInfo(owner ? `${owner}${capitalize(f.name)}Future` : `${capitalize(f.name)}Future`);
    f.info = info;
    this.withFnScope(info, false, f.async, () => {
      this.pushBlock();
      if (f.selfMode !== null) this.bind('self');
      for (const p of f.params) this.pattern(p.pat);
      this.block(f.body, 'move');
      this.popBlock();
    });
  }
}
