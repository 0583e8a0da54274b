/**
 * The sections of the settings form (SettingsPage.tsx), one component each so the form reads as its list of parts:
 * what is wrong, where the workstation is, its services' hours, reminders and language, the inventory source.
 * Each gets the draft and reports changes; none saves anything.
 */
import type { SettingsView } from '../../../shared/ipc/views';
import { Card } from '../components/Card';
import { Combobox } from '../components/Combobox';
import { useT } from '../i18n';
import { hoursDraft, serviceOptions, type DraftProblem, type SettingsDraft } from './draft';
import { HoursField } from './HoursField';
import { describedBy, LockedNote } from './LockedNote';
import { RadioGroup } from './RadioGroup';
import { RemindersField } from './RemindersField';
import { ServicesField } from './ServicesField';

interface SectionProps {
  draft: SettingsDraft;
  locked: SettingsView['locked'];
  update: (change: Partial<SettingsDraft>) => void;
}

export function ProblemList({ problems }: { problems: readonly DraftProblem[] }) {
  const { t } = useT();
  return (
    <>
      {problems.length > 0 && (
        <div role="alert" className="callout tone-warn" data-testid="settings-problems">
          <p>{t('settings.invalid.title')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface WorkplaceProps {
  view: SettingsView;
  draft: SettingsDraft;
  onSite: (site: string) => void;
  onServices: (services: string[]) => void;
}

export function WorkplaceCard({ view, draft, onSite, onServices }: WorkplaceProps) {
  const { t, tn } = useT();
  const { locked } = view;
  const siteOptions = view.choices.sites;
  return (
    <Card id="workplace" title={t('settings.workplace')}>
      <div className="field">
        <label htmlFor="site">{t('settings.site')}</label>
        <p id="site-help" className="hint">
          {t('settings.siteHelp')}
        </p>
        <LockedNote id="site-locked" reason={locked.site} />
        <Combobox
          id="site"
          label={t('settings.site')}
          options={siteOptions}
          value={draft.site}
          onChange={onSite}
          disabled={!!locked.site}
          describedBy={describedBy('site-help', !!locked.site && 'site-locked')}
          noMatchText={t('settings.siteNoMatch')}
          countText={(n) => tn('settings.siteOptions', n)}
        />
      </div>
      <ServicesField
        site={draft.site}
        options={serviceOptions(view, draft.site, draft.services)}
        selected={draft.services}
        onChange={onServices}
        lockedReason={locked.services}
      />
    </Card>
  );
}

export function HoursCard({ draft, locked, update }: SectionProps) {
  const { t } = useT();
  return (
    <>
      {draft.services.length > 0 && (
        <Card id="hours" title={t('settings.hours')}>
          <p id="hours-help" className="hint">
            {t('settings.hoursHelp')}
          </p>
          <LockedNote id="hours-locked" reason={locked.serviceHours} />
          {draft.services.map((service, index) => (
            <HoursField
              key={service}
              index={index}
              service={service}
              value={draft.hours[service] ?? hoursDraft(undefined)}
              onChange={(value) => update({ hours: { ...draft.hours, [service]: value } })}
              disabled={!!locked.serviceHours}
              describedBy={describedBy('hours-help', !!locked.serviceHours && 'hours-locked')}
            />
          ))}
        </Card>
      )}
    </>
  );
}

export function PreferenceCards({ draft, locked, update }: SectionProps) {
  const { t } = useT();
  return (
    <>
      <Card id="reminders" title={t('settings.reminders')}>
        <LockedNote id="reminders-locked" reason={locked.reminders} />
        <RemindersField
          value={draft}
          onChange={(value) => update(value)}
          disabled={!!locked.reminders}
          describedBy={locked.reminders ? 'reminders-locked' : undefined}
        />
      </Card>

      <Card id="language" title={t('settings.language')}>
        <LockedNote id="language-locked" reason={locked.language} />
        <RadioGroup
          name="language"
          labelledBy="language-title"
          describedBy={locked.language ? 'language-locked' : undefined}
          options={[
            { value: 'fr', label: 'Français', lang: 'fr', testId: 'language-fr' },
            { value: 'en', label: 'English', lang: 'en', testId: 'language-en' },
          ]}
          value={draft.language}
          disabled={!!locked.language}
          onChange={(language) => update({ language })}
        />
      </Card>
    </>
  );
}

export function SourceCard({ draft, locked, update }: SectionProps) {
  const { t } = useT();
  return (
    <Card id="source" title={t('settings.inventorySource')}>
      <LockedNote id="source-locked" reason={locked.inventorySource} />
      <RadioGroup
        name="source"
        labelledBy="source-title"
        describedBy={locked.inventorySource ? 'source-locked' : undefined}
        options={[
          { value: 'embedded', label: t('settings.source.embedded') },
          { value: 'custom', label: t('settings.source.custom') },
        ]}
        value={draft.sourceMode}
        disabled={!!locked.inventorySource}
        onChange={(sourceMode) => update({ sourceMode })}
      />
      {draft.sourceMode === 'custom' && (
        <div className="field">
          <label htmlFor="source-path">{t('settings.source.path')}</label>
          <p id="source-help" className="hint">
            {t('settings.source.help')}
          </p>
          <input
            id="source-path"
            type="text"
            className="input"
            spellCheck={false}
            value={draft.sourcePath}
            disabled={!!locked.inventorySource}
            aria-describedby={describedBy('source-help', !!locked.inventorySource && 'source-locked')}
            onChange={(e) => update({ sourcePath: e.target.value })}
          />
        </div>
      )}
    </Card>
  );
}
