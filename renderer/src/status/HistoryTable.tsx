/** Past verifications and their counts, newest first as the core sends them; each links to its read-only run. */
import type { RunSummaryView } from '../../../shared/ipc/views';
import { routeHref } from '../hooks/useRoute';
import { windowText } from '../format';
import { useT } from '../i18n';

/** `verifiedBy`: run → workstation, for the open runs another workstation verified (docs/verified-elsewhere.md). */
export function HistoryTable({
  runs,
  verifiedBy = new Map(),
}: {
  runs: RunSummaryView[];
  verifiedBy?: ReadonlyMap<string, string>;
}) {
  const { t, lang } = useT();
  if (!runs.length) return <p>{t('status.historyNone')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t('status.col.window')}</th>
            <th scope="col">{t('status.col.services')}</th>
            <th scope="col">{t('status.col.state')}</th>
            <th scope="col">{t('status.col.results')}</th>
            <th scope="col">{t('status.col.by')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('status.run.view')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const window = windowText(run.windowStart, run.windowEnd, lang);
            return (
              <tr key={run.runId} data-run={run.runId} data-status={run.status}>
                <th scope="row">{window}</th>
                <td>{run.services.join(', ')}</td>
                <td>
                  {verifiedBy.has(run.runId) ? (
                    <span className="pill run-submitted">
                      {t('verified.runPill', { workstation: verifiedBy.get(run.runId) ?? '' })}
                    </span>
                  ) : (
                    <span className={`pill run-${run.status}`}>{t(`status.run.${run.status}`)}</span>
                  )}
                </td>
                <td>{t('status.run.counts', run.counts)}</td>
                <td>{run.submittedBy ?? '—'}</td>
                <td>
                  <a
                    href={routeHref({ name: 'checklist', runId: run.runId })}
                    aria-label={t('status.run.viewLabel', { window })}
                  >
                    {t('status.run.view')}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
