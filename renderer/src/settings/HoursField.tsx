/** One service's hours: 24/7 (check right after the window) or shift starts (check at the next shift). */
import { TimeInput } from '../components/TimeInput';
import { useT } from '../i18n';
import type { HoursDraft, HoursMode } from './draft';

interface Props {
  index: number;
  service: string;
  value: HoursDraft;
  onChange: (value: HoursDraft) => void;
  disabled: boolean;
  describedBy: string | undefined;
}

const MODES: { mode: HoursMode; key: 'settings.hours.inventory' | 'settings.hours.247' | 'settings.hours.shifts' }[] = [
  { mode: 'inventory', key: 'settings.hours.inventory' },
  { mode: '247', key: 'settings.hours.247' },
  { mode: 'shifts', key: 'settings.hours.shifts' },
];
const MAX_SHIFTS = 6;

export function HoursField({ index, service, value, onChange, disabled, describedBy }: Props) {
  const { t } = useT();
  const base = `hours-${index}`;
  const setStart = (n: number, start: string) =>
    onChange({ ...value, shiftStarts: value.shiftStarts.map((s, i) => (i === n ? start : s)) });
  return (
    <fieldset className="field subfield" aria-describedby={describedBy} data-testid={`hours-${service}`}>
      <legend>{t('settings.hoursFor', { service })}</legend>
      <div className="radio-list">
        {MODES.map(({ mode, key }) => (
          <label key={mode} className="radio">
            <input
              type="radio"
              name={base}
              value={mode}
              checked={value.mode === mode}
              disabled={disabled}
              onChange={() =>
                onChange({
                  mode,
                  shiftStarts: mode === 'shifts' && !value.shiftStarts.length ? ['08:00'] : value.shiftStarts,
                })
              }
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </div>
      {value.mode === 'shifts' && (
        <ul className="inline-list">
          {value.shiftStarts.map((start, n) => (
            <li key={n} className="inline-field">
              <label htmlFor={`${base}-start-${n}`}>{t('settings.shiftStart', { n: n + 1 })}</label>
              <TimeInput
                id={`${base}-start-${n}`}
                value={start}
                disabled={disabled}
                onChange={(time) => setStart(n, time)}
              />
              {value.shiftStarts.length > 1 && !disabled && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onChange({ ...value, shiftStarts: value.shiftStarts.filter((_, i) => i !== n) })}
                >
                  {t('settings.shiftRemove', { n: n + 1 })}
                </button>
              )}
            </li>
          ))}
          {value.shiftStarts.length < MAX_SHIFTS && !disabled && (
            <li>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => onChange({ ...value, shiftStarts: [...value.shiftStarts, '16:00'] })}
              >
                {t('settings.shiftAdd')}
              </button>
            </li>
          )}
        </ul>
      )}
    </fieldset>
  );
}
