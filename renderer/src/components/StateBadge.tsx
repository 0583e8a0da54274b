/** The workstation's state in words, with a colour that only repeats what the words say (WCAG 1.4.1). */
import type { TrayState } from '../../../shared/ipc/views';
import { useT } from '../i18n';

const TONE: Record<TrayState, 'ok' | 'info' | 'warn' | 'danger' | 'neutral'> = {
  idle: 'ok',
  upcoming: 'info',
  'in-progress': 'warn',
  'verification-due': 'warn',
  problem: 'danger',
  offline: 'neutral',
};

export function StateBadge({ state }: { state: TrayState }) {
  const { t } = useT();
  return (
    <p className={`state-badge tone-${TONE[state]}`} data-testid="tray-state" data-state={state}>
      <span className="state-dot" aria-hidden="true" />
      {t(`state.${state}`)}
    </p>
  );
}
