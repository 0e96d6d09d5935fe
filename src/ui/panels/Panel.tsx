import type { ReactNode } from 'react';

/** A landmark region with a visible heading that is also its accessible name (DESIGN.md §5). */
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
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {extra}
      </header>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <div className="panel-body" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
