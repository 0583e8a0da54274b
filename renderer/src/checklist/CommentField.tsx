/**
 * The optional comment of one check. Typed text is a draft until it is saved (after a pause in typing, on leaving
 * the field, or when the field goes away), then the core's copy wins again whenever the field is not in use.
 */
import { useEffect, useRef, useState } from 'react';

const SAVE_AFTER_MS = 800;

interface Props {
  id: string;
  label: string;
  hiddenSuffix: string;
  saved: string;
  onSave: (comment: string) => void;
}

export function CommentField({ id, label, hiddenSuffix, saved, onSave }: Props) {
  const [draft, setDraft] = useState(saved);
  const focused = useRef(false);
  const lastSent = useRef(saved);
  const timer = useRef<number | undefined>(undefined);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const onSaveRef = useRef(onSave);
  onSaveRef.current = onSave;

  useEffect(() => {
    lastSent.current = saved;
    if (!focused.current) setDraft(saved);
  }, [saved]);

  const flush = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (draftRef.current !== lastSent.current) {
      lastSent.current = draftRef.current;
      onSaveRef.current(draftRef.current);
    }
  };

  // Closing the window or leaving the page mid-sentence still saves what was typed.
  useEffect(() => () => flush(), []);

  return (
    <div className="field comment-field">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden">{hiddenSuffix}</span>
      </label>
      <textarea
        id={id}
        className="input"
        rows={2}
        maxLength={2000}
        value={draft}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          flush();
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
        }}
      />
    </div>
  );
}
