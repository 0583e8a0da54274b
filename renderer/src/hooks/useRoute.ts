/**
 * Hash routes, so one built index.html serves every window from file:// (Electron) and over http (tests):
 * #/checklist, #/checklist/<runId>, #/status, #/settings, #/banner. Anything else is the checklist (the main window).
 */
import { useEffect, useState } from 'react';

export type Route =
  { name: 'checklist'; runId: string | null } | { name: 'status' } | { name: 'settings' } | { name: 'banner' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [head, arg] = parts;
  if (head === 'status') return { name: 'status' };
  if (head === 'settings') return { name: 'settings' };
  if (head === 'banner') return { name: 'banner' };
  let runId: string | null = null;
  if (head === 'checklist' && arg) {
    try {
      runId = decodeURIComponent(arg);
    } catch {
      runId = null; // a mangled link falls back to the pending checklist rather than an error
    }
  }
  return { name: 'checklist', runId };
}

export function routeHref(route: Route): string {
  if (route.name === 'checklist') return route.runId ? `#/checklist/${encodeURIComponent(route.runId)}` : '#/checklist';
  return `#/${route.name}`;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
