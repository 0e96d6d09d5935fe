// The embed page (embed.html#<state>): the same App with compact chrome, driven by its host page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../App';
import { startPermalinks } from '../share/permalink';
import { startBridge } from './bridge';
import { startWorkerEarly } from '../session';
import '../styles.css';

startPermalinks({ embedded: true });
startBridge();
startWorkerEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
