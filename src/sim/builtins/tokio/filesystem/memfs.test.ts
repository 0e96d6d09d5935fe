/** The in-memory file system's syscalls and the errnos Linux gives for each misuse. */
import { describe, expect, it } from 'vitest';
import { components, MemFs } from './memfs';

const bytes = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('MemFs', () => {
  it('normalizes paths as Linux resolves them', () => {
    expect(components('./a//b/../c/')).toEqual(['a', 'c']);
    expect(components('/../x')).toEqual(['x']);
  });

  it('writes, reads and truncates files; a missing parent is ENOENT', () => {
    const fs = new MemFs();
    expect(fs.writeFile('a.txt', bytes('hello'))).toEqual({ ok: null });
    expect(fs.readFile('./a.txt')).toEqual({ ok: bytes('hello') });
    expect(fs.writeFile('a.txt', bytes('x'))).toEqual({ ok: null });
    expect(fs.readFile('a.txt')).toEqual({ ok: bytes('x') });
    expect(fs.writeFile('no/such/dir.txt', [])).toEqual({ err: 'ENOENT' });
    expect(fs.readFile('b.txt')).toEqual({ err: 'ENOENT' });
    expect(fs.readFile('a.txt/inner')).toEqual({ err: 'ENOTDIR' });
  });

  it('creates directories, one at a time or all the way', () => {
    const fs = new MemFs();
    expect(fs.createDir('d/e')).toEqual({ err: 'ENOENT' });
    expect(fs.createDirAll('d/e/f')).toEqual({ ok: null });
    expect(fs.createDirAll('d/e')).toEqual({ ok: null });
    expect(fs.createDir('d')).toEqual({ err: 'EEXIST' });
    expect(fs.readFile('d')).toEqual({ err: 'EISDIR' });
    fs.writeFile('d/file', []);
    expect(fs.createDirAll('d/file/x')).toEqual({ err: 'EEXIST' });
    expect(fs.readDir('d')).toEqual({ ok: ['e', 'file'] });
    expect(fs.readDir('d/file')).toEqual({ err: 'ENOTDIR' });
  });

  it('removes files and directories with the errnos of unlink and rmdir', () => {
    const fs = new MemFs();
    fs.createDirAll('d/e');
    fs.writeFile('d/f', []);
    expect(fs.removeFile('d')).toEqual({ err: 'EISDIR' });
    expect(fs.removeDir('d', false)).toEqual({ err: 'ENOTEMPTY' });
    expect(fs.removeDir('d/f', false)).toEqual({ err: 'ENOTDIR' });
    expect(fs.removeFile('d/f')).toEqual({ ok: null });
    expect(fs.removeFile('d/f')).toEqual({ err: 'ENOENT' });
    expect(fs.removeDir('d', true)).toEqual({ ok: null });
    expect(fs.lookup('d/e')).toEqual({ err: 'ENOENT' });
  });

  it('renames, replacing a file but never moving a directory into itself', () => {
    const fs = new MemFs();
    fs.writeFile('a', bytes('A'));
    fs.writeFile('b', bytes('B'));
    expect(fs.rename('a', 'b')).toEqual({ ok: null });
    expect(fs.readFile('b')).toEqual({ ok: bytes('A') });
    expect(fs.readFile('a')).toEqual({ err: 'ENOENT' });
    fs.createDirAll('x/y');
    expect(fs.rename('x', 'x/y/z')).toEqual({ err: 'EINVAL' });
    expect(fs.rename('b', 'x')).toEqual({ err: 'EISDIR' });
    expect(fs.copy('b', 'x/y/c')).toEqual({ ok: 1 });
  });

  it('opens with the flags of open(2)', () => {
    const fs = new MemFs();
    const flags = { create: false, createNew: false, truncate: false, write: false };
    expect(fs.open('f', flags)).toEqual({ err: 'ENOENT' });
    expect('ok' in fs.open('f', { ...flags, create: true, write: true })).toBe(true);
    expect(fs.open('f', { ...flags, createNew: true, write: true })).toEqual({ err: 'EEXIST' });
    fs.createDir('d');
    expect(fs.open('d', { ...flags, write: true })).toEqual({ err: 'EISDIR' });
  });
});
