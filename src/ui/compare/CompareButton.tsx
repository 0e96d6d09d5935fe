import { lazy, Suspense, useState } from 'react';
import { useApp } from '../store';

// The compare view (its alignment, lanes and second worker) loads on first use, not with the page.
const loadView = () => import('./CompareView');
const CompareView = lazy(() => loadView().then((m) => ({ default: m.CompareView })));

/** "Compare runs…": opens the run on screen beside a second run of the same program. */
export function CompareButton() {
  const ready = useApp((s) => s.status === 'ready');
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={!ready}
        title="This run beside another seed, tokio version or flavor, or a recorded real run"
        onClick={async () => {
          const [{ useCompare }] = await Promise.all([import('./compare-store'), loadView()]);
          setLoaded(true);
          useCompare.getState().setOpen(true);
        }}
      >
        Compare runs…
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <CompareView />
        </Suspense>
      )}
    </>
  );
}
