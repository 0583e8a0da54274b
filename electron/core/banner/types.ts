/**
 * Where banners come from (docs/architecture.md, "The banner"). A source says what is in progress now for this
 * workstation; the model (model.ts) picks the one to show and remembers acknowledgements. Planned windows are one
 * source (windows.ts); unplanned-outage notices plug in as another, with reason 'notice', their id and IT's text.
 */
import type { DateTime } from 'luxon';

export interface BannerCandidate {
  reason: 'window' | 'notice';
  /**
   * null for a planned window; a notice's id (part of the acknowledgement's key, so keep it stable, and short: at
   * most 200 characters, the bridge refuses keys over 600).
   */
  noticeId: string | null;
  /** The site of this workstation's profile (part of the acknowledgement's key). */
  site: string;
  /** The banner is due from `start` (inclusive) to `end` (exclusive), unless acknowledged on this workstation. */
  start: DateTime;
  end: DateTime;
  services: string[];
  applications: string[];
  continuityPlanUrl: string | null;
  /** A notice's text for the ward; null for a planned window. */
  message: string | null;
  /**
   * A notice published without an end (electron/core/banner/notices.ts): `end` is then only a bound, and the view's
   * `windowEnd` is '' (the banner says "until further notice"), the convention the toasts use for such a notice.
   */
  openEnded?: boolean;
}

/**
 * The candidates in progress at `now` (start ≤ now < end); [] when none. Called at every tick: keep it cheap and
 * bounded. A source that throws is logged and skipped (the others still show).
 */
export type BannerSource = (now: DateTime) => BannerCandidate[];
