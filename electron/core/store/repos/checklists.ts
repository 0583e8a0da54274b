/**
 * Checklist runs (one per maintenance window verified on this PC) and their item answers. Kept deliberately
 * thin: the checklist service decides what a run contains and when it may change; this only persists it.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { CheckId, CheckResult } from '../../../../shared/ipc/schemas';
import type { Clock } from '../../clock';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export type RunStatus = 'open' | 'submitted';
export type RestartOutcome = 'fixed' | 'not-fixed';

export interface ChecklistRun {
  id: string;
  windowStart: string;
  windowEnd: string;
  site: string;
  services: string[];
  createdAt: string;
  status: RunStatus;
  submittedAt: string | null;
  submittedBy: string | null;
  updatedAt: string;
  /** The outage notice this run verifies (issue 13), or null for a planned window. */
  noticeId: string | null;
}

export interface ChecklistItem {
  runId: string;
  application: string;
  service: string;
  checkId: CheckId;
  result: CheckResult | null;
  comment: string;
  restart: RestartOutcome | null;
  /** Whatever the checklist service chose to remember about whom to call (plain JSON), or null. */
  contact: unknown;
  updatedAt: string;
}

export interface ChecklistRunWithItems extends ChecklistRun {
  /** In creation order. */
  items: ChecklistItem[];
}

export interface NewChecklistRun {
  id?: string;
  windowStart: DateTime;
  windowEnd: DateTime;
  site: string;
  services: string[];
  items: { application: string; service: string; checkId: CheckId }[];
  noticeId?: string | null;
}

interface RunRow {
  id: string;
  window_start: string;
  window_end: string;
  site: string;
  services: string;
  created_at: string;
  status: RunStatus;
  submitted_at: string | null;
  submitted_by: string | null;
  updated_at: string;
  notice_id: string | null;
}

interface ItemRow {
  run_id: string;
  application: string;
  service: string;
  check_id: CheckId;
  result: CheckResult | null;
  comment: string;
  restart: RestartOutcome | null;
  contact_json: string | null;
  updated_at: string;
}

function toRun(r: RunRow): ChecklistRun {
  return {
    id: r.id,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    site: r.site,
    services: JSON.parse(r.services) as string[],
    createdAt: r.created_at,
    status: r.status,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    updatedAt: r.updated_at,
    noticeId: r.notice_id ?? null,
  };
}

function toItem(r: ItemRow): ChecklistItem {
  return {
    runId: r.run_id,
    application: r.application,
    service: r.service,
    checkId: r.check_id,
    result: r.result,
    comment: r.comment,
    restart: r.restart,
    contact: r.contact_json === null ? null : (JSON.parse(r.contact_json) as unknown),
    updatedAt: r.updated_at,
  };
}

/** Item updates only apply to an open run: a submitted checklist is a record, not a draft. */
const OPEN_RUN = "EXISTS (SELECT 1 FROM checklist_runs r WHERE r.id = checklist_items.run_id AND r.status = 'open')";

