/**
 * VigieCore and its dispatcher over the real agent (test/e2e/world.ts: createAgent, SQLite in a temp folder, the
 * sample inventory, a ManualClock, a real reports folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toBridgeError } from '../../../shared/ipc/bridge';
import type { VigieCoreApi } from '../../../shared/ipc/contract';
import { createDispatcher } from '../../../electron/core/api/dispatch';
import { CoreError, bridgeError, readBridgeError } from '../../../electron/core/api/errors';
import { VigieCore } from '../../../electron/core/api/core';
import { createWorld, type World, type WorldOptions } from '../../e2e/world';

const worlds: World[] = [];
async function world(start: string, extra: Partial<WorldOptions> = {}) {
  const w = await createWorld({ start, profile: { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] }, ...extra });
  worlds.push(w);
  return w;
}
/** A VigieCore of the test's own over a world's services (to watch one dependency the agent wires itself). */
function coreOver(w: World, extra: Partial<ConstructorParameters<typeof VigieCore>[0]>): VigieCore {
  return new VigieCore({
    clock: w.clock,
    store: w.store,
    sync: w.sync,
    settings: w.settings,
    checklists: w.checklists,
    trayState: () => 'idle',
    openExternal: async () => undefined,
    ...extra,
  });
}

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** What the renderer sees when a call fails. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toBridgeError(error);
  }
  throw new Error('expected the call to fail');
}

describe('getStatus', () => {
  it('lists the next 3 months of windows, the unscheduled applications, the inventory and the pending checklist', async () => {
    const w = await world('2026-12-02T04:30');
    const runId = await w.openChecklistForLastWindow();
    const status = await w.core.getStatus();
    expect(status.now).toBe('2026-12-02T04:30:00-05:00');
    expect(status.language).toBe('fr');
    expect(status.profile).toEqual({ site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] });
    expect(status.current).toBeNull();
    expect(status.trayState).toBe('verification-due');
    expect(status.upcoming.map((u) => u.start)).toEqual([
      '2026-12-16T02:00:00-05:00', // Cobas IT, 3rd Wednesday
      '2027-01-06T02:00:00-05:00',
      '2027-01-20T02:00:00-05:00',
      '2027-02-03T02:00:00-05:00',
      '2027-02-17T02:00:00-05:00',
    ]); // 2027-03-03 is past now + 3 months (2027-03-02 04:30)
    expect(status.upcoming[1]?.applications).toEqual([
      { service: 'Laboratoire', application: 'Cortex Omnitech' },
      { service: 'Laboratoire', application: 'GestLab' },
      { service: 'Laboratoire', application: 'Unity Real Time IUSMM' },
      { service: 'Pharmacie', application: 'GespharX IUSMM' },
    ]);
    expect(status.upcoming[0]).toEqual({
      start: '2026-12-16T02:00:00-05:00',
      end: '2026-12-16T04:00:00-05:00',
      services: ['Laboratoire'],
      applications: [{ service: 'Laboratoire', application: 'Cobas IT' }],
    });
    expect(status.unscheduled.map((u) => [u.application, u.status])).toEqual([
      ['Accudose', 'to-be-determined'],
      ['Cartwatch', 'not-affected'],
      ['NumerX IUSMM', 'not-affected'],
      ['RxVigilance IUSMM', 'not-affected'],
      ['Sites web (Pharmaclick, clozapine, etc.)', 'not-affected'],
    ]);
    expect(status.unscheduled[0]?.comment).toContain('Reste à confirmer');
    expect(status.inventory).toMatchObject({ state: 'ok', publishedAt: '2018-09-28', source: 'embedded' });
    expect(status.inventory.applications).toBeGreaterThan(15);
    expect(status.pendingChecklist?.runId).toBe(runId);
    expect(status.history.map((h) => h.runId)).toEqual([runId]);
    expect(status.pendingReports).toBe(0);
    expect(status.intranetUrl).toBeNull();
  });

  it('shows the window in progress as current, not as upcoming', async () => {
    const w = await world('2026-12-02T03:00');
    const status = await w.core.getStatus();
    expect(status.current).toMatchObject({ start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' });
    expect(status.current?.applications).toHaveLength(4);
    expect(status.upcoming[0]?.start).toBe('2026-12-16T02:00:00-05:00');
  });

  it('has no windows before a profile is chosen', async () => {
    const w = await world('2026-12-02T03:00', { profile: null });
    const status = await w.core.getStatus();
    expect(status.profile).toBeNull();
    expect(status.current).toBeNull();
    expect(status.upcoming).toEqual([]);
    expect(status.unscheduled).toEqual([]);
    expect((await w.core.getSettings()).needsProfile).toBe(true);
  });
});

describe('checklist calls', () => {
  it('getChecklist() gives the pending run; submit records who and the agent delivers the report', async () => {
    const w = await world('2026-12-02T05:30');
    expect(await w.core.getChecklist()).toBeNull();
    const runId = await w.openChecklistForLastWindow();
    expect((await w.core.getChecklist())?.runId).toBe(runId);
    expect(await w.core.getChecklist('inconnu')).toBeNull();

    await w.core.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    await w.core.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    const guidance = await w.core.getGuidance({ runId, application: 'GestLab' });
    expect(guidance.escalation.contact).toMatchObject({ name: 'CDA', phone: '3050' });

    for (const [application, check] of [
      ['Cortex Omnitech', 'starts'],
      ['Cortex Omnitech', 'transfers'],
      ['GespharX IUSMM', 'starts'],
      ['Unity Real Time IUSMM', 'starts'],
    ] as const) {
      await w.core.setCheck({ runId, application, check, result: 'ok' });
    }
    const done = await w.core.submitChecklist({ runId, initials: 'AB' });
    expect(done.submittedBy).toBe('AB');
    await w.settled();
    const status = await w.core.getStatus();
    expect(status.pendingChecklist).toBeNull();
    expect(status.pendingReports).toBe(0);
    expect(status.trayState).toBe('problem');
    const files = fs
      .readdirSync(w.reportsDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const report = JSON.parse(fs.readFileSync(path.join(w.reportsDir, files[0] ?? ''), 'utf8')) as unknown;
    // The workstation the agent was given (the one its inventory's "Postes" mapping uses), not the test machine's.
    expect(report).toMatchObject({ initials: 'AB', workstation: 'POSTE-ESSAI-01', appVersion: '0.1.0-essai' });
    expect((report as { userAccount: string }).userAccount).toBe(os.userInfo().username);
  });

  it('every mutation calls onChange, and the agent tells the open windows', async () => {
    const w = await world('2026-12-02T05:30');
    const runId = await w.openChecklistForLastWindow();
    let changes = 0;
    const core = coreOver(w, { onChange: () => void changes++ });
    await core.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    await core.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    await core.getGuidance({ runId, application: 'GestLab' });
    expect(changes).toBe(2);

    // The agent's own core: an answer moves nothing in the tray, yet the status window is told.
    await w.settled();
    const told: number[] = [];
    w.agent.onStateChanged((status) => told.push(status.history[0]?.counts.ok ?? -1));
    await w.core.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'ok' });
    await w.settled();
    expect(told).toEqual([1]);
  });
});

