/**
 * One check of one application, as one cell of its row: OK / Problème / Sans objet as a segmented group of native
 * radios (arrows move and answer, Tab leaves the group), whose legend names the check and the application for
 * screen readers (the visible column header says it once for all rows). The comment box appears on "Problème", when
 * a comment is already saved, or on request ("Ajouter un commentaire"), issue 12. The radios show the core's stored
 * answer only; a click asks the core and the returned view re-renders them.
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckResult } from '../../../shared/ipc/schemas';
import type { CheckView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { CommentField } from './CommentField';
import { choiceId } from './ids';

const RESULTS: readonly CheckResult[] = ['ok', 'problem', 'na'];

interface CheckActions {
  setResult: (result: CheckResult) => void;
  saveComment: (comment: string) => void;
}

interface Props {
  application: string;
  itemIndex: number;
  check: CheckView;
  actions: CheckActions;
}

export function CheckBlock({ application, itemIndex, check, actions }: Props) {
  const { t } = useT();
  const base = `item-${itemIndex}-${check.id}`;
  const label = t(`check.${check.id}`);
  const [requested, setRequested] = useState(false);
  const commentOpen = requested || check.result === 'problem' || check.comment !== '';
  // "Ajouter un commentaire" puts the keyboard in the box it opens; a box opened by "Problème" leaves it on the radio.
  const focusBox = useRef(false);
  useEffect(() => {
    if (commentOpen && focusBox.current) {
      focusBox.current = false;
      document.getElementById(`${base}-comment`)?.focus();
    }
  }, [commentOpen, base]);
  return (
    <div
      className="check-cell"
      data-testid={`check-${application}-${check.id}`}
      data-result={check.result ?? 'none'}
      data-restart={check.restart ?? 'none'}
    >
      <fieldset className="segmented-group">
        <legend className="check-legend">
          {label}
          <span className="visually-hidden">{t('checklist.groupSuffix', { application })}</span>
        </legend>
        <div className="segmented">
          {RESULTS.map((result) => (
            <label key={result} className={`segment segment-${result}`} htmlFor={choiceId(itemIndex, check.id, result)}>
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
      {commentOpen ? (
        <CommentField
          id={`${base}-comment`}
          label={t('checklist.comment')}
          hiddenSuffix={t('checklist.commentSuffix', { application, check: label })}
          saved={check.comment}
          onSave={actions.saveComment}
        />
      ) : (
        <button
          type="button"
          className="link-button add-comment"
          data-testid="add-comment"
          onClick={() => {
            focusBox.current = true;
            setRequested(true);
          }}
        >
          {t('checklist.addComment')}
          <span className="visually-hidden">{t('checklist.commentSuffix', { application, check: label })}</span>
        </button>
      )}
    </div>
  );
}

/** A submitted run: the answers as text, nothing to click. */
export function CheckSummary({ application, check }: { application: string; check: CheckView }) {
  const { t } = useT();
  const result = check.result ?? 'none';
  return (
    <div className="check-cell check-readonly" data-testid={`check-${application}-${check.id}`} data-result={result}>
      <p className="check-legend">{t(`check.${check.id}`)}</p>
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
