/**
 * The settings window. On first start (needsProfile) it opens on a plain question: which site and service is this
 * workstation? Everything is a draft until "Enregistrer"; the core's answer (or refusal) is then shown.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import { Card } from '../components/Card';
import { AlertRegion, Loading, Notice } from '../components/Feedback';
import { Combobox } from '../components/Combobox';
import { useSettings } from '../hooks/useSettings';
import { useT } from '../i18n';
import { hoursDraft, serviceOptions, toDraft, toPatch, type DraftProblem, type SettingsDraft } from './draft';
import { HoursField } from './HoursField';
import { describedBy, LockedNote } from './LockedNote';
import { RadioGroup } from './RadioGroup';
import { RemindersField } from './RemindersField';
import { ServicesField } from './ServicesField';

export function SettingsPage() {
  const { t } = useT();
  const { settings, loading, saving, failure, dismiss, save } = useSettings();
  if (loading && !settings) return <Loading />;
  if (!settings) {
    return (
      <>
        <h1>{t('settings.title')}</h1>
        <AlertRegion failure={failure} />
      </>
    );
  }
  return <SettingsForm view={settings} saving={saving} failure={failure} dismiss={dismiss} save={save} />;
}

type FormProps = Pick<ReturnType<typeof useSettings>, 'saving' | 'failure' | 'dismiss' | 'save'> & {
  view: SettingsView;
};

function SettingsForm({ view, saving, failure, dismiss, save }: FormProps) {
  const { t, tn } = useT();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(view.values));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);
  // A saved (or re-read) view is the new starting point of the draft.
  useEffect(() => setDraft(toDraft(view.values)), [view]);

  const update = (change: Partial<SettingsDraft>) => {
    setNotice(null);
    setDraft((d) => ({ ...d, ...change }));
  };
  const { locked } = view;
  const siteOptions = view.choices.sites;

  const onSite = (site: string) => {
    const offered = view.choices.servicesBySite[site] ?? [];
    update({ site, services: draft.services.filter((s) => offered.includes(s)) });
  };
  const onServices = (services: string[]) =>
    update({
      services,
      hours: Object.fromEntries(services.map((s) => [s, draft.hours[s] ?? hoursDraft(view.values.serviceHours[s])])),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { patch, problems: found } = toPatch(draft, view);
    setProblems(found);
    setNotice(null);
    if (found.length) return;
    if (!Object.keys(patch).length) return setNotice('unchanged');
    if (await save(patch)) setNotice('saved');
  };

  return (
    <div className="settings" data-testid="settings">
      <AlertRegion failure={failure} onDismiss={dismiss} />
      {view.needsProfile ? (
        <>
          <h1 data-testid="welcome">{t('settings.welcome')}</h1>
          <p className="lead">{t('settings.welcomeBody')}</p>
        </>
      ) : (
        <h1>{t('settings.title')}</h1>
      )}
      <form noValidate onSubmit={(e) => void submit(e)}>
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

        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={saving} data-testid="save">
            {saving ? t('app.working') : t('settings.save')}
          </button>
          {notice && (
            <Notice testId="settings-notice">
              {t(notice === 'saved' ? 'settings.saved' : 'settings.nothingToSave')}
            </Notice>
          )}
        </div>
      </form>
    </div>
  );
}
