/**
 * The machine policy fails closed (issue 11): real config.json files in a temp folder, recorded `reg query`
 * outputs replayed by the injected runner, and the real SQLite store that keeps the last valid values.
 * Precedence is tested here, not trusted from comments: registry > config.json > hostname mapping > user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostMapping, Inventory } from '../../../shared/inventory/model';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { ManualClock } from '../../../electron/core/clock';
import {
  machinePolicySources,
  POLICY_SNAPSHOT_KEY,
  readPolicyText,
  SettingsService,
  type MachinePolicySources,
  type RegResult,
} from '../../../electron/core/settings';
import { openStore, type Store } from '../../../electron/core/store';

const FIXTURES = path.resolve(__dirname, '../../fixtures/registry');
const FR_POLICY = 'Fixé par les TI (configuration du poste)';
const FR_INVALID = 'Fixé par les TI (configuration TI invalide : valeur de sécurité)';
const clock = new ManualClock('2026-03-05T10:00:00');

let dir: string;
let store: Store;
let file: string;
let hosts: HostMapping[];
/** What the replayed reg.exe answers for HKLM\SOFTWARE\Policies\Vigie: a recorded fixture, or "no key". */
let registry: string | null;

const inventory = (): Inventory => ({ publishedAt: null, applications: [], services: [], contacts: [], hosts });

function regRunner() {
  const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
  return async (args: readonly string[]): Promise<RegResult> => {
    if (args[1] === 'HKLM\\SOFTWARE\\Policies\\Vigie') {
      return registry === null
        ? { code: 1, stdout: new Uint8Array(), stderr: bytes('not-found-fr-stderr.txt') }
        : { code: 0, stdout: bytes(registry), stderr: new Uint8Array() };
    }
    return { code: 0, stdout: bytes('policies-parent-fr.txt'), stderr: new Uint8Array() };
  };
}

function sources(withRegistry = true): MachinePolicySources {
  return machinePolicySources({ file, registry: withRegistry, run: regRunner() });
}

const service = (hostname = 'POSTE-INCONNU', withRegistry = true) =>
  SettingsService.create({ store, clock, policySources: sources(withRegistry), hostname, inventory });

const writePolicy = (content: string) => fs.writeFileSync(file, content, 'utf8');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-policy-'));
  store = openStore({ dir, clock });
  file = path.join(dir, 'config.json');
  hosts = [];
  registry = null;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('precedence: registry > config.json > hostname mapping > user', () => {
  it('each layer wins exactly where the one above says nothing', async () => {
    // User: site, services, language, reminders. Hostname: site + services. JSON: language, reminders,
    // pollMinutes, allowQuit. Registry (recorded French GPO): site, services, allowQuit, pollMinutes, reminders…
    store.settings.setMany({ site: 'USER', services: ['Usager'], language: 'en', serviceHours: {} });
    hosts = [{ pattern: 'IUSMM-*', site: 'IUSMM', services: ['Pharmacie'] }];
    writePolicy(
      JSON.stringify({ language: 'en', pollMinutes: 60, allowQuit: true, octopusUrl: 'https://octopus.example/f' }),
    );
    registry = 'vigie-fr-cp850.txt';
    const s = await service('IUSMM-LAB-07');
    expect(s.effective()).toMatchObject({
      site: 'Hôpital Maisonneuve-Rosemont', // registry over hostname and user
      services: ['Électrophysiologie', 'Laboratoire'],
      language: 'fr', // registry "fr" over the JSON's "en" and the user's "en"
      pollMinutes: 15, // registry 0xf over the JSON's 60
      allowQuit: false, // registry 0 over the JSON's true
      octopusUrl: 'https://octopus.example/f', // only the JSON sets it
      reminders: [{ kind: 'before', minutes: 45 }],
    });

    registry = null; // no GPO: the JSON decides what it sets, the hostname the profile
    await s.refresh();
    expect(s.effective()).toMatchObject({
      site: 'IUSMM',
      services: ['Pharmacie'],
      language: 'en',
      pollMinutes: 60,
      allowQuit: true,
    });
    const byHost = 'Determined by the workstation name (inventory)';
    expect(s.get().locked).toEqual({
      site: byHost,
      services: byHost,
      language: 'Set by IT (workstation configuration)',
    });

    writePolicy(JSON.stringify({})); // nothing from IT: hostname, then the user
    await s.refresh();
    expect(s.effective()).toMatchObject({ site: 'IUSMM', services: ['Pharmacie'], language: 'en', allowQuit: true });
    hosts = [];
    expect(s.effective()).toMatchObject({ site: 'USER', services: ['Usager'] });
  });

  it('a workstation pinned by policy is never moved by the inventory, even by a catch-all row', async () => {
    hosts = [{ pattern: '*', site: 'IUSMM', services: ['Pharmacie'] }];
    writePolicy(JSON.stringify({ site: 'HMR' }));
    const s = await service('HMR-URG-01', false);
    expect(s.effective().site).toBe('HMR');
    expect(s.effective().services).toEqual([]); // the catch-all's services describe another site
    expect(s.get().locked).toEqual({ site: FR_POLICY });
    // Pinned through a last valid value too: the file breaks, the site stays.
    writePolicy('{ "site": ');
    await s.refresh();
    expect(s.effective().site).toBe('HMR');
  });
});

