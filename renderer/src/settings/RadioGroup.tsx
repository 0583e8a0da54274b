/** One choice among a few (language, inventory source), as native radios so arrows and screen readers just work. */
import type { ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  /** The label's own language ("English" read with an English voice). */
  lang?: string;
  testId?: string;
}

interface Props<T extends string> {
  name: string;
  /** The heading that names the group. */
  labelledBy: string;
  describedBy: string | undefined;
  options: readonly RadioOption<T>[];
  value: T;
  disabled: boolean;
  onChange: (value: T) => void;
}

export function RadioGroup<T extends string>({
  name,
  labelledBy,
  describedBy,
  options,
  value,
  disabled,
  onChange,
}: Props<T>) {
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy} className="radio-list">
      {options.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={disabled}
            data-testid={option.testId}
            onChange={() => onChange(option.value)}
          />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
