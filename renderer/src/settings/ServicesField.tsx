/**
 * Several services per workstation: a search box filters a list of checkboxes (Space ticks), and the chosen ones
 * stay visible as removable chips even when the filter hides them.
 */
import { useMemo, useState } from 'react';
import { foldText } from '../../../shared/text/fold';
import { useT } from '../i18n';
import { describedBy, LockedNote } from './LockedNote';

interface Props {
  site: string | null;
  options: string[];
  selected: string[];
  onChange: (services: string[]) => void;
  lockedReason: string | undefined;
}

export function ServicesField({ site, options, selected, onChange, lockedReason }: Props) {
  const { t } = useT();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => options.filter((o) => foldText(o).includes(foldText(filter))), [options, filter]);
  const locked = !!lockedReason;
  const toggle = (service: string, on: boolean) =>
    onChange(on ? [...selected, service] : selected.filter((s) => s !== service));

  return (
    <fieldset className="field" aria-describedby={describedBy('services-help', locked && 'services-locked')}>
      <legend>{t('settings.services')}</legend>
      <p id="services-help" className="hint">
        {t('settings.servicesHelp')}
      </p>
      <LockedNote id="services-locked" reason={lockedReason} />
      <div className="chips" data-testid="services-selected">
        <span>{t('settings.servicesSelected')}</span>
        {selected.length === 0 && <span className="hint">{t('settings.servicesNone')}</span>}
        {selected.map((s) => (
          <span key={s} className="chip">
            {s}
            {!locked && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('settings.serviceRemove', { service: s })}
                onClick={() => toggle(s, false)}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </span>
        ))}
      </div>
      {!site ? (
        <p>{t('settings.servicesNoSite')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="services-search">{t('settings.servicesSearch')}</label>
            <input
              id="services-search"
              type="search"
              className="input"
              autoComplete="off"
              value={filter}
              disabled={locked}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          {shown.length === 0 ? (
            <p role="status">{t('settings.servicesNoMatch')}</p>
          ) : (
            <ul className="checkbox-list" data-testid="services-options">
              {shown.map((service) => (
                <li key={service}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={selected.includes(service)}
                      disabled={locked}
                      onChange={(e) => toggle(service, e.target.checked)}
                    />
                    <span>{service}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}