describe('fail closed', () => {
  it('an invalid key with no last valid value is locked at its safe default, and says why', async () => {
    store.settings.setMany({ inventorySource: '\\\\poste-perso\\partage\\faux.xlsx', language: 'en' });
    writePolicy(JSON.stringify({ allowQuit: 'non', inventorySource: 42, language: 'fr' }));
    const s = await service(undefined, false);
    expect(s.effective()).toMatchObject({ allowQuit: false, inventorySource: null, language: 'fr' });
    expect(s.get().locked).toMatchObject({ inventorySource: FR_INVALID, language: FR_POLICY });
    expect(() => s.save({ inventorySource: '\\\\autre\\partage\\x.xlsx' })).toThrow(/fixé par les TI/);
    expect(s.policyProblems()).toEqual([
      { key: 'allowQuit', message: '`allowQuit` doit être true ou false, pas « non »' },
      {
        key: 'inventorySource',
        message: expect.stringMatching(/^`inventorySource` doit être un chemin .*, pas « 42 »$/),
      },
    ]);
  });

  it('an invalid key keeps the last valid value, kept in SQLite across restarts', async () => {
    writePolicy(JSON.stringify({ inventorySource: '\\\\serveur\\vigie\\inventaire.xlsx', allowQuit: false }));
    await service(undefined, false);
    store.close();
    store = openStore({ dir, clock }); // a restart
    writePolicy(JSON.stringify({ inventorySource: '', allowQuit: 'oui' }));
    const s = await service(undefined, false);
    expect(s.effective()).toMatchObject({ inventorySource: '\\\\serveur\\vigie\\inventaire.xlsx', allowQuit: false });
    expect(s.get().locked.inventorySource).toBe(FR_POLICY);
    expect(s.policyProblems().map((p) => p.key)).toEqual(['inventorySource', 'allowQuit']);
    // A key IT removes is forgotten: it does not come back at the next broken file.
    writePolicy(JSON.stringify({ allowQuit: false }));
    await s.refresh();
    expect(s.effective().inventorySource).toBeNull();
    expect(s.get().locked.inventorySource).toBeUndefined();
  });

  for (const [what, content] of [
    ['a malformed', '{ "allowQuit": false, '],
    ['an empty', '   \n'],
    ['a non-object', '["allowQuit", false]'],
  ] as const) {
    it(`${what} file unlocks nothing: last valid values, or safe defaults at first start`, async () => {
      writePolicy(content);
      store.settings.setMany({ inventorySource: 'https://pirate.example/inv.xlsx' });
      const first = await service(undefined, false);
      expect(first.effective()).toMatchObject({ inventorySource: null, allowQuit: false, reportsFolder: null });
      expect(first.get().locked.inventorySource).toBe(FR_INVALID);
      expect(first.policyProblems()).toEqual([
        { key: null, message: expect.stringContaining('rien n’est déverrouillé') },
      ]);

      writePolicy(JSON.stringify({ allowQuit: false, reportsFolder: '\\\\serveur\\rapports' }));
      await first.refresh();
      writePolicy(content);
      await first.refresh();
      // Keys IT fixed keep their last valid value; the others stay as they were (the user's), nothing new opens.
      expect(first.effective()).toMatchObject({
        allowQuit: false,
        reportsFolder: '\\\\serveur\\rapports',
        inventorySource: 'https://pirate.example/inv.xlsx',
      });
      expect(first.get().locked.inventorySource).toBeUndefined();
    });
  }

  it('an unreadable registry (reg.exe failing) locks every key the JSON alone cannot vouch for', async () => {
    writePolicy(JSON.stringify({ allowQuit: true }));
    const s = await SettingsService.create({
      store,
      clock,
      hostname: 'X',
      inventory,
      policySources: machinePolicySources({
        file,
        registry: true,
        run: async () => ({ code: null, stdout: new Uint8Array(), stderr: new Uint8Array() }),
      }),
    });
    // The GPO might say allowQuit = 0: the JSON's true is not trusted while the registry cannot be read.
    expect(s.effective().allowQuit).toBe(false);
    expect(s.policyProblems()[0]?.message).toMatch(/^stratégie de groupe illisible/);
    expect(store.settings.get(POLICY_SNAPSHOT_KEY)).toBeUndefined(); // nothing learnt from a failed read
  });

  it('a damaged or forged snapshot in the store is validated again', async () => {
    store.settings.set(POLICY_SNAPSHOT_KEY, { values: { allowQuit: 'oui', pollMinutes: 0, site: 'HMR' } });
    writePolicy('{');
    const s = await service(undefined, false);
    expect(s.effective()).toMatchObject({ allowQuit: false, pollMinutes: 5, site: 'HMR' });
  });

  it('prototype names and unknown keys are reported, never crash, and never become settings', async () => {
    writePolicy(
      '{"constructor": 1, "__proto__": {"allowQuit": false}, "toString": "x", "hasOwnProperty": 2, "quitter": false, "site": "HMR"}',
    );
    const s = await service(undefined, false);
    expect(s.effective()).toMatchObject({ site: 'HMR', allowQuit: true });
    expect(s.policyProblems().map((p) => p.key)).toEqual([
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'quitter',
    ]);
    expect(readPolicyText('{"__proto__": {"site": "X"}}')).toMatchObject({ kind: 'entries', entries: {} });
  });

  it('re-reads an unchanged reminder list as equal (no store write on every unlock)', async () => {
    writePolicy(JSON.stringify({ reminders: DEFAULT_REMINDERS }));
    const s = await service(undefined, false);
    const before = store.db.prepare('SELECT updated_at FROM settings WHERE key = ?').get(POLICY_SNAPSHOT_KEY);
    clock.set('2026-03-05T11:00:00');
    await s.refresh();
    expect(store.db.prepare('SELECT updated_at FROM settings WHERE key = ?').get(POLICY_SNAPSHOT_KEY)).toEqual(before);
  });
});
