/**
 * The settings window. On first start (needsProfile) it opens on a plain question: which site and service is this
 * workstation? Everything is a draft until "Enregistrer"; the core's answer (or refusal) is then shown.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import { AlertRegion, Loading, Notice } from '../components/Feedback';
import { useSettings } from '../hooks/useSettings';
import { useT } from '../i18n';
import { hoursDraft, toDraft, toPatch, type DraftProblem, type SettingsDraft } from './draft';
import { HoursCard, PreferenceCards, ProblemList, SourceCard, WorkplaceCard } from './sections';

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
  const { t } = useT();
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
        <ProblemList problems={problems} />
        <WorkplaceCard view={view} draft={draft} onSite={onSite} onServices={onServices} />
        <HoursCard draft={draft} locked={locked} update={update} />
        <PreferenceCards draft={draft} locked={locked} update={update} />
        <SourceCard draft={draft} locked={locked} update={update} />

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