describe('settings', () => {
  it('saves the user choices and notifies; a key fixed by IT is refused as locked, with the reason shown', async () => {
    const w = await world('2026-12-02T10:00', {
      policy: { language: 'fr', octopusUrl: 'https://octopus.example.qc.ca/f' },
    });
    const told: (readonly string[] | undefined)[] = [];
    w.agent.onStateChanged((status) => told.push(status.profile?.services));
    const view = await w.core.saveSettings({ services: ['Laboratoire'] });
    expect(view.values.services).toEqual(['Laboratoire']);
    expect(view.locked.language).toBe('Fixé par les TI (configuration du poste)');
    await w.settled();
    expect(told).toEqual([['Laboratoire']]);
    const refused = await failure(w.dispatch('settings:save', [{ language: 'en' }]));
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain('la langue');
    expect((await w.core.getSettings()).values.language).toBe('fr');
  });

  it('an invalid inventory source is invalid-input, in plain French', async () => {
    const w = await world('2026-12-02T10:00');
    const refused = await failure(w.dispatch('saveSettings', [{ inventorySource: 'ftp://serveur/inventaire.csv' }]));
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^Source de l'inventaire non valide/);
  });
});

describe('openLink', () => {
  it('opens only https links to allowlisted hosts', async () => {
    const w = await world('2026-12-02T10:00', {
      policy: { octopusUrl: 'https://octopus.example.qc.ca/formulaire', allowedLinkHosts: ['intranet.example.qc.ca'] },
    });
    await w.core.openLink('https://octopus.example.qc.ca/formulaire?x=1');
    await w.core.openLink('https://INTRANET.example.qc.ca/guide');
    expect(w.opened).toEqual(['https://octopus.example.qc.ca/formulaire?x=1', 'https://intranet.example.qc.ca/guide']);
    // Not https or with credentials: refused by the bridge schema before the core runs; a well-formed https link
    // to a host IT did not allow: refused by the core.
    for (const [url, code] of [
      ['http://octopus.example.qc.ca/formulaire', 'invalid-input'],
      ['https://evil.example.com/', 'forbidden'],
      ['https://octopus.example.qc.ca@evil.example.com/', 'invalid-input'],
      ['https://user:pw@octopus.example.qc.ca/', 'invalid-input'],
      ['file:///C:/Windows/System32/calc.exe', 'invalid-input'],
    ] as const) {
      const refused = await failure(w.dispatch('link:open', [url]));
      expect(refused.code, url).toBe(code);
    }
    for (const url of ['http://octopus.example.qc.ca/formulaire', 'https://user:pw@octopus.example.qc.ca/']) {
      await expect(w.core.openLink(url), url).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(w.opened).toHaveLength(2);
  });

  it('reports a browser that cannot be opened as failed, not as a stack', async () => {
    const w = await world('2026-12-02T10:00', { policy: { octopusUrl: 'https://octopus.example.qc.ca/f' } });
    const core = coreOver(w, {
      openExternal: async () => {
        throw new Error('spawn xdg-open ENOENT');
      },
    });
    const refused = await failure(createDispatcher(core)('openLink', ['https://octopus.example.qc.ca/f']));
    expect(refused).toEqual({
      code: 'failed',
      message: "Le lien n'a pas pu être ouvert. Copiez l'adresse dans votre navigateur.",
    });
  });
});

describe('exportCalendar and syncNow', () => {
  it('hands the 3 months of windows (the current one included) to the exporter', async () => {
    const w = await world('2026-12-02T03:00');
    const exporter = vi.fn(async (windows: { start: { toISO(): string | null } }[]) => ({
      path: `/tmp/vigie-${windows.length}.ics`,
    }));
    const core = coreOver(w, { exportCalendar: exporter });
    expect(await core.exportCalendar()).toEqual({ path: '/tmp/vigie-6.ics' });
    expect(exporter.mock.calls[0]?.[0][0]?.start.toISO()).toBe('2026-12-02T02:00:00.000-05:00');
    expect((await failure(w.dispatch('calendar:export', []))).code).toBe('failed');
  });

  it('syncNow re-reads the source, notifies and returns the status', async () => {
    const w = await world('2026-12-02T10:00');
    let told = 0;
    w.agent.onStateChanged(() => told++);
    const status = await w.core.syncNow();
    expect(status.inventory.state).toBe('ok');
    await w.settled();
    expect(told).toBe(1);
  });
});

describe('dispatcher', () => {
  function spyCore(): VigieCoreApi & { calls: string[] } {
    const calls: string[] = [];
    const handler: ProxyHandler<object> = {
      get: (_t, prop) => (prop === 'calls' ? calls : async () => void calls.push(String(prop))),
    };
    return new Proxy({}, handler) as VigieCoreApi & { calls: string[] };
  }

  it('refuses invalid arguments before the core runs', async () => {
    const core = spyCore();
    const dispatch = createDispatcher(core);
    const bad: [string, unknown[]][] = [
      ['setCheck', [{ runId: 'r', application: 'GestLab', check: 'starts', result: 'maybe' }]],
      ['setCheck', [{ runId: 'r', application: 'GestLab', check: 'starts', result: 'ok', extra: 1 }]],
      ['submitChecklist', [{ runId: 'r', initials: '   ' }]],
      ['getStatus', ['unexpected']],
      ['link:open', ['pas une adresse']],
      ['getGuidance', []],
    ];
    for (const [method, args] of bad) {
      const refused = await failure(dispatch(method, args));
      expect(refused.code, method).toBe('invalid-input');
    }
    expect(core.calls).toEqual([]);
    expect((await failure(dispatch('checklist:delete', []))).code).toBe('not-found');
    await dispatch('checklist:get', ['run-1']);
    await dispatch('getChecklist', []);
    expect(core.calls).toEqual(['getChecklist', 'getChecklist']);
  });

  it('passes our refusals through and hides anything else behind the generic message', async () => {
    const throwing = (error: unknown) =>
      ({
        getStatus: async () => {
          throw error;
        },
      }) as unknown as VigieCoreApi;
    expect(await failure(createDispatcher(throwing(bridgeError('locked', 'Déjà envoyée.')))('getStatus', []))).toEqual({
      code: 'locked',
      message: 'Déjà envoyée.',
    });
    const hidden = await failure(
      createDispatcher(throwing(new Error('SQLITE_CORRUPT: at Database.prepare (/x/y.js:1:2)')))('getStatus', []),
    );
    expect(hidden.code).toBe('failed');
    expect(hidden.message).not.toContain('SQLITE');
  });

  it('readBridgeError understands our errors, coded errors and BridgeError JSON, nothing else', () => {
    expect(readBridgeError(new CoreError('forbidden', 'Non.'))).toEqual({ code: 'forbidden', message: 'Non.' });
    expect(readBridgeError(Object.assign(new Error('Verrouillé.'), { code: 'locked' }))).toEqual({
      code: 'locked',
      message: 'Verrouillé.',
    });
    expect(readBridgeError(new Error('{"code":"not-found","message":"Introuvable."}'))).toEqual({
      code: 'not-found',
      message: 'Introuvable.',
    });
    expect(readBridgeError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeNull();
    expect(readBridgeError('texte')).toBeNull();
  });
});
