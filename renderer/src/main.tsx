/** Renderer entry: one bundle for every window; the hash route picks the page (Electron opens each on its route). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

if (!window.location.hash) window.location.hash = '#/checklist';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
