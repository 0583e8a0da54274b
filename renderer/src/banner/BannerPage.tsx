/**
 * The banner (issue 12, "An alert nobody misses"): what is down, until when, the continuity plan, and one button,
 * "J'ai pris connaissance", with optional initials (ward PCs are shared). It lives in a 380×220 window that never
 * took the keyboard (docs/architecture.md, "The banner window"), so it is one compact alert dialog: a screen reader
 * announces its title and text as soon as it appears; Tab reaches the plan, the initials and the button, and Enter
 * in the initials field acknowledges.
 */
import { useState, type FormEvent } from 'react';
import type { BannerView } from '../../../shared/ipc/views';
import { formatTime } from '../../../shared/i18n/format';
import { AlertRegion, Loading, Notice } from '../components/Feedback';
import type { Failure } from '../hooks/failure';
import { at, dayText } from '../format';
import { useBanner } from '../hooks/useBanner';
import { useOpenLinkInto } from '../hooks/useOpenLink';
import { useT, type Translator } from '../i18n';

export function BannerPage() {
  const { t } = useT();
  const { view, loading, failure, acknowledge, setFailure } = useBanner();
  const [done, setDone] = useState(false);
  if (done) return <Notice testId="banner-done">{t('banner.done')}</Notice>;
  if (loading) return <Loading />;
  return (
    <>
      <AlertRegion failure={failure} />
      {view ? (
        <Banner view={view} onAcknowledge={acknowledge} onDone={() => setDone(true)} setFailure={setFailure} />
      ) : (
        !failure && <Notice testId="banner-none">{t('banner.none')}</Notice>
      )}
    </>
  );
}

/** "jusqu'à 4 h", "jusqu'à nouvel ordre" for a notice with no end yet, or "jusqu'au jeudi 3 décembre, 4 h" when the window ends another day than it began. */
function untilText(view: BannerView, { t, lang }: Translator): string {
  // A notice IT published without an end (electron/core/banner/notices.ts).
  if (view.windowEnd === '') return t('banner.untilFurther');
  const start = at(view.windowStart);
  const end = at(view.windowEnd);
  if (!end.isValid) return t('banner.until', { time: view.windowEnd });
  const time = formatTime(end, lang);
  return start.isValid && start.hasSame(end, 'day')
    ? t('banner.until', { time })
    : t('banner.untilDay', { date: dayText(view.windowEnd, lang), time });
}

interface BannerProps {
  view: BannerView;
  onAcknowledge: (initials: string) => Promise<boolean>;
  onDone: () => void;
  setFailure: (failure: Failure) => void;
}

function Banner({ view, onAcknowledge, onDone, setFailure }: BannerProps) {
  const translator = useT();
  const { t } = translator;
  const [initials, setInitials] = useState('');
  const [sending, setSending] = useState(false);
  const openLink = useOpenLinkInto(setFailure);
  const plan = view.continuityPlanUrl;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const stored = await onAcknowledge(initials.trim());
    setSending(false);
    if (stored) onDone();
  };

  return (
    <section
      role="alertdialog"
      aria-labelledby="banner-title"
      aria-describedby="banner-body"
      className={`banner banner-${view.reason}`}
      data-testid="banner"
    >
      <h1 id="banner-title" className="banner-title">
        {t(view.reason === 'notice' ? 'banner.title.notice' : 'banner.title.window')}{' '}
        <span data-testid="banner-until">{untilText(view, translator)}</span>
      </h1>
      <div id="banner-body" className="banner-body">
        {view.message && (
          <p className="banner-message" data-testid="banner-message">
            {view.message}
          </p>
        )}
        {view.applications.length > 0 && (
          <p data-testid="banner-applications">{t('banner.down', { applications: view.applications.join(', ') })}</p>
        )}
      </div>
      {plan &&
        (plan.startsWith('https://') ? (
          <p className="banner-plan">
            <a
              href={plan}
              data-testid="banner-plan"
              onClick={(event) => {
                event.preventDefault();
                openLink(plan);
              }}
            >
              {t('banner.plan')}
            </a>
          </p>
        ) : (
          <p className="banner-plan" data-testid="banner-plan-path">
            {t('banner.planPath', { path: plan })}
          </p>
        ))}
      <form className="banner-form" noValidate onSubmit={(e) => void submit(e)} data-testid="banner-form">
        <label htmlFor="banner-initials">{t('banner.initials')}</label>
        <input
          id="banner-initials"
          className="input banner-initials"
          type="text"
          autoComplete="off"
          maxLength={60}
          value={initials}
          data-testid="banner-initials"
          onChange={(e) => setInitials(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={sending} data-testid="banner-acknowledge">
          {t('banner.acknowledge')}
        </button>
      </form>
    </section>
  );
}
