import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir, makeAgentCommand } from '../../../electron/cli/commands/agent';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { STORE_FILE } from '../../../electron/core/store';
import { captureCli } from '../run-cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], now: string, policy?: unknown) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-agent-'));
  dirs.push(dir);
  const clock = new ManualClock(now);
  const recorder = new RecordingNotifier(clock);
  const command = makeAgentCommand({
    untilStopped: async () => 'SIGTERM',
    notifier: () => recorder,
    agent: { readPolicy: async () => policy, sync: { wait: async () => undefined, random: () => 0 } },
  });
  const { code, out, err } = await captureCli(['agent', '--data-dir', dir, ...argv], { clock, commands: [command] });
  return { code, stdout: out, stderr: err, dir, recorder };
}

describe('cli agent (headless)', () => {
  it('runs the real core with the given inventory and profile until told to stop', async () => {
    const r = await run(
      ['--inventory', 'assets/inventaire-par-defaut.csv', '--site', 'IUSMM', '--service', 'Laboratoire'],
      '2026-12-02T02:30:00',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vigie (sans interface) en marche');
    // First start in the middle of the window: one toast saying it is under way, and the state on the console.
    expect(r.recorder.shown.map((n) => n.kind)).toEqual(['start']);
    expect(r.stdout).toContain("État : in-progress — Vigie — plage en cours jusqu'à 4 h : Cortex Omnitech");
    expect(r.stderr).toContain('arrêt demandé');
    expect(fs.existsSync(path.join(r.dir, STORE_FILE))).toBe(true);
  });

  it('says which window it would open (settings, on a PC with no profile)', async () => {
    const r = await run([], '2026-11-25T09:00:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vigie ouvrirait les réglages.');
  });

  it('refuses --service without --site', async () => {
    const r = await run(['--service', 'Laboratoire'], '2026-11-25T09:00:00');
    expect(r.code).toBe(2);
  });

  it('--public-key: like the policy key, an unsigned inventory is ignored, and says why', async () => {
    const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-agent-keys-'));
    dirs.push(keys);
    expect((await captureCli(['keygen', '--out', path.join(keys, 'cle')], { clock: '2026-12-02T02:00:00' })).code).toBe(
      0,
    );
    const args = ['--inventory', 'assets/inventaire-par-defaut.csv', '--site', 'IUSMM', '--service', 'Laboratoire'];
    const r = await run([...args, '--public-key', path.join(keys, 'cle.pub')], '2026-12-02T02:30:00');
    expect(r.code).toBe(0);
    // The embedded default keeps the PC planned; the unsigned file given is refused, with the reason.
    expect(r.stderr).toMatch(
      /"outcome":"rejected","message":"Inventaire non signé ou modifié : ignoré \(signature absente \(inventaire-par-defaut\.csv\.minisig\)\)/,
    );
    const bad = await run([...args, '--public-key', path.join(keys, 'absente.pub')], '2026-12-02T02:30:00');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--public-key : .*absente\.pub illisible/);
  });

  it('the machine policy inventoryPublicKeys does the same; an invalid value refuses too (fail closed)', async () => {
    const args = ['--inventory', 'assets/inventaire-par-defaut.csv', '--site', 'IUSMM', '--service', 'Laboratoire'];
    const key = 'RWRaxH7X/Uvk/etgLk05NOsAT5aNTz1d5DjHD2R3s1/URq3vnQw6R790';
    for (const value of [[key], 'pas une clé']) {
      const r = await run(args, '2026-12-02T02:30:00', { inventoryPublicKeys: value });
      expect(r.stderr).toMatch(/"outcome":"rejected","message":"Inventaire non signé ou modifié : ignoré/);
    }
    const without = await run(args, '2026-12-02T02:30:00', {});
    expect(without.stderr).not.toMatch(/"outcome":"rejected"/);
  });

  it('keeps its data in a local per-user folder', () => {
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\inf\\AppData\\Local' }, 'win32')).toBe(
      path.join('C:\\Users\\inf\\AppData\\Local', 'Vigie', 'agent'),
    );
    expect(defaultDataDir({ XDG_DATA_HOME: '/home/inf/.local/share' }, 'linux')).toBe(
      '/home/inf/.local/share/vigie-agent',
    );
  });
});

describe('cli agent --policy', () => {
  async function runWithPolicy(policy: string, argv: string[], now: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-agent-policy-'));
    dirs.push(dir);
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, policy, 'utf8');
    const clock = new ManualClock(now);
    const recorder = new RecordingNotifier(clock);
    const command = makeAgentCommand({
      untilStopped: async () => 'SIGTERM',
      notifier: () => recorder,
      agent: { sync: { wait: async () => undefined, random: () => 0 } },
    });
    const argvFull = ['agent', '--data-dir', path.join(dir, 'data'), '--policy', file, ...argv];
    const { code, out, err } = await captureCli(argvFull, { clock, commands: [command] });
    return { code, stdout: out, stderr: err, recorder };
  }

  it("runs with that config file's profile (it used to ignore any policy)", async () => {
    const r = await runWithPolicy(
      JSON.stringify({ site: 'IUSMM', services: ['Laboratoire'], allowQuit: false }),
      ['--inventory', 'assets/inventaire-par-defaut.csv'],
      '2026-12-02T02:30:00',
    );
    expect(r.code).toBe(0);
    expect(r.recorder.shown.map((n) => n.kind)).toEqual(['start']);
    expect(r.stdout).not.toContain('Vigie ouvrirait les réglages.');
  });

  it('a broken config file is reported and unlocks nothing', async () => {
    const r = await runWithPolicy(
      '{ "site": ',
      ['--inventory', 'assets/inventaire-par-defaut.csv'],
      '2026-12-02T02:30:00',
    );
    expect(r.stdout + r.stderr).toContain('rien n’est déverrouillé');
  });
});
