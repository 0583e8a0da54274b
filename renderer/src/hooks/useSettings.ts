/** The settings view and its save. The language switches as soon as the core accepted the new settings. */
import { useCallback, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import type { SettingsPatch } from '../../../shared/ipc/schemas';
import { bridge } from '../api';
import { useSetLanguage } from '../i18n';
import type { Failure } from './failure';
import { useLoaded } from './useLoaded';

export interface SettingsState {
  settings: SettingsView | null;
  loading: boolean;
  saving: boolean;
  failure: Failure;
  dismiss: () => void;
  /** Resolves with the saved view, or null when the core refused (the reason is in `failure`). */
  save: (patch: SettingsPatch) => Promise<SettingsView | null>;
}

export function useSettings(): SettingsState {
  const {
    value: settings,
    loading,
    failure,
    setValue: setSettings,
    setFailure,
  } = useLoaded(() => bridge().getSettings(), []);
  const [saving, setSaving] = useState(false);
  const setLang = useSetLanguage();

  const save = useCallback(
    async (patch: SettingsPatch) => {
      setSaving(true);
      try {
        const view = await bridge().saveSettings(patch);
        setSettings(view);
        setLang(view.values.language);
        setFailure(null);
        return view;
      } catch (error) {
        setFailure({ error });
        return null;
      } finally {
        setSaving(false);
      }
    },
    [setLang, setSettings, setFailure],
  );

  const dismiss = useCallback(() => setFailure(null), [setFailure]);
  return { settings, loading, saving, failure, dismiss, save };
}
