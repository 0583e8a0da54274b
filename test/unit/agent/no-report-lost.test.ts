/**
 * Issue 9, "No report lost": a submitted verification survives what can happen to the local database — a damaged
 * WAL that SQLite silently rolls back on open, a database so damaged it is rebuilt — and the user is told the
 * truth about it. The real agent, real SQLite files, real journal files; damage done to the bytes on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../electron/core/agent';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { JOURNAL_FOLDER } from '../../../electron/core/reports/journal';
import { STORE_FILE, silentLogger } from '../../../electron/core/store';
import { TEXT_LIMITS } from '../../../shared/inventory/text-limits';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const dirs: string[] = [];
const running: Agent[] = [];

afterEach(async () => {
  for (const agent of running.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lost-'));
  dirs.push(dir);
  return dir;
}

/** An agent on `dir` (no reports folder configured: submitted reports wait in the outbox). */
async function startAgent(dir: string, clock: ManualClock, policy: Record<string, unknown> = {}) {
  const messages: { title: string; body: string }[] = [];
  const agent = createAgent({
    userDataDir: dir,
    assetsDir: ASSETS,
    hostname: 'POSTE-LAB-01',
    clock,
    notifier: new RecordingNotifier(clock),
    policyPath: path.join(dir, 'absent-config.json'),
    log: silentLogger,
    readPolicy: async () => ({ site: 'IUSMM', services: ['Laboratoire'], ...policy }),
    sync: { wait: async () => undefined, random: () => 0 },
  });
  running.push(agent);
  agent.onUserMessage((m) => messages.push(m));
  await agent.start();
  await agent.tick();
  return { agent, messages };
}

/** Lets the 2 h–4 h window of 2026-12-02 end: the checklist opens. */
async function endWindow(agent: Agent, clock: ManualClock): Promise<void> {
  clock.set('2026-12-02T04:00:30');
  await agent.tick();
}

/** Answers every check of the pending checklist "ok" and submits; returns the run id. */
async function verifyAll(agent: Agent): Promise<string> {
  const view = await agent.api.getChecklist();
  if (!view) throw new Error('no pending checklist');
  for (const item of view.items) {
    for (const check of item.checks) {
      await agent.api.setCheck({ runId: view.runId, application: item.application, check: check.id, result: 'ok' });
    }
  }
  await agent.api.submitChecklist({ runId: view.runId, initials: 'MT' });
  return view.runId;
}

/** A copy of the files as a power cut would leave them: the database and its WAL, not checkpointed. */
function copyLive(from: string, to: string): void {
  for (const suffix of ['', '-wal'])
    fs.copyFileSync(path.join(from, STORE_FILE + suffix), path.join(to, STORE_FILE + suffix));
  fs.cpSync(path.join(from, JOURNAL_FOLDER), path.join(to, JOURNAL_FOLDER), { recursive: true });
}

/** Overwrites the first page of a table or index with garbage, as a failing disk or a crash mid-write would. */
function scribbleOverPageOf(file: string, name: string): void {
  const probe = new Database(file);
  const page = probe.pragma('page_size', { simple: true }) as number;
  const root = (probe.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number })
    .rootpage;
  probe.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(page, 0xab), 0, page, (root - 1) * page);
  fs.closeSync(fd);
}

function walSize(dir: string): number {
  return fs.statSync(path.join(dir, STORE_FILE + '-wal')).size;
}

