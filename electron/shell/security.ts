/**
 * Every Electron security default, in ONE place (docs/architecture.md, rule 5; Electron security checklist): secure
 * webPreferences, denied permissions, a CSP without inline script, no navigation, no window.open, and
 * openExternal only for allowlisted https links. The other shell files only call these functions.
 *
 * The parameters are narrow structural types rather than Electron's classes so the tests can pass fakes;
 * main.ts passes the real objects, which the compiler checks against these shapes.
 */
import type { WebPreferences } from 'electron';
import type { Logger } from './log';

/**
 * No inline script, no remote anything: the renderer is a local bundle that talks to the core only through
 * window.vigie. `'self'` covers the bundle's own files under dist/renderer (file://). renderer/index.html
 * carries a <meta> policy too (both apply; the stricter wins): webRequest hooks have not always run for
 * file:// documents (electron/electron#23485), so this header is the second lock, not the only one.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Shared ward PCs: no dictionary download, no words typed by patients' carers sent anywhere.
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

// ---------------------------------------------------------------------------------------------- session

export interface HeadersDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}
export interface HeadersResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
}
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void): void;
  };
}

/** Denies every permission (camera, notifications, clipboard-read, geolocation…) and adds the CSP header. */
export function hardenSession(session: SessionLike, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission refusée', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the response brought: ours is the only one.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

// ---------------------------------------------------------------------------------------------- links

/** https only, no credentials in the URL, host (with port if any) in the allowlist. */
export function isAllowedExternal(url: string, allowedHosts: Iterable<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.host.toLowerCase();
  for (const allowed of allowedHosts) {
    if (allowed.trim().toLowerCase() === host) return true;
  }
  return false;
}

/**
 * The external links the app may open. Hosts come from IT: the policy's list, plus the hosts of the links the
 * core itself shows (intranet guide/calendar, Octopus form), which the core read from IT's configuration.
 */
export class ExternalLinks {
  private readonly hosts = new Set<string>();

  constructor(
    private readonly openExternal: (url: string) => Promise<void>,
    private readonly log: Logger,
    initialHosts: Iterable<string> = [],
  ) {
    for (const host of initialHosts) this.addHost(host);
  }

  /** Trusts the host of a link that comes from the core (never from the renderer). */
  trustLinkFromCore(url: string | null | undefined): void {
    if (!url) return;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:') this.addHost(parsed.host);
    } catch {
      // A malformed link from the configuration is simply not trusted.
    }
  }

  isAllowed(url: string): boolean {
    return isAllowedExternal(url, this.hosts);
  }

  /** Opens the link in the default browser when allowed; returns whether it did. */
  async open(url: string): Promise<boolean> {
    if (!this.isAllowed(url)) {
      this.log.warn('lien externe refusé (hors liste autorisée)', { url });
      return false;
    }
    await this.openExternal(url);
    return true;
  }

  private addHost(host: string): void {
    const normalized = host.trim().toLowerCase();
    if (normalized) this.hosts.add(normalized);
  }
}

// ---------------------------------------------------------------------------------------------- contents

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  url: string;
  isMainFrame: boolean;
}
export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsPolicy {
  /** True for the app's own page (dist/renderer/index.html, any hash). */
  isAppUrl(url: string): boolean;
  links: ExternalLinks;
  log: Logger;
}

/**
 * No navigation away from the app, no new windows, no <webview>. A click on an allowlisted https link (a plain
 * <a href> or window.open) opens the default browser instead; anything else is refused and logged.
 */
export function hardenWebContents(contents: WebContentsLike, policy: ContentsPolicy): void {
  const openOutside = (url: string): void => {
    void policy.links.open(url).catch((error: unknown) => {
      policy.log.error('ouverture du lien externe impossible', { url, error: String(error) });
    });
  };
  contents.on('will-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  // Sub-frames and redirects: refused, never opened outside (will-navigate already handles a user's click).
  contents.on('will-frame-navigate', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** The app-page check used by navigation and IPC: same file, any #route, no query. */
export function appUrlMatcher(indexFileUrl: string, caseInsensitive: boolean): (url: string) => boolean {
  const expected = normalizeFileUrl(indexFileUrl, caseInsensitive);
  return (url) => {
    const actual = normalizeFileUrl(url, caseInsensitive);
    return actual !== null && actual === expected;
  };
}

function normalizeFileUrl(url: string, caseInsensitive: boolean): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || parsed.search !== '') return null;
    // Windows paths compare without case (C:\ vs c:\), and %20 vs space must not matter either.
    const path = decodeURIComponent(parsed.pathname);
    return `${parsed.host}|${caseInsensitive ? path.toLowerCase() : path}`;
  } catch {
    return null;
  }
}
