import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  appUrlMatcher,
  CONTENT_SECURITY_POLICY,
  ExternalLinks,
  hardenSession,
  hardenWebContents,
  isAllowedExternal,
  secureWebPreferences,
} from '../../electron/shell/security';
import type { HeadersDetails, HeadersResponse } from '../../electron/shell/security';
import { memoryLogger } from './fakes';

const INDEX = 'file:///opt/Vigie/resources/app.asar/dist/renderer/index.html';

describe('secureWebPreferences', () => {
  it('turns on isolation and the sandbox, and off everything that hands Node or the web to the page', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('only enables devTools when asked (development)', () => {
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('hardenSession', () => {
  function harden() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    const log = memoryLogger();
    hardenSession(session, log);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    const headers = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: HeadersDetails,
      callback: (response: HeadersResponse) => void,
    ) => void;
    return { request, check, headers, log };
  }

  it('denies every permission request and check', () => {
    const { request, check, log } = harden();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission)).toBe(false);
    }
    expect(log.entries.filter((e) => e.message === 'permission refusée')).toHaveLength(5);
  });

  it('puts our CSP on documents, replacing any other, and leaves sub-resources alone', () => {
    const { headers } = harden();
    const documentResponse = vi.fn();
    headers(
      {
        url: INDEX,
        resourceType: 'mainFrame',
        responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"], 'X-Other': ['1'] },
      },
      documentResponse,
    );
    expect(documentResponse).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const scriptResponse = vi.fn();
    headers({ url: `${INDEX}/../assets/index.js`, resourceType: 'script' }, scriptResponse);
    expect(scriptResponse).toHaveBeenCalledWith({});
  });

  it('has a CSP with no inline script, no eval and no remote origin', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('isAllowedExternal', () => {
  const hosts = ['octopus.example.qc.ca', 'Intranet.Example.qc.ca'];
  it.each([
    ['https://octopus.example.qc.ca/formulaire?id=3', true],
    ['https://INTRANET.example.qc.ca/guide', true],
    ['http://octopus.example.qc.ca/formulaire', false],
    ['https://evil.example.com/', false],
    ['https://octopus.example.qc.ca.evil.com/', false],
    ['https://user:pw@octopus.example.qc.ca/', false],
    ['https://octopus.example.qc.ca:8443/', false],
    ['file:///C:/Windows/System32/cmd.exe', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternal(url, hosts)).toBe(allowed);
  });

  it('accepts a non-default port only when the allowlist names it', () => {
    expect(isAllowedExternal('https://intranet.local:8443/x', ['intranet.local:8443'])).toBe(true);
  });
});

describe('ExternalLinks', () => {
  it('opens allowlisted links, refuses the others, and trusts https links the core shows', async () => {
    const openExternal = vi.fn(async () => undefined);
    const log = memoryLogger();
    const links = new ExternalLinks(openExternal, log, ['octopus.example.qc.ca']);
    expect(await links.open('https://octopus.example.qc.ca/f')).toBe(true);
    expect(await links.open('https://intranet.example.qc.ca/guide')).toBe(false);
    links.trustLinkFromCore('https://intranet.example.qc.ca/calendrier');
    links.trustLinkFromCore('http://insecure.example.qc.ca/');
    links.trustLinkFromCore('pas une adresse');
    links.trustLinkFromCore(null);
    expect(await links.open('https://intranet.example.qc.ca/guide')).toBe(true);
    expect(await links.open('https://insecure.example.qc.ca/')).toBe(false);
    expect(openExternal.mock.calls).toEqual([
      ['https://octopus.example.qc.ca/f'],
      ['https://intranet.example.qc.ca/guide'],
    ]);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true) {
    const e = { url, isMainFrame, preventDefault: vi.fn() };
    this.emit(event, e);
    return e.preventDefault.mock.calls.length > 0;
  }
}

describe('hardenWebContents', () => {
  function setUp() {
    const contents = new FakeContents();
    const openExternal = vi.fn(async () => undefined);
    const log = memoryLogger();
    const links = new ExternalLinks(openExternal, log, ['octopus.example.qc.ca']);
    hardenWebContents(contents, { isAppUrl: appUrlMatcher(INDEX, false), links, log });
    return { contents, openExternal };
  }

  it('denies navigation away from the app, opening allowlisted https links in the browser instead', async () => {
    const { contents, openExternal } = setUp();
    expect(contents.navigate('will-navigate', 'https://octopus.example.qc.ca/formulaire')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://evil.example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    await Promise.resolve();
    expect(openExternal.mock.calls).toEqual([['https://octopus.example.qc.ca/formulaire']]);
  });

  it("lets the app's own page load (any route), and nothing else in frames or redirects", () => {
    const { contents, openExternal } = setUp();
    expect(contents.navigate('will-navigate', `${INDEX}#/checklist`)).toBe(false);
    expect(contents.navigate('will-frame-navigate', `${INDEX}#/status`)).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://octopus.example.qc.ca/', false)).toBe(true);
    expect(contents.navigate('will-redirect', 'https://octopus.example.qc.ca/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open, opening only allowlisted links externally', async () => {
    const { contents, openExternal } = setUp();
    expect(contents.openHandler?.({ url: 'https://octopus.example.qc.ca/f' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: `${INDEX}#/settings` })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal.mock.calls).toEqual([['https://octopus.example.qc.ca/f']]);
  });

  it('refuses <webview>', () => {
    const { contents } = setUp();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('appUrlMatcher', () => {
  it('matches the index file with any hash, not other files, queries or schemes', () => {
    const isApp = appUrlMatcher(INDEX, false);
    expect(isApp(INDEX)).toBe(true);
    expect(isApp(`${INDEX}#/status`)).toBe(true);
    expect(isApp(`${INDEX}?x=1`)).toBe(false);
    expect(isApp('file:///opt/Vigie/resources/app.asar/dist/renderer/other.html')).toBe(false);
    expect(isApp('https://opt/Vigie/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isApp('garbage')).toBe(false);
  });

  it('ignores case and %20 on Windows paths', () => {
    const isApp = appUrlMatcher('file:///C:/Program%20Files/Vigie/resources/app.asar/dist/renderer/index.html', true);
    expect(isApp('file:///c:/program files/vigie/resources/app.asar/dist/renderer/index.html#/checklist')).toBe(true);
    expect(isApp('file:///C:/Users/x/index.html')).toBe(false);
  });
});
