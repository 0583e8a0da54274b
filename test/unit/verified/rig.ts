/**
 * The real scheduler harness (ManualClock, SQLite in a temp folder) plus the real share reader on a temp reports
 * folder, its file operations counted through the reader's fs seam; reports are put there by the real ReportWriter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ReportWriter } from '../../../electron/core/reports/writer';
import type { Logger } from '../../../electron/core/store';
import { VerifiedWatcher } from '../../../electron/core/verified/watcher';
import { dueHere } from '../../../electron/core/verified/wiring';
import { nodeWindowFolderFs, type WindowFolderFs } from '../../../electron/core/verified/window-folder';
import type { VerificationReport } from '../../../shared/reports/types';
import { Harness, ZONE, type HarnessOptions } from '../scheduler/harness';
import { sampleReport } from '../reports/helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every call the reader made on the share. */
export class CountingFs implements WindowFolderFs {
  readonly listed: string[] = [];
  readonly reads: string[] = [];
  async list(dir: string) {
    this.listed.push(dir);
    return nodeWindowFolderFs.list(dir);
  }
  async read(file: string, maxBytes: number) {
    this.reads.push(path.basename(file));
    return nodeWindowFolderFs.read(file, maxBytes);
  }
}

export class VerifiedRig extends Harness {
  readonly share = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-share-'));
  readonly fsSeam = new CountingFs();
  readonly warnings: { message: string; data?: Record<string, unknown> }[] = [];
  watcher!: VerifiedWatcher;

  constructor(start: string, options: HarnessOptions = {}) {
    super(start, options);
    dirs.push(this.share);
    this.watch();
  }

  /** The agent's reader, on this harness's store and scheduler (the agent wires it the same way). */
  private watch(): void {
    const log: Logger = {
      info: () => undefined,
      warn: (message, data) => this.warnings.push({ message, data }),
      error: (message, data) => this.warnings.push({ message, data }),
    };
    this.watcher = new VerifiedWatcher({
      store: this.store,
      clock: this.clock,
      folder: () => this.share,
      me: { workstation: 'PC-CHAMBRE-2', userAccount: 'soins.4e' },
      due: dueHere(this.store, this.scheduler, this.clock.zone),
      fs: this.fsSeam,
      log,
    });
  }

  override restart(options: { flush?: boolean } = {}): void {
    super.restart(options);
    this.watch();
  }

  /** A report another workstation put on the share, in the writer's own layout. */
  async put(overrides: Partial<VerificationReport> = {}): Promise<string> {
    const outcome = await new ReportWriter({ zone: ZONE }).write(
      this.share,
      sampleReport({ workstation: 'PC-LAB-1', initials: 'MT', submittedAt: '2026-12-02T04:30:00-05:00', ...overrides }),
    );
    return outcome.path;
  }

  /** What the agent does at each tick: the share first (when due), then the scheduler. */
  async step(iso: string): Promise<void> {
    this.at(iso);
    await this.watcher.refresh();
    this.tick();
  }

  /** Agent-like ticks every 30 s up to `iso` (inclusive). */
  async stepTo(iso: string): Promise<void> {
    const target = new Date(iso.length === 19 ? `${iso}-05:00` : iso).getTime();
    for (let t = this.clock.now().plus({ seconds: 30 }); t.toMillis() <= target; t = t.plus({ seconds: 30 })) {
      this.clock.set(t);
      await this.watcher.refresh();
      this.tick();
    }
  }

  trayPending(): boolean {
    return this.checklists.pendingRun() !== null;
  }
}
