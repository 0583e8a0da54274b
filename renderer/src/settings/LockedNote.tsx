/** Why a setting cannot be changed here (fixed by IT policy, machine config or the hostname mapping). */
import { useT } from '../i18n';

export function LockedNote({ id, reason }: { id: string; reason: string | undefined }) {
  const { t } = useT();
  if (!reason) return null;
  return (
    <p id={id} className="locked-note" data-testid={id}>
      {t('settings.locked', { reason })}
    </p>
  );
}

/** aria-describedby value from optional ids. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => !!id);
  return list.length ? list.join(' ') : undefined;
}
