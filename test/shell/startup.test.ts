import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { ClockJumpDetector } from '../../electron/shell/clock-jump';
import {
  applyLoginItem,
  DEFAULT_SHELL_POLICY,
  LOGIN_ARG,
  policyFilePath,
  readShellPolicy,
  shellPolicySources,
  userDataDir,
} from '../../electron/shell/startup';
import { machinePolicySources, type RegResult } from '../../electron/core/settings/sources';
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

const sourcesOf = (file: string) => machinePolicySources({ file, registry: false });

describe('policyFilePath', () => {
  const run = async (): Promise<RegResult> => ({
    code: 0,
    stdout: new TextEncoder().encode(
      '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\r\n' +
        '    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\ProgramData\r\n',
    ),
    stderr: new Uint8Array(),
  });

  it('packaged: from the OS only — neither VIGIE_POLICY_PATH nor %ProgramData% can move it', async () => {
    const env = { VIGIE_POLICY_PATH: '/tmp/p.json', ProgramData: 'D:\\Pirate' };
    expect(await policyFilePath('win32', env, true, run)).toBe('C:\\ProgramData\\Vigie\\config.json');
    expect(await policyFilePath('linux', env, true, run)).toBe('/etc/vigie/config.json');
  });

  it('development and tests: VIGIE_POLICY_PATH wins', async () => {
    expect(await policyFilePath('win32', { VIGIE_POLICY_PATH: '/tmp/p.json' }, false, run)).toBe('/tmp/p.json');
    expect(await policyFilePath('win32', {}, false, run)).toBe('C:\\ProgramData\\Vigie\\config.json');
  });

  it('reads the registry first on Windows only', async () => {
    expect((await shellPolicySources('win32', {}, true, run)).registry).not.toBeNull();
    expect((await shellPolicySources('linux', {}, true, run)).registry).toBeNull();
  });
});

describe('readShellPolicy', () => {
  it('uses the defaults, silently, when IT has no config file', async () => {
    const log = memoryLogger();
    const absent = join(tmpdir(), 'vigie-does-not-exist', 'config.json');
    expect(await readShellPolicy(sourcesOf(absent), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(log.entries).toHaveLength(0);
  });

  it("reads IT's keys from a Notepad file (BOM) and ignores the core's keys", async () => {
    const file = policyFile(
      '\uFEFF' +
        JSON.stringify({
          machineWideAutostart: true,
          allowedLinkHosts: ['octopus.example.qc.ca'],
          site: 'Hôpital A',
        }),
    );
    expect(await readShellPolicy(sourcesOf(file), memoryLogger())).toEqual({
      machineWideAutostart: true,
      autostart: true,
      allowedLinkHosts: ['octopus.example.qc.ca'],
    });
  });

  it('allows the hosts of the intranet and Octopus links, like the core does', async () => {
    const file = policyFile(
      JSON.stringify({
        allowedLinkHosts: ['Docs.Example.qc.ca'],
        intranetUrl: 'https://intranet.example.qc.ca/maintenance',
        octopusUrl: 'https://octopus.example.qc.ca/formulaire',
      }),
    );
    expect((await readShellPolicy(sourcesOf(file), memoryLogger())).allowedLinkHosts.sort()).toEqual([
      'docs.example.qc.ca',
      'intranet.example.qc.ca',
      'octopus.example.qc.ca',
    ]);
    const insecure = policyFile(JSON.stringify({ intranetUrl: 'http://intranet.example.qc.ca/' }));
    expect((await readShellPolicy(sourcesOf(insecure), memoryLogger())).allowedLinkHosts).toEqual([]);
  });

  it('an invalid key takes its safe value (keeps Vigie starting), the valid ones apply, and says which', async () => {
    const log = memoryLogger();
    const file = policyFile(JSON.stringify({ autostart: 'non', allowedLinkHosts: ['intranet.example.qc.ca'] }));
    expect(await readShellPolicy(sourcesOf(file), log)).toEqual({
      ...DEFAULT_SHELL_POLICY,
      allowedLinkHosts: ['intranet.example.qc.ca'],
    });
    expect(log.entries[0]?.data).toMatchObject({ key: 'autostart' });
  });

  it('a broken or non-object file opens no link host and keeps the login item, with a warning', async () => {
    const log = memoryLogger();
    expect(await readShellPolicy(sourcesOf(policyFile('{ "autostart": fa')), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(await readShellPolicy(sourcesOf(policyFile('[1, 2]')), log)).toEqual(DEFAULT_SHELL_POLICY);
    expect(log.entries).toHaveLength(2);
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