describe('no report lost', () => {
  it('a damaged WAL that rolls back a submit: the report is queued again, the run submitted again, and the user told', async () => {
    const live = tempDir();
    const clock = new ManualClock('2026-12-02T03:59:30');
    const first = await startAgent(live, clock);
    await endWindow(first.agent, clock);
    const before = walSize(live);
    const runId = await verifyAll(first.agent);
    expect(walSize(live)).toBeGreaterThan(before);
    expect(fs.existsSync(path.join(live, JOURNAL_FOLDER, `${runId}.json`))).toBe(true);

    // Scribble over the first WAL frame the submit wrote: SQLite drops it and every later frame, silently.
    const damaged = tempDir();
    copyLive(live, damaged);
    const fd = fs.openSync(path.join(damaged, STORE_FILE + '-wal'), 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, before + 24 + 100);
    fs.closeSync(fd);
    // The precondition, proved on a third copy: without the journal the submit is gone and nothing says so.
    const witness = tempDir();
    for (const suffix of ['', '-wal']) {
      fs.copyFileSync(path.join(damaged, STORE_FILE + suffix), path.join(witness, STORE_FILE + suffix));
    }
    const db = new Database(path.join(witness, STORE_FILE), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT status FROM checklist_runs WHERE id = ?').get(runId)).toEqual({ status: 'open' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    db.close();

    const second = await startAgent(damaged, clock);
    const status = await second.agent.api.getStatus();
    expect(status.pendingReports).toBe(1);
    expect(status.pendingChecklist).toBeNull();
    expect(status.history[0]).toMatchObject({ runId, status: 'submitted' });
    expect(second.messages.map((m) => m.body)).toEqual([
      '1 vérification soumise que la base locale avait perdue a été retrouvée : elle sera envoyée aux TI.',
    ]);
  });

  it('a database damaged beyond use: the report waiting for the share and the open checklist are salvaged', async () => {
    const dir = tempDir();
    const clock = new ManualClock('2026-12-02T03:59:30');
    const first = await startAgent(dir, clock);
    await endWindow(first.agent, clock);
    const runId = await verifyAll(first.agent);
    await first.agent.stop();
    running.splice(0);
    // The journal is removed too: salvage alone must bring the report back.
    fs.rmSync(path.join(dir, JOURNAL_FOLDER), { recursive: true });
    // Damage an index page only: quick_check fails (the database is rebuilt) but the tables can still be read.
    scribbleOverPageOf(path.join(dir, STORE_FILE), 'outbox_due');

    const second = await startAgent(dir, clock);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('vigie.corrupt-'))).toBe(true);
    const status = await second.agent.api.getStatus();
    expect(status.pendingReports).toBe(1);
    expect(status.history[0]).toMatchObject({ runId, status: 'submitted' });
    expect(second.messages).toHaveLength(1);
    expect(second.messages[0]?.body).toBe(
      "La base locale était endommagée : elle a été reconstruite et l'inventaire est rechargé. " +
        'Récupérés : 1 rapport en attente d’envoi, 1 vérification. Rien n’a été perdu ; aucune action n’est requise.',
    );
  });

  it('when part of the old database cannot be read, the message says a verification may be lost', async () => {
    const dir = tempDir();
    const clock = new ManualClock('2026-12-02T03:59:30');
    const first = await startAgent(dir, clock);
    await first.agent.stop();
    running.splice(0);
    scribbleOverPageOf(path.join(dir, STORE_FILE), 'checklist_runs');

    const second = await startAgent(dir, clock);
    expect(second.messages[0]?.body).toMatch(/une vérification en cours a pu être perdue/);
    expect(second.messages[0]?.body).not.toMatch(/aucune action/);
  });
});

describe('texts from the inventory never block a submission', () => {
  it('an application name of 400 characters is shortened at import, and its checklist is submitted and queued', async () => {
    const dir = tempDir();
    const name = 'GestLab ' + 'très long nom '.repeat(28) + 'fin';
    expect(name.length).toBeGreaterThan(TEXT_LIMITS.application);
    const inventory = path.join(dir, 'inventaire.csv');
    fs.writeFileSync(
      inventory,
      'Direction;Site;Service;Application;Plage de maintenance;Commentaire\n' +
        `DSI;IUSMM;Laboratoire;${name};1er mercredi 2h-4h;\n`,
    );
    const clock = new ManualClock('2026-12-02T03:59:30');
    const { agent } = await startAgent(dir, clock, { inventorySource: inventory });
    expect((await agent.api.getStatus()).inventory).toMatchObject({ state: 'ok', applications: 1 });
    await endWindow(agent, clock);
    const view = await agent.api.getChecklist();
    expect(view?.items.map((i) => i.application.length)).toEqual([TEXT_LIMITS.application]);
    expect(view?.items[0]?.application).toBe(name.slice(0, TEXT_LIMITS.application - 1) + '…');
    await verifyAll(agent);
    const status = await agent.api.getStatus();
    expect(status.pendingChecklist).toBeNull();
    expect(status.pendingReports).toBe(1);
  });
});
