/** The profile's applications with no concrete window, labelled as the inventory has them ("À venir", "Pas touché"). */
import type { StatusView } from '../../../shared/ipc/views';
import { ItDetails } from '../components/WardNote';
import { useT } from '../i18n';

export function UnscheduledTable({ rows }: { rows: StatusView['unscheduled'] }) {
  const { t } = useT();
  if (!rows.length) return <p>{t('status.unscheduledNone')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="unscheduled">
        <thead>
          <tr>
            <th scope="col">{t('status.col.application')}</th>
            <th scope="col">{t('status.col.service')}</th>
            <th scope="col">{t('status.col.situation')}</th>
            <th scope="col">{t('status.col.scheduleText')}</th>
            <th scope="col">{t('status.col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.service}/${r.application}`} data-status={r.status}>
              <th scope="row">{r.application}</th>
              <td>{r.service}</td>
              <td>
                <span className={`pill situation-${r.status}`}>{t(`status.unscheduled.${r.status}`)}</span>
              </td>
              <td>{r.scheduleText}</td>
              <td>
                {r.comment && <p className="comment-text cell-text">{r.comment}</p>}
                <ItDetails text={r.itDetails} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
