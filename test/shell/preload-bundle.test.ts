/**
 * The preload runs sandboxed: no Node, and `require` knows only 'electron' (plus a few polyfills). Bundle it
 * the way scripts/build.mjs does and run it in a bare VM context with such a require, to prove it needs
 * nothing else (no zod, no node:*) and exposes `vigie`.
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc';

describe('preload bundle', () => {
  it('runs with a sandbox-style require that only knows electron, and exposes window.vigie', async () => {
    const result = await build({
      entryPoints: ['electron/shell/preload.cts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\("(?!electron")/);
    expect(code.length).toBeLessThan(10_000);

    const exposed = new Map<string, unknown>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: { invoke: vi.fn(async () => null), on: vi.fn(), removeListener: vi.fn() },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`module not available in the sandbox: ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });

    const vigie = exposed.get('vigie') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(vigie)).toEqual([...Object.keys(INVOKE_CHANNELS), 'onStateChanged']);
    await vigie.syncNow?.();
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.syncNow);
  });
});
