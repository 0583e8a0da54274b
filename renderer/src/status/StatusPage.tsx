/** The status window ("Calendrier"): state now, next windows, unscheduled applications, inventory, history, tools. */
import { useState } from 'react';
import { Card } from '../components/Card';
import { AlertRegion, Loading, Notice } from '../components/Feedback';
import { StateBadge } from '../components/StateBadge';
import { routeHref } from '../hooks/useRoute';
import { useStatus } from '../hooks/useStatus';
import { windowText } from '../format';
import { useT } from '../i18n';
import { HistoryTable } from './HistoryTable';
import { InventoryPanel } from './InventoryPanel';
import { UnscheduledTable } from './UnscheduledTable';
import { VerifiedElsewhere } from './VerifiedElsewhere';
import { ApplicationList, WindowList } from './WindowList';

export function StatusPage() {
  const { t, tn, lang } = useT();
  const { status, loading, failure, dismiss, syncNow, exportCalendar, openLink } = useStatus();
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'synced' } | { kind: 'exported'; path: string } | null>(null);

  if (loading && !status) return <Loading />;
  if (!status) {
    return (
      <>
        <h1>{t('status.title')}</h1>
        <AlertRegion failure={failure} />
      </>
    );
  }

  const onSync = async () => {
    setSyncing(true);
    setNotice(null);
    const ok = await syncNow();
    setSyncing(false);
    if (ok) setNotice({ kind: 'synced' });
  };
  const onExport = async () => {
    setNotice(null);
    const path = await exportCalendar();
    if (path) setNotice({ kind: 'exported', path });
  };

  const { profile, current, pendingChecklist: pending } = status;
  return (
    <div className="status" data-testid="status">
      <AlertRegion failure={failure} onDismiss={dismiss} />
      <h1>{t('status.title')}</h1>

      {status.policyProblems.length > 0 && (
        <div className="callout tone-warn" role="status" data-testid="policy-problems">
          <p className="strong">{t('status.policyInvalid')}</p>
          <p>{t('status.policyInvalidHelp')}</p>
          {/* The problems are for IT and stay in French (docs/deployment.md). */}
          <ul lang="fr">
            {status.policyProblems.map((p, i) => (
              <li key={i}>{p.key ? `${p.key} : ${p.message}` : p.message}</li>
            ))}
          </ul>
        </div>
      )}

      <Card id="now" title={t('status.now')}>
        <StateBadge state={status.trayState} />
        {profile ? (
          <p className="meta" data-testid="profile">
            {t('status.profile', { site: profile.site, services: profile.services.join(', ') })}
          </p>
        ) : (
          <p>
            {t('status.noProfile')} <a href={routeHref({ name: 'settings' })}>{t('status.noProfileLink')}</a>
          </p>
        )}
        {current && (
          <div className="current" data-testid="current-window">
            <p className="strong">{t('status.current', { window: windowText(current.start, current.end, lang) })}</p>
            <ApplicationList window={current} />
          </div>
        )}
        {pending && pending.status === 'open' && (
          <p className="callout tone-warn" data-testid="pending-checklist">
            {t('status.pending', { window: windowText(pending.windowStart, pending.windowEnd, lang) })}{' '}
            <a href={routeHref({ name: 'checklist', runId: pending.runId })}>{t('status.pendingLink')}</a>
          </p>
        )}
        <VerifiedElsewhere list={status.verifiedElsewhere} now={status.now} />
      </Card>

      <Card id="upcoming" title={t('status.upcoming')}>
        <WindowList windows={status.upcoming} />
      </Card>

      <Card id="unscheduled" title={t('status.unscheduled')}>
        <UnscheduledTable rows={status.unscheduled} />
      </Card>

      <Card id="inventory" title={t('status.inventory')}>
        <InventoryPanel inventory={status.inventory} now={status.now} stale={status.inventoryStale} />
        <p className="meta" data-testid="pending-reports">
          {tn('status.reports', status.pendingReports)}
        </p>
        {status.setAsideReports > 0 && (
          <p className="meta warning" data-testid="set-aside-reports">
            {tn('status.reportsSetAside', status.setAsideReports)}
          </p>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void onSync()}
          disabled={syncing}
          data-testid="sync-now"
        >
          {syncing ? t('app.loading') : t('status.sync')}
        </button>
        {notice?.kind === 'synced' && <Notice testId="sync-done">{t('status.synced')}</Notice>}
      </Card>

      <Card id="history" title={t('status.history')}>
        <HistoryTable
          runs={status.history}
          verifiedBy={new Map((status.verifiedElsewhere ?? []).map((v) => [v.runId, v.workstation]))}
        />
      </Card>

      <Card id="tools" title={t('status.tools')}>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void onExport()} data-testid="export-calendar">
            {t('status.export')}
          </button>
          {status.intranetUrl && (
            <button
              type="button"
              className="button"
              onClick={() => status.intranetUrl && openLink(status.intranetUrl)}
              data-testid="open-guide"
            >
              {t('status.guide')}
            </button>
          )}
        </div>
        {notice?.kind === 'exported' && (
          <Notice testId="export-done">{t('status.exported', { path: notice.path })}</Notice>
        )}
      </Card>
    </div>
  );
}
