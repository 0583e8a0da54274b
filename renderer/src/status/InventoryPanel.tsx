/**
 * How fresh the inventory is ("Inventaire du 28 septembre 2018, synchronisé à 10 h 05") or since when the source is
 * unreachable, with the core's explanation: the ward must know whether the calendar it reads can be trusted.
 */
import type { InventoryStateView } from '../../../shared/ipc/views';
import { longDateText, momentText, sinceText } from '../format';
import { useT } from '../i18n';

export function InventoryPanel({ inventory, now }: { inventory: InventoryStateView; now: string }) {
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
  const source = inventory.source === 'embedded' ? t('status.inventory.embedded') : inventory.source;
  return (
    <div className={`inventory inventory-${inventory.state}`} data-testid="inventory" data-state={inventory.state}>
      <p className={`state-badge tone-${inventory.state === 'ok' ? 'ok' : 'warn'}`} data-testid="inventory-freshness">
        <span className="state-dot" aria-hidden="true" />
        {headline}
      </p>
      {inventory.message && <p data-testid="inventory-message">{inventory.message}</p>}
      {inventory.state !== 'ok' && date && <p>{t('status.inventory.lastGood', { date })}</p>}
      <p className="meta">{t('status.inventory.source', { source })}</p>
      <p className="meta">{tn('status.inventory.count', inventory.applications)}</p>
    </div>
  );
}
