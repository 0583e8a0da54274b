/**
 * Step 2 of a problem: whom to contact *now* and what to tell them, as decided by the core's escalation rules.
 * While the window is still in progress the answer is "retry after the end", and no contact is shown so nobody
 * calls the desk for a server that is simply still rebooting.
 */
import { useState } from 'react';
import type { Failure } from '../hooks/failure';
import { useGuidance } from '../hooks/useGuidance';
import { useOpenLinkInto } from '../hooks/useOpenLink';
import { AlertRegion, Loading } from '../components/Feedback';
import { clockText } from '../format';
import { useT } from '../i18n';

export function GuidancePanel({ runId, application }: { runId: string; application: string }) {
  const { t, lang } = useT();
  const { guidance, loading, failure, refresh } = useGuidance(runId, application);
  const [linkFailure, setLinkFailure] = useState<Failure>(null);
  const openLink = useOpenLinkInto(setLinkFailure);

  if (loading && !guidance) return <Loading />;
  const escalation = guidance?.escalation;
  const contact = escalation?.contact ?? null;
  const advice = escalation?.advice.filter((a) => a.code !== 'restart-first') ?? [];
  return (
    <div className="guidance-help" data-testid="guidance-help">
      <AlertRegion failure={failure ?? linkFailure} onDismiss={() => setLinkFailure(null)} />
      {escalation && escalation.retryAfter ? (
        <p className="callout callout-large tone-warn" data-testid="guidance-retry">
          {t('guidance.retry', { time: clockText(escalation.retryAfter, lang) })}
        </p>
      ) : escalation && contact ? (
        <div className="contact-card" data-testid="guidance-contact">
          <p className="contact-label">{t('guidance.contactNow')}</p>
          <p className="contact-name" data-testid="guidance-contact-name">
            {contact.name}
          </p>
          {contact.phone && (
            <p className="contact-phone" data-testid="guidance-contact-phone">
              {t('guidance.phone', { phone: contact.phone })}
            </p>
          )}
          {contact.url && (
            <button
              type="button"
              className="button button-primary"
              data-testid="guidance-open-form"
              onClick={() => contact.url && openLink(contact.url)}
            >
              {t('guidance.openForm', { name: contact.name })}
            </button>
          )}
          {contact.note && <p className="contact-note">{contact.note}</p>}
          <p className="hint">{t('guidance.why', { rule: escalation.rule.description })}</p>
        </div>
      ) : (
        escalation && (
          <p className="callout tone-info" data-testid="guidance-usual">
            {t('guidance.usual')}
          </p>
        )
      )}
      {advice.length > 0 && (
        <>
          <p className="subheading">{t('guidance.advice')}</p>
          <ul className="advice" data-testid="guidance-advice">
            {advice.map((a) => (
              <li key={a.code + a.text}>{a.text}</li>
            ))}
          </ul>
        </>
      )}
      {guidance && guidance.script && !escalation?.retryAfter && (
        <>
          <p className="subheading">{t('guidance.script')}</p>
          <blockquote className="script" data-testid="guidance-script">
            {guidance.script}
          </blockquote>
        </>
      )}
      <button type="button" className="button button-quiet" onClick={refresh}>
        {t('guidance.refresh')}
      </button>
    </div>
  );
}
