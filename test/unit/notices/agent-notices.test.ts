/**
 * Outage notices on the real core (issue 13): the composed agent (real SQLite in a temp folder, embedded inventory,
 * IT's policy with `noticesSource` and `reportsFolder` on temp folders), a ManualClock, notices published by the
 * real `notice publish` / `notice end` commands into a real folder, and the watcher's reads counted through its fs
 * seam.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { BannerView } from '../../../shared/ipc/views';
import { createAgent, type Agent } from '../../../electron/core/agent';
import type { WindowKind } from '../../../electron/core/agent-types';
import { ManualClock } from '../../../electron/core/clock';
import { nodeNoticeFs, type NoticeFs } from '../../../electron/core/notices/folder';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { silentLogger, type Logger } from '../../../electron/core/store';
import { VerificationReportSchema } from '../../../shared/reports/types';
import { captureCli } from '../run-cli';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const dirs: string[] = [];
const running: Agent[] = [];

afterEach(async () => {
  for (const agent of running.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(name: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `vigie-${name}-`));
  dirs.push(d);
  return d;
}

class Rig {
  readonly dir = tempDir('notices-agent');
  readonly avis = tempDir('avis');
  readonly reports = tempDir('rapports');
  readonly clock: ManualClock;
  readonly notifier: RecordingNotifier;
  readonly opened: WindowKind[] = [];
  readonly reads: string[] = [];
  /** Every onBanner call (the banner window the shell would show; null = closed). */
  readonly banners: (BannerView | null)[] = [];
  agent!: Agent;

  constructor(
    start: string,
    private readonly extraPolicy: Record<string, unknown> = {},
    private readonly log: Logger = silentLogger,
  ) {
    this.clock = new ManualClock(start);
    this.notifier = new RecordingNotifier(this.clock);
  }

  async start(): Promise<Agent> {
    const fsSeam: NoticeFs = {
      ...nodeNoticeFs,
      readHead: (file, max) => {
        this.reads.push(path.basename(file));
        return nodeNoticeFs.readHead(file, max);
      },
    };
    const agent = createAgent({
      userDataDir: this.dir,
      assetsDir: ASSETS,
      hostname: 'POSTE-TEST-01',
      clock: this.clock,
      notifier: this.notifier,
      log: this.log,
      readPolicy: async () => ({
        site: 'IUSMM',
        services: ['Laboratoire'],
        noticesSource: this.avis,
        reportsFolder: this.reports,
        ...this.extraPolicy,
      }),
      sync: { wait: async () => undefined, random: () => 0 },
      notices: { fs: fsSeam, random: () => 0 },
      onBanner: (view) => this.banners.push(view),
    });
    running.push(agent);
    agent.onOpenWindow((w) => this.opened.push(w));
    await agent.start();
    await agent.tick();
    this.agent = agent;
    return agent;
  }

  async restart(): Promise<Agent> {
    await this.agent.stop();
    running.splice(running.indexOf(this.agent), 1);
    return this.start();
  }

  /** Ticks every 30 s of virtual time up to `iso` (an awake PC). */
  async runTo(iso: string): Promise<void> {
    const target = new ManualClock(iso).now().toMillis();
    for (let t = this.clock.now(); t.toMillis() <= target; t = t.plus({ seconds: 30 })) {
      this.clock.set(t);
      await this.agent.tick();
    }
  }

  async cli(argv: string[]): Promise<Record<string, string>> {
    const r = await captureCli(['notice', ...argv, '--dir', this.avis, '--json'], { clock: this.clock });
    expect(r.err).toBe('');
    return JSON.parse(r.out) as Record<string, string>;
  }

  summary(): string[] {
    return this.notifier.shown.map((n) => `${n.kind}@${n.at.slice(11, 16)}`);
  }
}

/** IT publishes: GestLab of IUSMM Laboratoire is down until 16 h on 3 December (`notice publish`). */
const GESTLAB_DOWN_UNTIL_16H = [
  'publish',
  '--site',
  'IUSMM',
  '--service',
  'Laboratoire',
  '--application',
  'GestLab',
  '--message',
  'Serveur en panne.',
  '--until',
  '2026-12-03T16:00',
];

