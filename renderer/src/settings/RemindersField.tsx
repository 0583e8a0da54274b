/** Reminder lead times: the day before at a set time, and/or some minutes before the start. */
import { TimeInput } from '../components/TimeInput';
import { useT } from '../i18n';
import type { SettingsDraft } from './draft';

type Reminders = Pick<SettingsDraft, 'dayBefore' | 'beforeEnabled' | 'before'>;

interface Props {
  value: Reminders;
  onChange: (value: Reminders) => void;
  disabled: boolean;
  describedBy: string | undefined;
}

const MAX_BEFORE = 5;

export function RemindersField({ value, onChange, disabled, describedBy }: Props) {
  const { t } = useT();
  const setBefore = (n: number, minutes: string) =>
    onChange({ ...value, before: value.before.map((m, i) => (i === n ? minutes : m)) });
  return (
    <div className="field" data-testid="reminders">
      <div className="subfield">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={value.dayBefore.enabled}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, dayBefore: { ...value.dayBefore, enabled: e.target.checked } })}
          />
          <span>{t('settings.dayBefore')}</span>
        </label>
        {value.dayBefore.enabled && (
          <div className="inline-field">
            <label htmlFor="reminder-day-before">{t('settings.dayBeforeAt')}</label>
            <TimeInput
              id="reminder-day-before"
              value={value.dayBefore.at}
              disabled={disabled}
              onChange={(at) => onChange({ ...value, dayBefore: { ...value.dayBefore, at } })}
            />
          </div>
        )}
      </div>
      <div className="subfield">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={value.beforeEnabled}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(e) =>
              onChange({
                ...value,
                beforeEnabled: e.target.checked,
                before: value.before.length ? value.before : ['30'],
              })
            }
          />
          <span>{t('settings.before')}</span>
        </label>
        {value.beforeEnabled && (
          <ul className="inline-list">
            {value.before.map((minutes, n) => (
              <li key={n} className="inline-field">
                <label htmlFor={`reminder-before-${n}`}>{t('settings.beforeMinutes', { n: n + 1 })}</label>
                <input
                  id={`reminder-before-${n}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={10080}
                  step={1}
                  className="input input-short"
                  value={minutes}
                  disabled={disabled}
                  onChange={(e) => setBefore(n, e.target.value)}
                />
                {value.before.length > 1 && !disabled && (
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => onChange({ ...value, before: value.before.filter((_, i) => i !== n) })}
                  >
                    {t('settings.beforeRemove', { n: n + 1 })}
                  </button>
                )}
              </li>
            ))}
            {value.before.length < MAX_BEFORE && !disabled && (
              <li>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onChange({ ...value, before: [...value.before, '60'] })}
                >
                  {t('settings.beforeAdd')}
                </button>
              </li>
            )}
          </ul>
        )}
      </div>
    </div>
  );
}
