/**
 * One check of one application: OK / Problème / Sans objet as native radios (arrows move and answer, Tab leaves
 * the group), an optional comment, and the problem guidance under a "Problème". The radios show the core's stored
 * answer only; a click asks the core and the returned view re-renders them.
 */
import type { CheckResult } from '../../../shared/ipc/schemas';
import type { CheckView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { CommentField } from './CommentField';
import { choiceId } from './ids';
import { ProblemGuidance } from './ProblemGuidance';

const RESULTS: readonly CheckResult[] = ['ok', 'problem', 'na'];

export interface CheckActions {
  setResult: (result: CheckResult) => void;
  saveComment: (comment: string) => void;
  recordRestart: (fixed: boolean) => void;
}

interface Props {
  runId: string;
  application: string;
  itemIndex: number;
  check: CheckView;
  actions: CheckActions;
}

export function CheckBlock({ runId, application, itemIndex, check, actions }: Props) {
  const { t } = useT();
  const base = `item-${itemIndex}-${check.id}`;
  const label = t(`check.${check.id}`);
  return (
    <div
      className="check"
      data-testid={`check-${application}-${check.id}`}
      data-result={check.result ?? 'none'}
      data-restart={check.restart ?? 'none'}
    >
      <fieldset className="choices-group">
        <legend className="check-label">
          {label}
          <span className="visually-hidden">{t('checklist.groupSuffix', { application })}</span>
        </legend>
        <div className="choices">
          {RESULTS.map((result) => (
            <label key={result} className={`choice choice-${result}`} htmlFor={choiceId(itemIndex, check.id, result)}>
              <input
                type="radio"
                id={choiceId(itemIndex, check.id, result)}
                name={base}
                value={result}
                checked={check.result === result}
                data-testid={`choice-${result}`}
                onChange={() => actions.setResult(result)}
              />
              <span>{t(`result.${result}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <CommentField
        id={`${base}-comment`}
        label={t('checklist.comment')}
        hiddenSuffix={t('checklist.commentSuffix', { application, check: label })}
        saved={check.comment}
        onSave={actions.saveComment}
      />
      {check.result === 'problem' && (
        <ProblemGuidance
          idBase={base}
          runId={runId}
          application={application}
          check={check}
          onRestart={actions.recordRestart}
        />
      )}
    </div>
  );
}

/** A submitted run: the answers as text, nothing to click. */
export function CheckSummary({ application, check }: { application: string; check: CheckView }) {
  const { t } = useT();
  const result = check.result ?? 'none';
  return (
    <div className="check check-readonly" data-testid={`check-${application}-${check.id}`} data-result={result}>
      <p className="check-label">{t(`check.${check.id}`)}</p>
      <p>
        <span className={`result-pill result-${result}`}>
          {t('checklist.readOnlyResult', { result: t(`result.${result}`) })}
        </span>
      </p>
      {check.restart && <p>{t(check.restart === 'fixed' ? 'guidance.fixed' : 'guidance.notFixed')}</p>}
      {check.comment && <p className="comment-text">{t('checklist.readOnlyComment', { comment: check.comment })}</p>}
    </div>
  );
}
