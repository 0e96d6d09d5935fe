/**
 * framer-motion, loaded after the first paint. Its DOM runtime is about 14 KB of gzip, a tenth of the page's
 * first load, and nothing needs it before the person steps: until it arrives, task chips and resource rows
 * are plain elements (they simply jump), afterwards they animate. A component asks with `useMotion()`,
 * which re-renders it once the module is there.
 */
import type * as FramerMotionModule from 'framer-motion';
import { useEffect, useSyncExternalStore } from 'react';

type FramerMotion = typeof FramerMotionModule;

let loaded: FramerMotion | null = null;
let loading: Promise<FramerMotion> | null = null;
const listeners = new Set<() => void>();

/** Starts loading framer-motion (once); resolves with the module. */
export function loadMotion(): Promise<FramerMotion> {
  loading ??= import('framer-motion').then((mod) => {
    loaded = mod;
    for (const l of listeners) l();
    return mod;
  });
  return loading;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The framer-motion module, or null until it has loaded. */
export function useMotion(): FramerMotion | null {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}

/** Loads framer-motion once the page has painted (App calls it). */
export function useLoadMotionAfterPaint(): void {
  useEffect(() => {
    const id = requestAnimationFrame(() => void loadMotion());
    return () => cancelAnimationFrame(id);
  }, []);
}

const REDUCE = '(prefers-reduced-motion: reduce)';

function subscribeReduced(l: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const q = matchMedia(REDUCE);
  q.addEventListener('change', l);
  return () => q.removeEventListener('change', l);
}

/** The person asked for less motion (the OS setting): things move without animating. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReduced,
    () => typeof matchMedia === 'function' && matchMedia(REDUCE).matches,
    () => false,
  );
}