export class ChecklistRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
    private readonly clock: Clock,
  ) {}

  createRun(run: NewChecklistRun): ChecklistRunWithItems {
    const id = run.id ?? randomUUID();
    const now = toStoreTime(this.clock.now());
    this.writer.run('checklists.createRun', () =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO checklist_runs (id, window_start, window_end, site, services, created_at, status, updated_at,
                                         notice_id)
             VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          )
          .run(
            id,
            toStoreTime(run.windowStart),
            toStoreTime(run.windowEnd),
            run.site,
            JSON.stringify(run.services),
            now,
            now,
            run.noticeId ?? null,
          );
        const item = this.db.prepare(
          `INSERT INTO checklist_items (run_id, application, service, check_id, updated_at) VALUES (?, ?, ?, ?, ?)`,
        );
        for (const i of run.items) item.run(id, i.application, i.service, i.checkId, now);
      })(),
    );
    return this.getRun(id) as ChecklistRunWithItems;
  }

  getRun(id: string): ChecklistRunWithItems | null {
    const row = this.db.prepare('SELECT * FROM checklist_runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) return null;
    const items = this.db.prepare('SELECT * FROM checklist_items WHERE run_id = ? ORDER BY rowid').all(id) as ItemRow[];
    return { ...toRun(row), items: items.map(toItem) };
  }

  /** The run for this exact window, if one was already created (the newest when several). */
  findByWindow(windowStart: DateTime, windowEnd: DateTime): ChecklistRun | null {
    const row = this.db
      .prepare(
        'SELECT * FROM checklist_runs WHERE window_start = ? AND window_end = ? ORDER BY created_at DESC, id LIMIT 1',
      )
      .get(toStoreTime(windowStart), toStoreTime(windowEnd)) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** Newest window first. */
  listRuns(filter: { status?: RunStatus; limit?: number } = {}): ChecklistRun[] {
    const rows = (
      filter.status
        ? this.db
            .prepare('SELECT * FROM checklist_runs WHERE status = ? ORDER BY window_start DESC, id LIMIT ?')
            .all(filter.status, filter.limit ?? -1)
        : this.db.prepare('SELECT * FROM checklist_runs ORDER BY window_start DESC, id LIMIT ?').all(filter.limit ?? -1)
    ) as RunRow[];
    return rows.map(toRun);
  }

  /** Sets (or clears, with null) an answer. False when the item does not exist or the run is submitted. */
  setResult(
    runId: string,
    application: string,
    checkId: CheckId,
    result: CheckResult | null,
    comment?: string,
  ): boolean {
    // Clearing or changing away from "problem" also forgets the restart answer that belonged to it.
    return this.updateItem(
      'checklists.setResult',
      `result = ?, comment = COALESCE(?, comment), restart = CASE WHEN ? = 'problem' THEN restart ELSE NULL END`,
      [result, comment ?? null, result],
      runId,
      application,
      checkId,
    );
  }

  setRestart(runId: string, application: string, checkId: CheckId, restart: RestartOutcome | null): boolean {
    return this.updateItem('checklists.setRestart', 'restart = ?', [restart], runId, application, checkId);
  }

  setContact(runId: string, application: string, checkId: CheckId, contact: unknown): boolean {
    const json = contact === null || contact === undefined ? null : JSON.stringify(contact);
    return this.updateItem('checklists.setContact', 'contact_json = ?', [json], runId, application, checkId);
  }

  /** Closes the run. False when it does not exist or was already submitted (first submission wins). */
  submit(runId: string, submittedBy: string, at: DateTime = this.clock.now()): boolean {
    const when = toStoreTime(at);
    return this.writer.run(
      'checklists.submit',
      () =>
        this.db
          .prepare(
            `UPDATE checklist_runs SET status = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ?
             WHERE id = ? AND status = 'open'`,
          )
          .run(when, submittedBy, when, runId).changes === 1,
    );
  }

  /** One item update (`assignment` takes `values`), only while its run is open; the run's updated_at follows. */
  private updateItem(
    label: string,
    assignment: string,
    values: (string | null)[],
    runId: string,
    application: string,
    checkId: CheckId,
  ): boolean {
    const now = toStoreTime(this.clock.now());
    return this.writer.run(label, () =>
      this.db.transaction(() => {
        const changes = this.db
          .prepare(
            `UPDATE checklist_items SET ${assignment}, updated_at = ?
             WHERE run_id = ? AND application = ? AND check_id = ? AND ${OPEN_RUN}`,
          )
          .run(...values, now, runId, application, checkId).changes;
        if (changes === 1) this.touchRun(runId, now);
        return changes === 1;
      })(),
    );
  }

  private touchRun(runId: string, now: string): void {
    this.db.prepare('UPDATE checklist_runs SET updated_at = ? WHERE id = ?').run(now, runId);
  }
}
