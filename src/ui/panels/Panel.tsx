import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A landmark region with a visible heading that is also its accessible name (DESIGN.md §5). Its body
 * scrolls by itself when the content is taller; an element of the content marked `data-current="true"`
 * (the resource the current event is about, the task it concerns) is scrolled into view inside the body
 * whenever it changes, so a step never leaves what it talks about below a panel's fold. The page itself is
 * never scrolled for it.
 */
export function Panel({
  title,
  id,
  className,
  children,
  extra,
}: {
  title: string;
  id: string;
  className?: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const target = el.querySelector<HTMLElement>('[data-current="true"]');
    const key = target?.dataset.currentKey ?? null;
    if (!target) shown.current = null;
    if (!target || key === shown.current) return;
    // Read the layout in the next frame, once, with everything else the frame lays out (a read during
    // React's commit forced an extra layout per panel per step).
    const frame = requestAnimationFrame(() => {
      shown.current = key;
      if (el.scrollHeight <= el.clientHeight) return;
      const box = el.getBoundingClientRect();
      const t = target.getBoundingClientRect();
      // Nearest: only as far as needed, keeping a little of what is above in view.
      if (t.top < box.top) el.scrollTop -= box.top - t.top + 4;
      else if (t.bottom > box.bottom)
        el.scrollTop += Math.min(t.bottom - box.bottom + 4, t.top - box.top - 4);
    });
    return () => cancelAnimationFrame(frame);
  });
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {extra}
      </header>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <div className="panel-body" tabIndex={0} ref={body}>
        {children}
      </div>
    </section>
  );
}
