/** Upcoming windows, each with the workstation's applications it touches (grouped under the window's date). */
import type { WindowView } from '../../../shared/ipc/views';
import { windowText } from '../format';
import { useT } from '../i18n';

export function WindowList({ windows }: { windows: WindowView[] }) {
  const { t, lang } = useT();
  if (!windows.length) return <p>{t('status.upcomingNone')}</p>;
  return (
    <ul className="window-list" data-testid="upcoming">
      {windows.map((w) => (
        <li key={`${w.start}/${w.end}`} className="window-item" data-start={w.start}>
          <h3>{windowText(w.start, w.end, lang)}</h3>
          <ApplicationList window={w} />
        </li>
      ))}
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
