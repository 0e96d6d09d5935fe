import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPermalinks } from './share/permalink';
import { startWorkerEarly } from './session';
import './styles.css';

// Open the address's link (or the saved work) before the first render; then keep the address a permalink.
startPermalinks({ embedded: false });
// The worker's script loads while the page renders and the lessons arrive (lesson-library.ts).
startWorkerEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
