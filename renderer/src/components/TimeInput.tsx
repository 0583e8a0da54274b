/**
 * A time of day typed as people write it here ("8 h", "8h30", "08:30", "0830"), shown as 24-hour HH:MM.
 * Not `<input type="time">`: Chromium formats that from the OS locale, so an English Windows showed "10:00 AM"
 * in the French window. The text is kept as typed while editing and tidied to HH:MM on leaving the field; the
 * settings draft checks it (parseHhmm) before saving.
 */
import { parseHhmm } from '../../../shared/text/hhmm';

interface Props {
  id: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  describedBy?: string;
}

export function TimeInput({ id, value, disabled, onChange, describedBy }: Props) {
  const parsed = parseHhmm(value);
  return (
    <input
      id={id}
      type="text"
      autoComplete="off"
      spellCheck={false}
      maxLength={8}
      placeholder="HH:MM"
      className="input input-short"
      value={value}
      disabled={disabled}
      aria-invalid={value.trim() !== '' && parsed === null ? true : undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        if (parsed !== null && parsed !== value) onChange(parsed);
      }}
    />
  );
}
