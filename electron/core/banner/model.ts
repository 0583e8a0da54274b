/**
 * The banner model (issue 12, "An alert nobody misses"; docs/architecture.md, "The banner"). Stateless between
 * calls: the banner due now is the earliest-started candidate in progress (any source) that was not acknowledged on
 * this workstation; the acknowledgements live in SQLite (migration 005). So a restart, a sign-in, an unlock or a
 * wake finds the same answer, and a window that ended while nobody was there has none.
 */
import { DateTime } from 'luxon';
import type { Lang } from '../../../shared/i18n/format';
import type { AcknowledgeBannerInput } from '../../../shared/ipc/schemas';
import type { BannerView } from '../../../shared/ipc/views';
import { CoreError } from '../api/errors';
import { messages } from '../checklist/messages';
import type { Clock } from '../clock';
import type { Acknowledgement, Logger, Store } from '../store';
import type { BannerCandidate, BannerSource } from './types';

export interface BannerModelDeps {
  clock: Clock;
  sources: readonly BannerSource[];
  store: Pick<Store, 'acknowledgements'>;
  /** This PC's hostname, recorded with each acknowledgement. */
  workstation: string;
  language: () => Lang;
  log: Logger;
}

function iso(dt: DateTime, zone: string): string {
  return dt.setZone(zone).toISO({ suppressMilliseconds: true }) as string;
}

/** What acknowledgeBanner names: opaque to the renderer, stable for one window or notice. */
function keyOf(c: BannerCandidate): string {
  return `${c.reason}|${c.noticeId ?? ''}|${c.start.toMillis()}|${c.end.toMillis()}`;
}

export class BannerModel {
  constructor(private readonly deps: BannerModelDeps) {}

  /** The banner to show now, or null (nothing in progress, or all of it acknowledged here). */
  current(): BannerView | null {
    const now = this.deps.clock.now();
    for (const candidate of this.candidates(now)) {
      if (this.acknowledgementOf(candidate) === null) return this.view(candidate, null);
    }
    return null;
  }

  /**
   * "J'ai pris connaissance": records it (the first one stays: a double click changes nothing) and returns the
   * acknowledged view. Refused with a clear message when `key` is not a banner in progress now.
   */
  acknowledge(input: AcknowledgeBannerInput): BannerView {
    const { clock, store, workstation } = this.deps;
    const now = clock.now();
    const candidate = this.candidates(now).find((c) => keyOf(c) === input.key);
    if (!candidate) throw new CoreError('not-found', messages(this.deps.language()).bannerGone);
    const initials = input.initials.trim().slice(0, 60);
    if (store.acknowledgements.record(this.ackKey(candidate), { at: now, workstation, initials })) {
      this.deps.log.info('banner: acknowledged', { key: input.key, workstation });
    }
    return this.view(candidate, this.acknowledgementOf(candidate));
  }

  /** In progress at `now`, earliest start first (then earliest end, then key): one order for every caller. */
  private candidates(now: DateTime): BannerCandidate[] {
    const t = now.toMillis();
    const all: BannerCandidate[] = [];
    for (const source of this.deps.sources) {
      try {
        for (const c of source(now)) if (c.start.toMillis() <= t && t < c.end.toMillis()) all.push(c);
      } catch (error) {
        this.deps.log.error('banner: source failed', { error: String(error) });
      }
    }
    return all.sort(
      (a, b) =>
        a.start.toMillis() - b.start.toMillis() ||
        a.end.toMillis() - b.end.toMillis() ||
        keyOf(a).localeCompare(keyOf(b)),
    );
  }

  private ackKey(c: BannerCandidate) {
    return { windowStart: c.start, windowEnd: c.end, site: c.site, noticeId: c.noticeId };
  }

  private acknowledgementOf(c: BannerCandidate): Acknowledgement | null {
    return this.deps.store.acknowledgements.find(this.ackKey(c));
  }

  private view(c: BannerCandidate, ack: Acknowledgement | null): BannerView {
    const zone = this.deps.clock.zone;
    return {
      key: keyOf(c),
      reason: c.reason,
      windowStart: iso(c.start, zone),
      windowEnd: c.openEnded === true ? '' : iso(c.end, zone),
      applications: [...c.applications],
      services: [...c.services],
      continuityPlanUrl: c.continuityPlanUrl,
      message: c.message,
      acknowledged: ack ? { at: ackInstant(ack.at, zone), workstation: ack.workstation, initials: ack.initials } : null,
    };
  }
}

/** A store time (UTC) as the ward reads it, with its offset. */
function ackInstant(storeTime: string, zone: string): string {
  return iso(DateTime.fromISO(storeTime, { zone: 'utc' }), zone);
}
