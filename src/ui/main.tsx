import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPermalinks } from './share/permalink';
import './styles.css';

// Open the address's link (or the saved work) before the first render; then keep the address a permalink.
startPermalinks({ embedded: false });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
