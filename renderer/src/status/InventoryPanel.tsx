/**
 * How fresh the inventory is ("Inventaire du 28 septembre 2018, synchronisé à 10 h 05") or since when the source is
 * unreachable, with the core's explanation: the ward must know whether the calendar it reads can be trusted.
 */
import type { InventoryStateView } from '../../../shared/ipc/views';
import { longDateText, momentText, sinceText } from '../format';
import { useT } from '../i18n';

interface Props {
  inventory: InventoryStateView;
  now: string;
  /** Published longer ago than IT's limit (StatusView.inventoryStale): amber, never the green "ok". */
  stale: { publishedAt: string; maxAgeMonths: number } | null;
}

export function InventoryPanel({ inventory, now, stale }: Props) {
  const { t, tn, lang } = useT();
  const date = inventory.publishedAt ? longDateText(inventory.publishedAt, lang) : null;
  const synced = inventory.syncedAt ? momentText(inventory.syncedAt, now, lang) : null;
  let headline: string;
  if (inventory.state !== 'ok') {
    const when = inventory.since ? sinceText(inventory.since, now, lang) : '—';
    headline = t(inventory.state === 'offline' ? 'status.inventory.offline' : 'status.inventory.invalid', { when });
  } else if (synced) {
    headline = date
      ? t('status.inventory.ok', { date, when: synced })
      : t('status.inventory.okNoDate', { when: synced });
  } else {
    headline = t('status.inventory.neverSynced', { date: date ?? '—' });
  }
  // An old inventory is "à faire confirmer", whatever the last sync said (issue 12: a 2018 inventory was green).
  const tone = inventory.state === 'ok' && !stale ? 'ok' : 'warn';
  const source = inventory.source === 'embedded' ? t('status.inventory.embedded') : inventory.source;
  return (
    <div className={`inventory inventory-${inventory.state}`} data-testid="inventory" data-state={inventory.state}>
      <p className={`state-badge tone-${tone}`} data-testid="inventory-freshness" data-tone={tone}>
        <span className="state-dot" aria-hidden="true" />
        {headline}
      </p>
      {stale && (
        <p className="callout tone-warn" data-testid="inventory-stale">
          {t('status.inventory.stale', {
            date: longDateText(stale.publishedAt, lang),
            months: String(stale.maxAgeMonths),
          })}
        </p>
      )}
      {inventory.message && <p data-testid="inventory-message">{inventory.message}</p>}
      {inventory.state !== 'ok' && date && <p>{t('status.inventory.lastGood', { date })}</p>}
      <p className="meta">{t('status.inventory.source', { source })}</p>
      <p className="meta">{tn('status.inventory.count', inventory.applications)}</p>
    </div>
  );
}
