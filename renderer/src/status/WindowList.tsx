/**
 * Upcoming windows, each with the workstation's applications it touches (grouped under the window's date). A window
 * the Exceptions table cancelled or moved away is listed too, struck through with its motif ("mercredi 6 janvier :
 * annulée — gel des Fêtes"), so a ward that expected it knows why nothing happens (issue 13).
 */
import type { WindowView } from '../../../shared/ipc/views';
import { dayText, windowText } from '../format';
import { useT } from '../i18n';

export function WindowList({ windows }: { windows: WindowView[] }) {
  const { t, lang } = useT();
  if (!windows.length) return <p>{t('status.upcomingNone')}</p>;
  const motif = (reason: string) => (reason === '' ? '' : ` — ${reason}`);
  return (
    <ul className="window-list" data-testid="upcoming">
      {windows.map((w) => {
        const key = `${w.start}/${w.end}${w.cancelled ? '/x' : ''}`;
        if (w.cancelled) {
          const { action, reason, movedTo } = w.cancelled;
          const day = dayText(w.start, lang);
          const title =
            action === 'moved' && movedTo !== null
              ? t('status.movedAway', { day, to: dayText(movedTo, lang), reason: motif(reason) })
              : t('status.cancelled', { day, reason: motif(reason) });
          return (
            <li key={key} className="window-item window-cancelled" data-start={w.start} data-cancelled={action}>
              <h3>{title}</h3>
              <ApplicationList window={w} />
            </li>
          );
        }
        return (
          <li key={key} className="window-item" data-start={w.start}>
            <h3>{windowText(w.start, w.end, lang)}</h3>
            {w.exception ? (
              <p className="window-note" data-exception={w.exception.action}>
                {t(w.exception.action === 'added' ? 'status.addedWindow' : 'status.movedWindow', {
                  reason: motif(w.exception.reason),
                })}
              </p>
            ) : null}
            <ApplicationList window={w} />
          </li>
        );
      })}
    </ul>
  );
}

export function ApplicationList({ window: w }: { window: WindowView }) {
  const { t } = useT();
  return (
    <ul className="app-list">
      {w.applications.map((a) => (
        <li key={`${a.service}/${a.application}`}>
          {t('status.appInService', { application: a.application, service: a.service })}
        </li>
      ))}
    </ul>
  );
}
