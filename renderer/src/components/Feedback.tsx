/** Loading lines, confirmations and the alert region: errors are always words on screen, never a blank page. */
import type { ReactNode } from 'react';
import type { Failure } from '../hooks/failure';
import { useT } from '../i18n';

/**
 * Always rendered (empty when there is nothing to say) so screen readers already watch the live region when a
 * message arrives; sticky so an error after "Envoyer" at the bottom of a long checklist is still seen.
 */
export function AlertRegion({ failure, onDismiss }: { failure: Failure; onDismiss?: () => void }) {
  const { t, error } = useT();
  return (
    <div role="alert" className="alert-region" data-testid="alert">
      {failure && (
        <div className="alert">
          <p className="alert-title">{t('error.title')}</p>
          <p>{error(failure.error)}</p>
          {onDismiss && (
            <button type="button" className="button button-quiet" onClick={onDismiss}>
              {t('error.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}

/** A polite live region for confirmations ("Paramètres enregistrés."). */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p role="status" className="notice" data-testid={testId}>
      {children}
    </p>
  );
}
