/**
 * The run's file system: an in-memory tree, empty at the start of every run, with the current directory
 * at its root. Its operations are the blocking syscalls `std::fs` makes (what tokio's `fs` functions run
 * on the blocking pool), with Linux's errnos: a missing path is `ENOENT` ("No such file or directory
 * (os error 2)"), a file where a directory should be `ENOTDIR`, and so on. Nothing here knows tasks or
 * threads; asyncify.ts runs these on the blocking pool.
 */
import type { Errno } from '../../../net/network';

export type Sys<T> = { readonly ok: T } | { readonly err: Errno };

export class FileNode {
  readonly kind = 'file';
  data: number[] = [];
}

export class DirNode {
  readonly kind = 'dir';
  readonly children = new Map<string, FileNode | DirNode>();
}

export type Node = FileNode | DirNode;

const ok = <T>(v: T): Sys<T> => ({ ok: v });
const err = (e: Errno): Sys<never> => ({ err: e });

/** The path's components, `.` dropped and `..` applied (the root's parent is the root, as on Linux). */
export function components(path: string): string[] {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return out;
}

export class MemFs {
  readonly root = new DirNode();

  /** The node at `path`, or the errno a lookup of it gives. */
  lookup(path: string): Sys<Node> {
    if (path === '') return err('ENOENT');
    let node: Node = this.root;
    for (const c of components(path)) {
      if (node.kind !== 'dir') return err('ENOTDIR');
      const next = node.children.get(c);
      if (!next) return err('ENOENT');
      node = next;
    }
    return ok(node);
  }

  /** The directory that holds `path`'s last component, and that name. */
  private parentOf(path: string): Sys<{ dir: DirNode; name: string }> {
    const cs = components(path);
    const name = cs.pop();
    if (name === undefined) return err(path === '' ? 'ENOENT' : 'EISDIR');
    const p = this.lookup(cs.length === 0 ? '/' : cs.join('/'));
    if ('err' in p) return p;
    if (p.ok.kind !== 'dir') return err('ENOTDIR');
    return ok({ dir: p.ok, name });
  }

  /** `open(2)` with these flags: the file node. */
  open(
    path: string,
    o: { create: boolean; createNew: boolean; truncate: boolean; write: boolean },
  ): Sys<Node> {
    const p = this.parentOf(path);
    if ('err' in p) return p;
    const existing = p.ok.dir.children.get(p.ok.name);
    if (existing) {
      if (o.createNew) return err('EEXIST');
      // A directory opens for reading (its reads fail with EISDIR), not for writing.
      if (existing.kind === 'dir') return o.write ? err('EISDIR') : ok(existing);
      if (o.truncate) existing.data = [];
      return ok(existing);
    }
    if (!o.create && !o.createNew) return err('ENOENT');
    const f = new FileNode();
    p.ok.dir.children.set(p.ok.name, f);
    return ok(f);
  }

  /** `fs::write`: create or truncate, then write everything. */
  writeFile(path: string, data: readonly number[]): Sys<null> {
    const f = this.open(path, { create: true, createNew: false, truncate: true, write: true });
    if ('err' in f) return f;
    (f.ok as FileNode).data = data.slice();
    return ok(null);
  }

  /** `fs::read`: the whole file. */
  readFile(path: string): Sys<number[]> {
    const n = this.lookup(path);
    if ('err' in n) return n;
    if (n.ok.kind === 'dir') return err('EISDIR');
    return ok(n.ok.data.slice());
  }

  /** `mkdir(2)`. */
  createDir(path: string): Sys<null> {
    const p = this.parentOf(path);
    if ('err' in p) return p.err === 'EISDIR' ? err('EEXIST') : p;
    if (p.ok.dir.children.has(p.ok.name)) return err('EEXIST');
    p.ok.dir.children.set(p.ok.name, new DirNode());
    return ok(null);
  }

  /** `fs::create_dir_all`: every missing directory on the way; an existing directory is fine. */
  createDirAll(path: string): Sys<null> {
    let dir = this.root;
    for (const c of components(path)) {
      const next = dir.children.get(c);
      if (!next) {
        const d = new DirNode();
        dir.children.set(c, d);
        dir = d;
      } else if (next.kind === 'dir') dir = next;
      else return err('EEXIST');
    }
    return ok(null);
  }

  /** `unlink(2)`: a file only. */
  removeFile(path: string): Sys<null> {
    const p = this.parentOf(path);
    if ('err' in p) return p;
    const n = p.ok.dir.children.get(p.ok.name);
    if (!n) return err('ENOENT');
    if (n.kind === 'dir') return err('EISDIR');
    p.ok.dir.children.delete(p.ok.name);
    return ok(null);
  }

  /** `rmdir(2)` (empty only) or `fs::remove_dir_all` (everything under it). */
  removeDir(path: string, all: boolean): Sys<null> {
    const p = this.parentOf(path);
    if ('err' in p) return p.err === 'EISDIR' ? err('EINVAL') : p;
    const n = p.ok.dir.children.get(p.ok.name);
    if (!n) return err('ENOENT');
    if (n.kind !== 'dir') return err('ENOTDIR');
    if (!all && n.children.size > 0) return err('ENOTEMPTY');
    p.ok.dir.children.delete(p.ok.name);
    return ok(null);
  }

  /** `rename(2)`: replaces a file at the target; a directory onto a non-empty directory fails. */
  rename(from: string, to: string): Sys<null> {
    const a = this.parentOf(from);
    if ('err' in a) return a;
    const n = a.ok.dir.children.get(a.ok.name);
    if (!n) return err('ENOENT');
    const b = this.parentOf(to);
    if ('err' in b) return b;
    const target = b.ok.dir.children.get(b.ok.name);
    if (target === n) return ok(null);
    if (target) {
      if (n.kind === 'file' && target.kind === 'dir') return err('EISDIR');
      if (n.kind === 'dir' && target.kind === 'file') return err('ENOTDIR');
      if (target.kind === 'dir' && target.children.size > 0) return err('ENOTEMPTY');
    }
    if (n.kind === 'dir' && this.isInside(b.ok.dir, n)) return err('EINVAL');
    a.ok.dir.children.delete(a.ok.name);
    b.ok.dir.children.set(b.ok.name, n);
    return ok(null);
  }

  /** Whether `dir` is `n` or below it (a directory cannot move into itself). */
  private isInside(dir: DirNode, n: DirNode): boolean {
    if (dir === n) return true;
    for (const c of n.children.values()) if (c.kind === 'dir' && this.isInside(dir, c)) return true;
    return false;
  }

  /** `fs::copy`: the file's bytes to a new or truncated file; the count. */
  copy(from: string, to: string): Sys<number> {
    const r = this.readFile(from);
    if ('err' in r) return r;
    const w = this.writeFile(to, r.ok);
    if ('err' in w) return w;
    return ok(r.ok.length);
  }

  /** `readdir(3)`: the names, in the order the directory holds them (creation order here). */
  readDir(path: string): Sys<string[]> {
    const n = this.lookup(path);
    if ('err' in n) return n;
    if (n.ok.kind !== 'dir') return err('ENOTDIR');
    return ok([...n.ok.children.keys()]);
  }
}
