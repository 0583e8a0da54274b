/**
 * An editable combobox with a filtered list (WAI-ARIA 1.2 "combobox with listbox popup", list autocomplete):
 * type to filter (accents and capitals ignored), arrows to move, Enter to pick, Escape to close. The value can
 * only be one of the options: free text that matches nothing is reverted on leaving the field.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { foldText } from '../../../shared/text/fold';

interface Props {
  id: string;
  label: string;
  options: readonly string[];
  value: string | null;
  onChange: (value: string) => void;
  disabled?: boolean;
  describedBy?: string;
  noMatchText: string;
  countText: (count: number) => string;
}

export function Combobox(props: Props) {
  const { id, label, options, value, onChange, disabled, describedBy, noMatchText, countText } = props;
  const [text, setText] = useState(value ?? '');
  const [open, setOpen] = useState(false);
  const [filtering, setFiltering] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => setText(value ?? ''), [value]);

  const shown = useMemo(() => {
    if (!filtering) return options;
    const needle = foldText(text);
    return options.filter((o) => foldText(o).includes(needle));
  }, [filtering, options, text]);

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const openAll = () => {
    setFiltering(false);
    setOpen(true);
    setActive(Math.max(0, value ? options.indexOf(value) : 0));
  };

  const pick = (option: string) => {
    setText(option);
    setOpen(false);
    setFiltering(false);
    setActive(-1);
    onChange(option);
  };

  const leave = () => {
    setOpen(false);
    setFiltering(false);
    const match = options.find((o) => foldText(o) === foldText(text));
    setText(match ?? value ?? '');
    if (match && match !== value) onChange(match);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openAll();
        else setActive((a) => Math.min(a + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter': {
        // Enter picks in the list; it must not submit the surrounding form halfway through a choice.
        const choice = open ? (shown[active] ?? (shown.length === 1 ? shown[0] : undefined)) : undefined;
        if (choice !== undefined) {
          event.preventDefault();
          pick(choice);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setText(value ?? '');
          setFiltering(false);
        }
        break;
    }
  };

  const expanded = open && shown.length > 0;
  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        className="input"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFiltering(true);
          setOpen(true);
          setActive(e.target.value.trim() ? 0 : -1);
        }}
        onClick={() => !open && openAll()}
        onKeyDown={onKeyDown}
        onBlur={leave}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded}>
        {shown.map((option, i) => (
          <li
            key={option}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'combobox-option active' : 'combobox-option'}
            onMouseDown={(e) => e.preventDefault() /* keep the focus in the input */}
            onClick={() => pick(option)}
          >
            {option}
          </li>
        ))}
      </ul>
      {open && (
        <p role="status" className="visually-hidden">
          {shown.length ? countText(shown.length) : noMatchText}
        </p>
      )}
      {open && !shown.length && <p className="hint">{noMatchText}</p>}
    </div>
  );
}
