/**
 * ChecklistService on a real SQLite store in a temp folder, with the sample inventory (IUSMM / Laboratoire: Cortex
 * Omnitech, GestLab and Unity Real Time on the 1st Wednesday 2h–4h; 2026-12-02 is one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { CoreError } from '../../../electron/core/api/errors';
import { createWorld, type World } from '../../e2e/world';

const LAB = { site: 'IUSMM', services: ['Laboratoire'] };
const worlds: World[] = [];

async function world(start = '2026-12-02T04:00', extra: Partial<Parameters<typeof createWorld>[0]> = {}) {
  const w = await createWorld({ start, profile: LAB, ...extra });
  worlds.push(w);
  return w;
}

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

function caught(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}

describe('ensureRun', () => {
  it('creates one card per affected application, with the transfers check when the comment mentions it', async () => {
    const w = await world();
    const runId = await w.openChecklistForLastWindow();
    const view = w.checklists.get(runId);
    expect(view).not.toBeNull();
    expect(view?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    expect(view?.windowEnd).toBe('2026-12-02T04:00:00-05:00');
    expect(view?.site).toBe('IUSMM');
    expect(view?.services).toEqual(['Laboratoire']);
    expect(view?.items.map((i) => [i.application, i.checks.map((c) => c.id)])).toEqual([
      ['Cortex Omnitech', ['starts', 'transfers']],
      ['GestLab', ['starts']],
      ['Unity Real Time IUSMM', ['starts']],
    ]);
    expect(view?.items[0]?.instructions).toBe(
      "L'interface pour le transfert des données doit être redémarrées manuellement.",
    );
    expect(view?.items[2]?.instructions).toBe('');
    expect(view?.items.flatMap((i) => i.checks).every((c) => c.result === null && c.restart === null)).toBe(true);
  });

  it('is idempotent per site and window, across a restart of the app', async () => {
    const w = await world();
    const first = await w.openChecklistForLastWindow();
    expect(await w.openChecklistForLastWindow()).toBe(first);
    const again = await w.reopen();
    worlds.push(again);
    expect(await again.openChecklistForLastWindow()).toBe(first);
    expect(again.store.checklists.listRuns()).toHaveLength(1);
  });

  it('keeps a separate run for another site on the same window', async () => {
    const w = await world();
    const window = w.lastEndedWindow();
    if (!window) throw new Error('no window');
    const a = w.checklists.ensureRun({ ...window, site: 'IUSMM' });
    const b = w.checklists.ensureRun({ ...window, site: 'HMR' });
    expect(b).not.toBe(a);
    expect(w.checklists.ensureRun({ ...window, site: 'HMR' })).toBe(b);
  });

  it('lists an application named under two services once', async () => {
    const w = await world();
    const start = DateTime.fromISO('2026-12-02T02:00', { zone: 'America/Toronto' });
    const id = w.checklists.ensureRun({
      start,
      end: start.plus({ hours: 2 }),
      site: 'IUSMM',
      services: ['Laboratoire', 'Pharmacie'],
      applications: [
        { service: 'Laboratoire', application: 'GestLab' },
        { service: 'Pharmacie', application: 'GestLab' },
      ],
    });
    expect(w.checklists.get(id)?.items.map((i) => `${i.service}/${i.application}`)).toEqual(['Laboratoire/GestLab']);
  });
});

describe('answers', () => {
  it('are saved at once and survive a crash (store reopened)', async () => {
    const w = await world();
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'ok' });
    w.checklists.setCheck({
      runId,
      application: 'Cortex Omnitech',
      check: 'transfers',
      result: 'na',
      comment: 'Interface arrêtée pour la nuit',
    });
    const after = await w.reopen();
    worlds.push(after);
    const view = after.checklists.get(runId);
    expect(view?.items[1]?.checks[0]?.result).toBe('ok');
    expect(view?.items[0]?.checks[1]).toEqual({
      id: 'transfers',
      result: 'na',
      comment: 'Interface arrêtée pour la nuit',
      restart: null,
    });
    expect(after.checklists.pendingRun()?.counts).toEqual({ ok: 1, problem: 0, na: 1, unanswered: 2 });
  });

  it('problem → restart not fixed remembers the contact of the moment; fixed forgets it', async () => {
    const w = await world('2026-12-02T05:30');
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    const view = w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    expect(view.items[1]?.checks[0]?.restart).toBe('not-fixed');
    const stored = w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab');
    expect(stored?.contact).toMatchObject({ contact: { name: 'CDA', phone: '3050' }, rule: 'guide-cda' });

    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: true });
    const fixed = w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab');
    expect(fixed?.restart).toBe('fixed');
    expect(fixed?.contact).toBeNull();
  });

  it('leaving "Problème" clears the restart answer and the contact', async () => {
    const w = await world('2026-12-02T05:30');
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    const view = w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'ok' });
    expect(view.items[1]?.checks[0]).toMatchObject({ result: 'ok', restart: null });
    expect(w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab')?.contact).toBeNull();
  });

  it('refuses a restart answer without a problem, and unknown runs or applications', async () => {
    const w = await world();
    const runId = await w.openChecklistForLastWindow();
    expect(
      caught(() => w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: true })).code,
    ).toBe('invalid-input');
    expect(
      caught(() => w.checklists.setCheck({ runId: 'nope', application: 'GestLab', check: 'starts', result: 'ok' }))
        .code,
    ).toBe('not-found');
    const err = caught(() => w.checklists.setCheck({ runId, application: 'Accudose', check: 'starts', result: 'ok' }));
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('Accudose');
    // GestLab exchanges no data according to the sample: no transfers check to answer.
    expect(
      caught(() => w.checklists.setCheck({ runId, application: 'GestLab', check: 'transfers', result: 'ok' })).code,
    ).toBe('not-found');
    expect(w.checklists.get('nope')).toBeNull();
  });
});

describe('guidance follows the clock', () => {
  async function problemRun(at: string, extra = {}) {
    const w = await world(at, extra);
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    return { w, runId };
  }

  it('06:55 → CDA 3050, 07:05 → CSI 5656, on the same problem', async () => {
    const { w, runId } = await problemRun('2026-12-02T06:55');
    const early = w.checklists.guidance(runId, 'GestLab');
    expect(early.escalation.contact).toMatchObject({ name: 'CDA', phone: '3050' });
    expect(early.escalation.retryAfter).toBeNull();
    expect(early.script).toContain('GestLab');
    expect(early.script).toContain('4 h');
    w.clock.set('2026-12-02T07:05');
    const later = w.checklists.guidance(runId, 'GestLab');
    expect(later.escalation.contact).toMatchObject({ name: 'CSI', phone: '5656' });
    // The contact remembered with the item is the latest one shown.
    const item = w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab');
    expect(item?.contact).toMatchObject({ contact: { name: 'CSI' }, at: '2026-12-02T07:05:00-05:00' });
  });

  it('says to retry after the end while the window is still in progress, and stores no contact', async () => {
    const w = await world('2026-12-02T04:00');
    const runId = await w.openChecklistForLastWindow();
    w.clock.set('2026-12-02T03:30');
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    const guidance = w.checklists.guidance(runId, 'GestLab');
    expect(guidance.escalation.retryAfter).toBe('2026-12-02T04:00:00-05:00');
    expect(guidance.script).toContain('pas encore terminée');
    expect(w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'GestLab')?.contact).toBeNull();
  });

  it('speaks English when the settings say so, and names the transfers when only they fail', async () => {
    const w = await world('2026-12-02T10:00', { language: 'en' });
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'Cortex Omnitech', check: 'transfers', result: 'problem' });
    const g = w.checklists.guidance(runId, 'Cortex Omnitech');
    expect(g.escalation.contact?.name).toBe('CSI');
    expect(g.script).toContain('data transfers of Cortex Omnitech');
    expect(g.script).toMatch(/^Hello/);
  });

  it('uses the Octopus form for a service with an Urgence pilote agreement (07h–17h), the CDA before 7h', async () => {
    const inventory = {
      format: 'vigie-inventory',
      version: 1,
      publishedAt: '2026-11-15',
      applications: [
        {
          direction: 'DSP',
          site: 'IUSMM',
          service: 'Laboratoire',
          application: 'GestLab',
          schedule: '1er mercredi 2h-4h',
        },
      ],
      services: [
        {
          site: 'IUSMM',
          service: 'Laboratoire',
          twentyFourSeven: true,
          shiftStarts: [],
          urgencePilote: true,
          continuityPlanUrl: null,
        },
      ],
    };
    const w = await world('2026-12-02T10:00', {
      inventoryText: { name: 'inventaire.json', text: JSON.stringify(inventory) },
      policy: { octopusUrl: 'https://octopus.example.qc.ca/formulaire' },
    });
    expect(w.sync.state().state).toBe('ok');
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    expect(w.checklists.guidance(runId, 'GestLab').escalation.contact).toMatchObject({
      name: 'Formulaire Octopus',
      url: 'https://octopus.example.qc.ca/formulaire',
    });
    w.clock.set('2026-12-02T06:30');
    expect(w.checklists.guidance(runId, 'GestLab').escalation.contact?.name).toBe('CDA');
  });
});

describe('submit', () => {
  async function answered(at = '2026-12-02T10:00') {
    const w = await world(at);
    const runId = await w.openChecklistForLastWindow();
    w.checklists.setCheck({ runId, application: 'Cortex Omnitech', check: 'starts', result: 'ok' });
    w.checklists.setCheck({ runId, application: 'Cortex Omnitech', check: 'transfers', result: 'na' });
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem', comment: 'Écran gris' });
    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: false });
    return { w, runId };
  }
  const who = { workstation: 'POSTE-LAB-3', userAccount: 'labo-partage', appVersion: '0.1.0' };

  it('refuses while a check is unanswered, naming it', async () => {
    const { w, runId } = await answered();
    const err = caught(() => w.checklists.submit({ runId, initials: 'MT' }, who));
    expect(err.code).toBe('invalid-input');
    expect(err.message).toBe(
      "Il reste 1 vérification sans réponse : Unity Real Time IUSMM — L'application démarre et se connecte.",
    );
    expect(w.checklists.get(runId)?.status).toBe('open');
    expect(w.reports.pending()).toBe(0);
  });

  it('records who and when, queues the report in the same step, then refuses any change', async () => {
    const { w, runId } = await answered();
    w.checklists.setCheck({ runId, application: 'Unity Real Time IUSMM', check: 'starts', result: 'ok' });
    w.clock.set('2026-12-02T10:12');
    const view = w.checklists.submit({ runId, initials: '  M.T.  ' }, who);
    expect(view).toMatchObject({ status: 'submitted', submittedBy: 'M.T.', submittedAt: '2026-12-02T10:12:00-05:00' });
    expect(w.checklists.pendingRun()).toBeNull();
    expect(w.checklists.latestSubmitted()?.runId).toBe(runId);

    expect(w.reports.pending()).toBe(1);
    const [entry] = w.store.outbox.due(w.clock.now());
    const report = entry?.payload as { initials: string; workstation: string; items: unknown[] };
    expect(report.initials).toBe('M.T.');
    expect(report.workstation).toBe('POSTE-LAB-3');
    expect(report.items).toContainEqual({
      application: 'GestLab',
      service: 'Laboratoire',
      checks: [
        {
          id: 'starts',
          result: 'problem',
          comment: 'Écran gris',
          restart: 'not-fixed',
          contactAdvised: { name: 'CSI', phone: '5656', url: null },
        },
      ],
    });

    expect(caught(() => w.checklists.submit({ runId, initials: 'XY' }, who)).code).toBe('locked');
    expect(
      caught(() => w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'ok' })).code,
    ).toBe('locked');
    expect(w.reports.pending()).toBe(1);
    expect(w.checklists.get(runId)?.submittedBy).toBe('M.T.');
  });

  it('records the contact of the moment for a problem whose guidance was never opened', async () => {
    const w = await world('2026-12-02T05:00');
    const runId = await w.openChecklistForLastWindow();
    for (const [application, check] of [
      ['Cortex Omnitech', 'starts'],
      ['Cortex Omnitech', 'transfers'],
      ['GestLab', 'starts'],
      ['Unity Real Time IUSMM', 'starts'],
    ] as const) {
      w.checklists.setCheck({ runId, application, check, result: 'ok' });
    }
    w.checklists.setCheck({ runId, application: 'Unity Real Time IUSMM', check: 'starts', result: 'problem' });
    w.checklists.submit({ runId, initials: 'JD' }, who);
    const item = w.store.checklists.getRun(runId)?.items.find((i) => i.application === 'Unity Real Time IUSMM');
    expect(item?.contact).toMatchObject({ contact: { name: 'CDA', phone: '3050' } });
    expect(w.checklists.hasUnresolvedProblem(w.clock.now().minus({ hours: 1 }))).toBe(true);
    expect(w.checklists.hasUnresolvedProblem(w.clock.now().plus({ minutes: 1 }))).toBe(false);
  });

  it('a problem fixed by a restart is not an unresolved problem', async () => {
    const w = await world('2026-12-02T05:00');
    const runId = await w.openChecklistForLastWindow();
    for (const [application, check] of [
      ['Cortex Omnitech', 'starts'],
      ['Cortex Omnitech', 'transfers'],
      ['Unity Real Time IUSMM', 'starts'],
    ] as const) {
      w.checklists.setCheck({ runId, application, check, result: 'ok' });
    }
    w.checklists.setCheck({ runId, application: 'GestLab', check: 'starts', result: 'problem' });
    w.checklists.recordRestart({ runId, application: 'GestLab', check: 'starts', fixed: true });
    w.checklists.submit({ runId, initials: 'JD' }, who);
    expect(w.checklists.hasUnresolvedProblem(w.clock.now().minus({ days: 1 }))).toBe(false);
    expect(w.checklists.history(5)[0]?.counts).toEqual({ ok: 3, problem: 1, na: 0, unanswered: 0 });
  });
});

describe('pending and history', () => {
  it('the oldest open run is the pending one; history is newest first', async () => {
    const w = await world('2026-11-04T05:00');
    const november = await w.openChecklistForLastWindow();
    w.clock.set('2026-12-02T05:00');
    const december = await w.openChecklistForLastWindow();
    expect(december).not.toBe(november);
    expect(w.checklists.pendingRun()?.runId).toBe(november);
    expect(w.checklists.history(10).map((r) => r.runId)).toEqual([december, november]);
    expect(w.checklists.history(1)).toHaveLength(1);
    expect(w.checklists.latestSubmitted()).toBeNull();
  });
});
