/**
 * "Envoyer la vérification", in a bar kept at the bottom of the window (issue 12: reachable without scrolling
 * whatever the number of applications), with the progress beside it: who did it (ward PCs share one Windows account), and only once every check has an
 * answer. Missing answers are listed and the keyboard is put on the first one rather than a silent refusal.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { ChecklistView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { focusCheck } from './ids';

interface Props {
  view: ChecklistView;
  onSubmit: (initials: string) => Promise<boolean>;
  /** "2 vérifications répondues sur 4". */
  progress: string;
}

export function SubmitForm({ view, onSubmit, progress }: Props) {
  const { t, tn } = useT();
  const [initials, setInitials] = useState('');
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const missing = view.items.flatMap((item, index) =>
    item.checks.filter((c) => c.result === null).map((c) => ({ index, application: item.application, check: c.id })),
  );
  const initialsMissing = tried && !initials.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = missing[0];
    if (first) return focusCheck(first.index, first.check);
    if (!initials.trim()) return input.current?.focus();
    setSending(true);
    try {
      await onSubmit(initials.trim());
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="submit-bar" aria-labelledby="submit-title" data-testid="submit-bar">
      <h2 id="submit-title" className="visually-hidden">
        {t('submit.title')}
      </h2>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="submit-form">
        {tried && missing.length > 0 && (
          <div role="alert" className="callout tone-warn" data-testid="missing-checks">
            <p>{tn('submit.missing', missing.length)}</p>
            <ul>
              {missing.map((m) => (
                <li key={`${m.index}-${m.check}`}>
                  <button type="button" className="link-button" onClick={() => focusCheck(m.index, m.check)}>
                    {t('submit.missingItem', { application: m.application, check: t(`check.${m.check}`) })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="progress" data-testid="progress" role="status">
          {progress}
        </p>
        <div className="field submit-initials">
          <label htmlFor="submit-initials">{t('submit.initials')}</label>
          <p id="submit-initials-help" className="hint">
            {t('submit.initialsHelp')}
          </p>
          <input
            ref={input}
            id="submit-initials"
            className="input input-short"
            type="text"
            autoComplete="off"
            maxLength={60}
            required
            aria-required="true"
            aria-invalid={initialsMissing}
            aria-describedby={initialsMissing ? 'submit-initials-help submit-initials-error' : 'submit-initials-help'}
            value={initials}
            data-testid="submit-initials"
            onChange={(e) => setInitials(e.target.value)}
          />
          {initialsMissing && (
            <p id="submit-initials-error" className="field-error" role="alert">
              {t('submit.initialsMissing')}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary button-large" disabled={sending} data-testid="submit">
          {sending ? t('app.working') : t('submit.button')}
        </button>
      </form>
    </section>
  );
}