describe('outage notices on the real core', () => {
  it('toast and "en cours" at once, "rétabli" at until, then the checklist whose report says reason "notice"', async () => {
    const rig = new Rig('2026-12-03T14:00:00');
    const agent = await rig.start();
    const before = (await agent.api.getStatus()).upcoming;
    expect(agent.tray().state).toBe('idle');
    await rig.runTo('2026-12-03T14:05:00');
    const { id } = await rig.cli(GESTLAB_DOWN_UNTIL_16H);
    await rig.runTo('2026-12-03T14:06:30');
    expect(rig.summary()).toEqual(['notice@14:06']);
    const toast = rig.notifier.shown[0];
    expect(toast).toMatchObject({
      title: 'GestLab indisponible — panne en cours',
      body: 'Appliquez votre plan de continuité. Serveur en panne.',
      noticeId: id,
    });
    expect(agent.tray().state).toBe('in-progress');
    expect(agent.tray().tooltip).toBe("Vigie — panne en cours jusqu'à 16 h : GestLab");
    expect(agent.activeNotices()).toEqual([
      {
        id,
        site: 'IUSMM',
        services: ['Laboratoire'],
        applications: ['GestLab'],
        message: 'Serveur en panne.',
        from: '2026-12-03T14:05:00-05:00',
        until: '2026-12-03T16:00:00-05:00',
      },
    ]);
    // A notice never changes the planned windows.
    expect((await agent.api.getStatus()).upcoming).toEqual(before);

    // A restart mid-outage repeats nothing (flags in SQLite) and the tray is still "en cours".
    await rig.restart();
    await rig.runTo('2026-12-03T15:59:30');
    expect(rig.summary()).toEqual(['notice@14:06']);
    expect(rig.agent.tray().state).toBe('in-progress');
    // One read of the notice file for two hours of scans (a restart reads it again, once).
    expect(rig.reads).toHaveLength(2);

    await rig.runTo('2026-12-03T16:00:30');
    expect(rig.summary()).toEqual(['notice@14:06', 'notice-end@16:00', 'checklist@16:00']);
    expect(rig.notifier.shown[1]).toMatchObject({ title: 'GestLab est rétabli', noticeId: id });
    expect(rig.opened).toContain('checklist');
    expect(rig.agent.tray().state).toBe('verification-due');
    expect(rig.agent.activeNotices()).toEqual([]);

    const view = await rig.agent.api.getChecklist();
    expect(view?.items.map((i) => i.application)).toEqual(['GestLab']);
    for (const item of view?.items ?? []) {
      for (const check of item.checks) {
        await rig.agent.api.setCheck({
          runId: view?.runId as string,
          application: item.application,
          check: check.id,
          result: 'ok',
        });
      }
    }
    await rig.agent.api.submitChecklist({ runId: view?.runId as string, initials: 'MT' });
    await rig.agent.tick();
    const files = fs
      .readdirSync(rig.reports, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const report = VerificationReportSchema.parse(
      JSON.parse(fs.readFileSync(path.join(rig.reports, files[0] as string), 'utf8')),
    );
    expect(report).toMatchObject({
      reason: 'notice',
      noticeId: id,
      window: { start: '2026-12-03T14:05:00-05:00', end: '2026-12-03T16:00:00-05:00' },
      items: [{ application: 'GestLab', service: 'Laboratoire' }],
    });
  });

  it('`notice end` ends an open-ended outage at the next scan; notices for other sites or services do nothing', async () => {
    const rig = new Rig('2026-12-03T14:00:00');
    const agent = await rig.start();
    await rig.cli(['publish', '--site', 'HMR', '--message', 'Autre site']);
    await rig.cli(['publish', '--site', 'IUSMM', '--service', 'Pharmacie', '--message', 'Autre service']);
    await rig.cli(['publish', '--site', 'IUSMM', '--application', 'Inconnue', '--message', 'Autre application']);
    await rig.runTo('2026-12-03T14:10:00');
    expect(rig.summary()).toEqual([]);
    expect(agent.tray().state).toBe('idle');
    expect(agent.activeNotices()).toEqual([]);

    const { id } = await rig.cli(['publish', '--site', 'iusmm', '--message', 'Réseau du labo en panne']);
    await rig.runTo('2026-12-03T14:12:00');
    expect(rig.summary()).toEqual(['notice@14:11']);
    expect(rig.notifier.shown[0]?.title).toBe(
      'Cobas IT, Cortex Omnitech, GestLab et Unity Real Time IUSMM indisponibles — panne en cours',
    );
    expect(agent.tray().tooltip).toContain('Vigie — panne en cours : ');
    await rig.runTo('2026-12-03T15:00:00');
    expect(agent.tray().state).toBe('in-progress');

    await rig.cli(['end', '--id', id as string]);
    await rig.runTo('2026-12-03T15:02:00');
    expect(rig.summary()).toEqual(['notice@14:11', 'notice-end@15:01', 'checklist@15:01']);
    expect(rig.notifier.shown[1]?.title).toBe(
      'Cobas IT, Cortex Omnitech, GestLab et Unity Real Time IUSMM sont rétablis',
    );
    const run = await agent.api.getChecklist();
    expect(run?.items.map((i) => i.application).sort()).toEqual([
      'Cobas IT',
      'Cortex Omnitech',
      'GestLab',
      'Unity Real Time IUSMM',
    ]);
  });

  it('a PC off for the whole outage: no stale "panne en cours", "rétabli" and the checklist once; in English too', async () => {
    const rig = new Rig('2026-12-03T14:00:00', { language: 'en' });
    await rig.start();
    await rig.agent.stop();
    running.splice(running.indexOf(rig.agent), 1);
    rig.clock.set('2026-12-03T14:05:00');
    await rig.cli([
      'publish',
      '--site',
      'IUSMM',
      '--application',
      'GestLab',
      '--message',
      'Server down.',
      '--until',
      '2026-12-03T15:00',
    ]);
    rig.clock.set('2026-12-03T16:30:00');
    await rig.start();
    expect(rig.summary()).toEqual(['notice-end@16:30', 'checklist@16:30']);
    expect(rig.notifier.shown.map((n) => n.title)).toEqual(['GestLab is back', 'Verification due']);
    await rig.restart();
    await rig.runTo('2026-12-03T16:35:00');
    expect(rig.summary()).toEqual(['notice-end@16:30', 'checklist@16:30']);
    expect(rig.agent.tray().state).toBe('verification-due');
  });

  it('a malformed notice file or one that targets nothing is ignored with a reason logged once; the agent goes on', async () => {
    const warnings: { message: string; data?: Record<string, unknown> }[] = [];
    const log: Logger = { ...silentLogger, warn: (message, data) => warnings.push({ message, data }) };
    const rig = new Rig('2026-12-03T14:00:00', {}, log);
    const agent = await rig.start();
    const { id } = await rig.cli([
      'publish',
      '--site',
      'IUSMM',
      '--application',
      'GestLabb',
      '--message',
      'Faute de frappe',
    ]);
    fs.writeFileSync(path.join(rig.avis, 'avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json'), '{"format":"vigie-notice"');
    await rig.runTo('2026-12-03T14:30:00');
    expect(rig.reads.filter((f) => f.startsWith('avis-0b7e'))).toEqual([
      'avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json',
    ]);
    expect(rig.summary()).toEqual([]);
    const ignored = warnings.filter((w) => w.message.startsWith('notices:'));
    expect(ignored).toEqual([
      {
        message: 'notices: file ignored',
        data: { file: 'avis-0b7e4a52-6c1e-4f43-9d7a-2f8c7e0d9a11.json', reason: 'JSON illisible' },
      },
      {
        message: 'notices: notice ignored',
        data: {
          id,
          reason: "l'avis ne vise aucune application de l'inventaire (site, service ou application inconnus)",
        },
      },
    ]);
    expect(agent.tray().state).toBe('idle');
  });
});

describe('outage notices on the banner (issue 12 banner, issue 13 notices)', () => {
  it("a notice in force opens the banner with IT's message until its end; acknowledged, it closes and stays closed", async () => {
    const rig = new Rig('2026-12-03T14:00:00');
    await rig.start();
    expect(rig.banners.filter((b) => b !== null)).toEqual([]);
    const { id } = await rig.cli(GESTLAB_DOWN_UNTIL_16H);
    // The tick whose folder scan brings the notice shows its toast and its banner together ("at once").
    for (let t = rig.clock.now(); rig.notifier.shown.length === 0; t = t.plus({ seconds: 30 })) {
      expect(t.toISO()! < '2026-12-03T14:05').toBe(true);
      rig.clock.set(t);
      await rig.agent.tick();
    }
    expect(rig.notifier.shown.map((n) => n.kind)).toEqual(['notice']);
    const shown = rig.banners.at(-1);
    expect(shown).toMatchObject({
      reason: 'notice',
      message: 'Serveur en panne.',
      applications: ['GestLab'],
      services: ['Laboratoire'],
      windowEnd: '2026-12-03T16:00:00-05:00',
    });
    expect(await rig.agent.api.getBanner()).toMatchObject({ reason: 'notice', key: shown?.key });
    await rig.agent.api.acknowledgeBanner({ key: shown?.key ?? '', initials: 'MT' });
    expect(rig.banners.at(-1)).toBeNull();
    await rig.runTo('2026-12-03T14:10:00');
    expect(rig.banners.at(-1)).toBeNull();
    expect(await rig.agent.api.getBanner()).toBeNull();
    expect(
      rig.agent.services()?.store.acknowledgements.find({
        windowStart: '2026-12-03T14:00:00-05:00',
        windowEnd: '2026-12-03T16:00:00-05:00',
        site: 'IUSMM',
        noticeId: id ?? null,
      }),
    ).toMatchObject({ initials: 'MT', workstation: 'POSTE-TEST-01' });
  });

  it('a notice with no end says "until further notice" (windowEnd empty) and closes when IT ends it', async () => {
    const rig = new Rig('2026-12-03T14:00:00');
    await rig.start();
    const { id } = await rig.cli([
      'publish',
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--message',
      'Réseau coupé.',
    ]);
    await rig.runTo('2026-12-03T14:01:30');
    expect(rig.banners.at(-1)).toMatchObject({ reason: 'notice', windowEnd: '', message: 'Réseau coupé.' });
    await rig.cli(['end', '--id', id ?? '', '--at', '2026-12-03T14:30']);
    await rig.runTo('2026-12-03T14:32:00');
    expect(rig.banners.at(-1)).toBeNull();
  });

  it('a notice for another service of the site opens no banner', async () => {
    const rig = new Rig('2026-12-03T14:00:00');
    await rig.start();
    await rig.cli(['publish', '--site', 'IUSMM', '--service', 'Pharmacie', '--message', 'Serveur en panne.']);
    await rig.runTo('2026-12-03T14:03:00');
    expect(rig.banners.filter((b) => b !== null)).toEqual([]);
  });
});
