/** The verification checklist (main window): #/checklist (the pending run) or #/checklist/<runId>. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckId } from '../../../shared/ipc/schemas';
import type { ChecklistView } from '../../../shared/ipc/views';
import { AlertRegion, Loading } from '../components/Feedback';
import { useChecklist } from '../hooks/useChecklist';
import { routeHref } from '../hooks/useRoute';
import { clockText, dayText, windowText } from '../format';
import { useT } from '../i18n';
import { AppCard } from './AppCard';
import { SubmitForm } from './SubmitForm';

export function ChecklistPage({ runId }: { runId: string | null }) {
  const { t, tn, lang } = useT();
  const state = useChecklist(runId);
  const { view, loading, failure, dismiss, submit } = state;
  const [justSent, setJustSent] = useState(false);
  const send = useCallback(
    async (initials: string) => {
      const ok = await submit(initials);
      setJustSent(ok);
      return ok;
    },
    [submit],
  );

  if (loading && !view) return <Loading />;
  if (!view) {
    return (
      <>
        <AlertRegion failure={failure} onDismiss={dismiss} />
        <h1>{t('checklist.none.title')}</h1>
        <p data-testid="checklist-none">{t('checklist.none.body')}</p>
        <p>
          <a href={routeHref({ name: 'status' })}>{t('checklist.none.link')}</a>
        </p>
      </>
    );
  }

  const readOnly = view.status === 'submitted';
  const checks = view.items.flatMap((i) => i.checks);
  const answered = checks.filter((c) => c.result !== null).length;
  // One column per kind of check the run has ("starts", "transfers"), in the order the core gives them.
  const columns = [...new Set<CheckId>(checks.map((c) => c.id))];
  return (
    <div className="checklist" data-testid="checklist" data-run={view.runId} data-saving={state.pending > 0}>
      <AlertRegion failure={failure} onDismiss={dismiss} />
      <div className="page-intro">
        <h1 data-testid="checklist-title">
          {t('checklist.title', { window: windowText(view.windowStart, view.windowEnd, lang) })}
        </h1>
        <p className="meta">
          {t('checklist.site', { site: view.site })} · {t('checklist.services', { services: view.services.join(', ') })}
        </p>
      </div>
      {readOnly ? <Submitted view={view} takeFocus={justSent} /> : <p>{t('checklist.intro')}</p>}
      <div className="card checklist-rows">
        {/* The rows' column headers, for the eye; each radio group's legend says the same to screen readers. */}
        <div className={`checklist-head columns-${columns.length}`} aria-hidden="true">
          <span>{t('checklist.column.application')}</span>
          {columns.map((id) => (
            <span key={id}>{t(`check.${id}`)}</span>
          ))}
        </div>
        {view.items.map((item, index) => (
          <AppCard
            key={`${index}-${item.application}`}
            runId={view.runId}
            item={item}
            index={index}
            columns={columns}
            readOnly={readOnly}
            actions={state}
          />
        ))}
      </div>
      {!readOnly && (
        <SubmitForm
          view={view}
          onSubmit={send}
          progress={tn('checklist.progress', answered, { answered, total: checks.length })}
        />
      )}
    </div>
  );
}

/** The confirmation; it takes the keyboard focus when the run has just been sent from this page. */
function Submitted({ view, takeFocus }: { view: ChecklistView; takeFocus: boolean }) {
  const { t, lang } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  const when = view.submittedAt;
  return (
    <div className="callout tone-ok confirmation" role="status" data-testid="checklist-submitted">
      <h2 ref={heading} tabIndex={-1}>
        {t('submit.done.title')}
      </h2>
      {when && (
        <p>
          {t('submit.done.body', {
            by: view.submittedBy ?? '—',
            date: dayText(when, lang),
            time: clockText(when, lang),
          })}
        </p>
      )}
      <p>{t('submit.done.readOnly')}</p>
    </div>
  );
}
