import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { ClockJumpDetector } from '../../electron/shell/clock-jump';
import {
  applyLoginItem,
  DEFAULT_SHELL_POLICY,
  defaultPolicyPath,
  LOGIN_ARG,
  readShellPolicy,
  userDataDir,
} from '../../electron/shell/startup';
import { memoryLogger } from './fakes';

const dirs: string[] = [];
function policyFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-policy-'));
  dirs.push(dir);
  const file = join(dir, 'config.json');
  writeFileSync(file, content, 'utf8');
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('defaultPolicyPath', () => {
  it('is %ProgramData%\\Vigie\\config.json on Windows, overridable for tests', () => {
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Vigie\\config.json');
    expect(defaultPolicyPath('linux', {})).toBe('/etc/vigie/config.json');
    expect(defaultPolicyPath('win32', { VIGIE_POLICY_PATH: '/tmp/p.json' })).toBe('/tmp/p.json');
  });
});

describe('readShellPolicy', () => {
  it('uses the defaults, silently, when IT has no config file', () => {
    const log = memoryLogger();
    expect(readShellPolicy(join(tmpdir(), 'vigie-does-not-exist', 'config.json'), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(log.entries).toHaveLength(0);
  });

  it("reads IT's keys from a Notepad file (BOM) and ignores the core's keys", () => {
    const file = policyFile(
      '\uFEFF' +
        JSON.stringify({
          machineWideAutostart: true,
          allowedLinkHosts: ['octopus.example.qc.ca'],
          site: 'Hôpital A',
        }),
    );
    expect(readShellPolicy(file, memoryLogger())).toEqual({
      machineWideAutostart: true,
      autostart: true,
      allowedLinkHosts: ['octopus.example.qc.ca'],
    });
  });

  it('allows the hosts of the intranet and Octopus links, like the core does', () => {
    const file = policyFile(
      JSON.stringify({
        allowedLinkHosts: ['Docs.Example.qc.ca'],
        intranetUrl: 'https://intranet.example.qc.ca/maintenance',
        octopusUrl: 'https://octopus.example.qc.ca/formulaire',
      }),
    );
    expect(readShellPolicy(file, memoryLogger()).allowedLinkHosts.sort()).toEqual([
      'docs.example.qc.ca',
      'intranet.example.qc.ca',
      'octopus.example.qc.ca',
    ]);
    const insecure = policyFile(JSON.stringify({ intranetUrl: 'http://intranet.example.qc.ca/' }));
    expect(readShellPolicy(insecure, memoryLogger()).allowedLinkHosts).toEqual([]);
  });

  it('keeps the valid keys when one is wrong, and says which', () => {
    const log = memoryLogger();
    const file = policyFile(JSON.stringify({ autostart: 'non', allowedLinkHosts: ['intranet.example.qc.ca'] }));
    expect(readShellPolicy(file, log)).toEqual({
      ...DEFAULT_SHELL_POLICY,
      allowedLinkHosts: ['intranet.example.qc.ca'],
    });
    expect(log.entries[0]?.data).toMatchObject({ key: 'autostart' });
  });

  it('falls back to the defaults on a broken or non-object file, with a warning', () => {
    const log = memoryLogger();
    expect(readShellPolicy(policyFile('{ "autostart": fa'), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(readShellPolicy(policyFile('[1, 2]'), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(log.entries).toHaveLength(1);
  });
});

describe('applyLoginItem', () => {
  const packaged = () => ({ isPackaged: true, setLoginItemSettings: vi.fn() });

  it('registers a per-user login item that starts quietly in the tray', () => {
    const app = packaged();
    expect(applyLoginItem(app, DEFAULT_SHELL_POLICY, memoryLogger())).toBe('per-user');
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [LOGIN_ARG] });
  });

  it('removes it when IT runs Vigie from a machine-wide Run entry, or turned autostart off', () => {
    const machine = packaged();
    expect(applyLoginItem(machine, { ...DEFAULT_SHELL_POLICY, machineWideAutostart: true }, memoryLogger())).toBe(
      'machine-wide',
    );
    expect(machine.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false, args: [LOGIN_ARG] });
    const off = packaged();
    expect(applyLoginItem(off, { ...DEFAULT_SHELL_POLICY, autostart: false }, memoryLogger())).toBe('disabled');
    expect(off.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false, args: [LOGIN_ARG] });
  });

  it('never registers the bare electron binary in development', () => {
    const dev = { isPackaged: false, setLoginItemSettings: vi.fn() };
    expect(applyLoginItem(dev, DEFAULT_SHELL_POLICY, memoryLogger())).toBe('development');
    expect(dev.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('ClockJumpDetector', () => {
  function setUp() {
    const clock = new ManualClock('2026-03-10T10:00:00');
    let mono = 0;
    const onJump = vi.fn();
    let tick: (() => void) | null = null;
    const clearInterval = vi.fn();
    const detector = new ClockJumpDetector({
      clock,
      monotonicMs: () => mono,
      setInterval: (callback) => {
        tick = callback;
        return 42;
      },
      clearInterval,
      onJump,
    });
    detector.start();
    const pass = (wallMs: number, monoMs: number) => {
      clock.advance({ milliseconds: wallMs });
      mono += monoMs;
      tick?.();
    };
    return { detector, onJump, pass, clearInterval };
  }

  it('stays quiet while both clocks move together', () => {
    const { onJump, pass } = setUp();
    for (let i = 0; i < 10; i++) pass(15_000, 15_020);
    expect(onJump).not.toHaveBeenCalled();
  });

  it('reports the wall clock being set forward or back', () => {
    const { onJump, pass } = setUp();
    pass(15_000 + 3_600_000, 15_000);
    pass(15_000, 15_000);
    pass(15_000 - 600_000, 15_000);
    expect(onJump).toHaveBeenCalledTimes(2);
  });

  it('stops its timer', () => {
    const { detector, clearInterval } = setUp();
    detector.stop();
    expect(clearInterval).toHaveBeenCalledWith(42);
  });
});

describe('userDataDir', () => {
  it('keeps the store on local disk on Windows (%LOCALAPPDATA%, not the often-redirected Roaming folder)', () => {
    expect(userDataDir('win32', { LOCALAPPDATA: 'C:\\Users\\inf01\\AppData\\Local\\' })).toBe(
      'C:\\Users\\inf01\\AppData\\Local\\Vigie',
    );
  });
  it('lets VIGIE_USER_DATA_DIR win, and keeps Electron’s default elsewhere or when LOCALAPPDATA is a share', () => {
    expect(userDataDir('win32', { LOCALAPPDATA: 'C:\\L', VIGIE_USER_DATA_DIR: 'D:\\vigie' })).toBe('D:\\vigie');
    expect(userDataDir('win32', { LOCALAPPDATA: '\\\\serveur\\profils\\inf01' })).toBeNull();
    expect(userDataDir('linux', { LOCALAPPDATA: 'C:\\L' })).toBeNull();
    expect(userDataDir('win32', {})).toBeNull();
  });
});
