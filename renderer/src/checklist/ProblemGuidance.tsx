/**
 * What to do after "Problème" (the guide's "En cas de problème"): first restart the application; only if that did
 * not help, whom to contact. The answer to step 1 is stored by the core (recordRestart) like every other answer.
 */
import type { CheckView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { GuidancePanel } from './GuidancePanel';

interface Props {
  idBase: string;
  runId: string;
  application: string;
  check: CheckView;
  onRestart: (fixed: boolean) => void;
}

export function ProblemGuidance({ idBase, runId, application, check, onRestart }: Props) {
  const { t } = useT();
  const questionId = `${idBase}-restart-q`;
  return (
    <section
      className="guidance"
      aria-labelledby={`${idBase}-guidance`}
      data-testid={`guidance-${application}-${check.id}`}
    >
      <h3 id={`${idBase}-guidance`}>{t('guidance.title')}</h3>
      <ol className="steps">
        <li className="step">
          <h4>
            <span className="step-label">{t('guidance.step1.label')}</span> {t('guidance.step1')}
          </h4>
          <p>{t('guidance.step1.why')}</p>
          <div role="group" aria-labelledby={questionId} className="yes-no">
            <p id={questionId} className="question">
              {t('guidance.step1.question')}
            </p>
            <button
              type="button"
              className="button toggle toggle-yes"
              aria-pressed={check.restart === 'fixed'}
              data-testid="restart-fixed"
              onClick={() => onRestart(true)}
            >
              {t('guidance.yes')}
            </button>
            <button
              type="button"
              className="button toggle toggle-no"
              aria-pressed={check.restart === 'not-fixed'}
              data-testid="restart-not-fixed"
              onClick={() => onRestart(false)}
            >
              {t('guidance.no')}
            </button>
          </div>
          {check.restart === 'fixed' && (
            <p className="callout tone-ok" role="status" data-testid="restart-resolved">
              {t('guidance.fixed')}
            </p>
          )}
        </li>
        {check.restart === 'not-fixed' && (
          <li className="step">
            <h4>
              <span className="step-label">{t('guidance.step2.label')}</span> {t('guidance.step2')}
            </h4>
            <GuidancePanel runId={runId} application={application} />
          </li>
        )}
      </ol>
    </section>
  );
}
