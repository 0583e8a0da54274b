import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Application, HostMapping, Inventory } from '../../../shared/inventory/model';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { ManualClock } from '../../../electron/core/clock';
import {
  machinePolicySources,
  matchHost,
  POLICY_SNAPSHOT_KEY,
  SettingsError,
  SettingsService,
  type SettingsServiceDeps,
} from '../../../electron/core/settings';
import { openStore, type Logger, type Store } from '../../../electron/core/store';

const FR_POLICY = 'Fixé par les TI (configuration du poste)';
const FR_HOST = 'Déterminé par le nom du poste (inventaire)';

function app(site: string, service: string, application: string): Application {
  return {
    row: null,
    direction: 'DSP',
    site,
    service,
    application,
    scheduleText: '1er mercredi 2h-4h',
    schedule: { status: 'to-be-determined', raw: 'À venir' },
    comment: '',
    transfers: null,
  };
}

let dir: string;
let store: Store;
let hosts: HostMapping[];
let warnings: string[];
const clock = new ManualClock('2026-03-05T10:00:00');
const log: Logger = {
  info: () => undefined,
  warn: (m, d) => void warnings.push(`${m} ${JSON.stringify(d ?? {})}`),
  error: () => undefined,
};

function inventory(): Inventory {
  return {
    publishedAt: null,
    applications: [
      app('IUSMM', 'Pharmacie', 'GespharX'),
      app('IUSMM', 'Laboratoire', 'GestLab'),
      app('HMR', 'Urgence', 'SIURGE'),
      app('IUSMM', 'Laboratoire', 'Cortex'),
      app('IUSMM', 'Électrophysiologie', 'Harmonie'),
    ],
    services: [],
    contacts: [],
    hosts,
  };
}

