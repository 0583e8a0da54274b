/**
 * "Vérification faite par PC-LAB-1 (MT) à 4 h 30" (issue 12, docs/verified-elsewhere.md): a window another
 * workstation or user already verified. Its answers can be looked at (read-only), and "Vérifier quand même" makes
 * the checklist this workstation's again and opens it.
 */
import { useState } from 'react';
import type { VerifiedElsewhereView } from '../../../shared/ipc/views';
import { verifiedByText } from '../../../shared/i18n/verified';
import { bridge } from '../api';
import { routeHref } from '../hooks/useRoute';
import { at, windowText } from '../format';
import { useT } from '../i18n';

function ResultText({ check }: { check: VerifiedElsewhereView['items'][number]['checks'][number] }) {
  const { t } = useT();
  const restart =
    check.result === 'problem' && check.restart
      ? ` (${t(check.restart === 'fixed' ? 'verified.restartFixed' : 'verified.restartNotFixed')})`
      : '';
  return <>{`${t(`result.${check.result ?? 'none'}`)}${restart}`}</>;
}

function VerifiedWindow({ v, now }: { v: VerifiedElsewhereView; now: string }) {
  const { t, lang, error } = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const window = windowText(v.windowStart, v.windowEnd, lang);
  const by = verifiedByText({ workstation: v.workstation, initials: v.initials, at: at(v.submittedAt) }, at(now), lang);
  const verifyAgain = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await bridge().verifyAgain(v.runId);
      location.hash = routeHref({ name: 'checklist', runId: v.runId });
    } catch (e) {
      setFailure(error(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="callout tone-ok" data-testid="verified-elsewhere" aria-labelledby={`verified-${v.runId}`}>
      <h3 id={`verified-${v.runId}`}>{t('verified.title', { window })}</h3>
      <p className="strong" data-testid="verified-by">
        {by}
      </p>
      <p>{t('verified.nothing')}</p>
      <details data-testid="verified-details">
        <summary>{t('verified.view')}</summary>
        <div className="table-wrap">
          <table>
            <caption>{t('verified.caption', { workstation: v.workstation })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('verified.col.application')}</th>
                <th scope="col">{t('verified.col.check')}</th>
                <th scope="col">{t('verified.col.result')}</th>
                <th scope="col">{t('verified.col.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {v.items.flatMap((item) =>
                item.checks.map((check) => (
                  <tr key={`${item.application}|${check.id}`}>
                    <th scope="row">{item.application}</th>
                    <td>{t(`check.${check.id}`)}</td>
                    <td>
                      <ResultText check={check} />
                    </td>
                    <td>{check.comment || '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </details>
      <button
        type="button"
        className="button"
        onClick={() => void verifyAgain()}
        disabled={busy}
        aria-label={t('verified.againLabel', { window })}
        data-testid="verify-again"
      >
        {t('verified.again')}
      </button>
      {failure && (
        <p role="alert" className="warning">
          {failure}
        </p>
      )}
    </section>
  );
}

export function VerifiedElsewhere({ list, now }: { list: VerifiedElsewhereView[] | undefined; now: string }) {
  if (!list?.length) return null;
  return (
    <>
      {list.map((v) => (
        <VerifiedWindow key={v.runId} v={v} now={now} />
      ))}
    </>
  );
}