async function service(policy: unknown = undefined, over: Partial<SettingsServiceDeps> = {}) {
  return SettingsService.create({
    store,
    clock,
    readPolicy: async () => policy,
    hostname: 'POSTE-INCONNU',
    inventory,
    log,
    ...over,
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-settings-'));
  store = openStore({ dir, clock });
  hosts = [];
  warnings = [];
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('defaults and user choices', () => {
  it('first start: defaults, nothing locked, a profile is needed, choices come from the inventory', async () => {
    const s = await service();
    expect(s.get()).toEqual({
      values: {
        site: null,
        services: [],
        serviceHours: {},
        reminders: DEFAULT_REMINDERS,
        language: 'fr',
        inventorySource: null,
      },
      locked: {},
      choices: {
        sites: ['HMR', 'IUSMM'],
        servicesBySite: { HMR: ['Urgence'], IUSMM: ['Électrophysiologie', 'Laboratoire', 'Pharmacie'] },
      },
      needsProfile: true,
    });
    expect(s.profile()).toBeNull();
    expect(s.effective()).toMatchObject({
      reportsFolder: null,
      noticesSource: null,
      intranetUrl: null,
      octopusUrl: null,
      allowQuit: true,
      pollMinutes: 5,
      allowedLinkHosts: [],
    });
  });

  it('saves the user choice, which survives a restart', async () => {
    const s = await service();
    const view = s.save({
      site: 'IUSMM',
      services: ['Laboratoire', 'Pharmacie'],
      serviceHours: { Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00'] } },
      reminders: [{ kind: 'before', minutes: 60 }],
      language: 'en',
    });
    expect(view.needsProfile).toBe(false);
    store.close();
    store = openStore({ dir, clock });
    const again = await service();
    expect(again.profile()).toEqual({ site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] });
    expect(again.effective()).toMatchObject({
      language: 'en',
      reminders: [{ kind: 'before', minutes: 60 }],
      serviceHours: { Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00'] } },
    });
  });

  it('null resets a choice; the inventory source accepts paths and https only', async () => {
    const s = await service();
    s.save({ site: 'HMR', inventorySource: '\\\\serveur\\partage\\inventaire.xlsx' });
    expect(s.effective().inventorySource).toBe('\\\\serveur\\partage\\inventaire.xlsx');
    s.save({ inventorySource: 'https://intranet.example/inventaire.xlsx' });
    expect(s.effective().inventorySource).toBe('https://intranet.example/inventaire.xlsx');
    s.save({ site: null, inventorySource: null });
    expect(s.effective()).toMatchObject({ site: null, inventorySource: null });
    expect(() => s.save({ inventorySource: 'http://intranet/inventaire.xlsx' })).toThrow(SettingsError);
    expect(() => s.save({ inventorySource: 'inventaire.xlsx' })).toThrow(/Source de l'inventaire non valide/);
    expect(() => s.save({ language: 'de' } as never)).toThrow(/Réglages non valides/);
    // Only the machine policy's snapshot (none here): no user choice was written by the refused patches.
    expect(store.settings.all()).toEqual({ [POLICY_SNAPSHOT_KEY]: { values: {} } });
  });

  it('a damaged stored value is ignored, not fatal', async () => {
    store.settings.setMany({ reminders: 'chaque matin', site: 'IUSMM', services: ['Pharmacie'] });
    const s = await service();
    expect(s.effective().reminders).toEqual(DEFAULT_REMINDERS);
    expect(s.profile()).toEqual({ site: 'IUSMM', services: ['Pharmacie'] });
    expect(warnings.some((w) => w.includes('stored user value ignored') && w.includes('reminders'))).toBe(true);
  });
});

describe('hostname mapping from the inventory', () => {
  it('sets and locks site and services; the user choice underneath is ignored', async () => {
    hosts = [{ pattern: 'IUSMM-LAB-*', site: 'IUSMM', services: ['Laboratoire'] }];
    store.settings.setMany({ site: 'HMR', services: ['Urgence'], language: 'en' });
    const s = await service(undefined, { hostname: 'iusmm-lab-07' });
    const view = s.get();
    expect(view.values).toMatchObject({ site: 'IUSMM', services: ['Laboratoire'], language: 'en' });
    expect(Object.keys(view.locked).sort()).toEqual(['services', 'site']);
    expect(view.needsProfile).toBe(false);
  });

  it('shows the reason in French and refuses a change, but accepts the same value sent back', async () => {
    hosts = [{ pattern: 'IUSMM-LAB-*', site: 'IUSMM', services: ['Laboratoire'] }];
    const s = await service(undefined, { hostname: 'IUSMM-LAB-07' });
    expect(s.get().locked).toEqual({ site: FR_HOST, services: FR_HOST });
    expect(() => s.save({ site: 'HMR' })).toThrow(SettingsError);
    try {
      s.save({ services: ['Pharmacie'], language: 'en' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).code).toBe('locked');
      expect((error as SettingsError).keys).toEqual(['services']);
      expect((error as SettingsError).message).toBe(
        'Impossible de modifier les services : ce réglage est fixé par les TI ou par le nom du poste.',
      );
    }
    expect(s.effective().language).toBe('fr'); // a refused patch writes nothing
    s.save({ site: 'IUSMM', services: ['Laboratoire'], language: 'en' });
    expect(s.effective().language).toBe('en');
  });

  it('a mapping with a site only leaves the services to the user', async () => {
    hosts = [{ pattern: 'HMR-*', site: 'HMR', services: [] }];
    const s = await service(undefined, { hostname: 'HMR-URG-01' });
    s.save({ services: ['Urgence'] });
    expect(s.profile()).toEqual({ site: 'HMR', services: ['Urgence'] });
    expect(s.get().locked).toEqual({ site: FR_HOST });
  });

  it('matches case-insensitively, prefers exact then more specific patterns, and tries the short name', () => {
    const m = (pattern: string): HostMapping => ({ pattern, site: pattern, services: [] });
    const table = [m('*'), m('IUSMM-*'), m('IUSMM-LAB-*'), m('iusmm-lab-07'), m('HMR-?')];
    expect(matchHost(table, 'IUSMM-LAB-07')?.pattern).toBe('iusmm-lab-07');
    expect(matchHost(table, 'iusmm-lab-08')?.pattern).toBe('IUSMM-LAB-*');
    expect(matchHost(table, 'IUSMM-URG-01')?.pattern).toBe('IUSMM-*');
    expect(matchHost(table, 'iusmm-lab-07.ciusss.local')?.pattern).toBe('iusmm-lab-07');
    expect(matchHost(table, 'HMR-1')?.pattern).toBe('*'); // "?" is literal, not a wildcard
    expect(matchHost([m('IUSMM-*')], 'HMR-01')).toBeNull();
  });
});

describe('IT machine configuration', () => {
  const policy = {
    site: 'HMR',
    services: 'Urgence',
    language: 'fr',
    inventorySource: '\\\\serveur\\partage\\inventaire.xlsx',
    reportsFolder: '\\\\serveur\\partage\\rapports',
    noticesSource: '\\\\serveur\\partage\\avis-ti',
    intranetUrl: 'https://intranet.ciusss.example/maintenance',
    octopusUrl: 'https://octopus.ciusss.example/formulaire',
    allowQuit: false,
    pollMinutes: 15,
    allowedLinkHosts: ['Plans.Ciusss.example'],
  };

  it('wins over the hostname mapping and the user, and carries the IT-only keys', async () => {
    hosts = [{ pattern: 'IUSMM-*', site: 'IUSMM', services: ['Laboratoire'] }];
    store.settings.setMany({ services: ['Pharmacie'], reminders: [{ kind: 'before', minutes: 90 }] });
    const s = await service(policy, { hostname: 'IUSMM-LAB-07' });
    expect(s.effective()).toEqual({
      site: 'HMR',
      services: ['Urgence'],
      serviceHours: {},
      reminders: [{ kind: 'before', minutes: 90 }],
      language: 'fr',
      inventorySource: '\\\\serveur\\partage\\inventaire.xlsx',
      reportsFolder: '\\\\serveur\\partage\\rapports',
      noticesSource: '\\\\serveur\\partage\\avis-ti',
      intranetUrl: 'https://intranet.ciusss.example/maintenance',
      octopusUrl: 'https://octopus.ciusss.example/formulaire',
      allowQuit: false,
      pollMinutes: 15,
      inventoryMaxAgeMonths: 12,
      allowedLinkHosts: ['plans.ciusss.example', 'intranet.ciusss.example', 'octopus.ciusss.example'],
      inventoryPublicKeys: null,
    });
    expect(s.get().locked).toEqual({
      site: FR_POLICY,
      services: FR_POLICY,
      language: FR_POLICY,
      inventorySource: FR_POLICY,
    });
    expect(() => s.save({ inventorySource: null })).toThrow(/fixé par les TI/);
    expect(() => s.save({ reminders: [{ kind: 'day-before', at: '09:00' }] })).not.toThrow();
  });

  it("the hostname's services are not applied to another site fixed by IT", async () => {
    hosts = [{ pattern: 'IUSMM-*', site: 'IUSMM', services: ['Laboratoire'] }];
    const s = await service({ site: 'HMR' }, { hostname: 'IUSMM-LAB-07' });
    expect(s.get().locked).toEqual({ site: FR_POLICY });
    s.save({ services: ['Urgence'] });
    expect(s.profile()).toEqual({ site: 'HMR', services: ['Urgence'] });
  });

  it('English reasons when the language is English', async () => {
    const s = await service({ language: 'en', allowQuit: true });
    expect(s.get().locked).toEqual({ language: 'Set by IT (workstation configuration)' });
  });

  it('refresh() picks up a changed config file', async () => {
    const file = path.join(dir, 'config.json');
    const s = await service(undefined, { policySources: machinePolicySources({ file, registry: false }) });
    expect(s.get().locked).toEqual({});
    fs.writeFileSync(file, '\uFEFF' + JSON.stringify({ site: 'HMR' })); // Notepad's BOM
    await s.refresh();
    expect(s.get().locked).toEqual({ site: FR_POLICY });
  });
});
