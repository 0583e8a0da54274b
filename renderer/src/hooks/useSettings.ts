/** The settings view and its save. The language switches as soon as the core accepted the new settings. */
import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import type { SettingsPatch } from '../../../shared/ipc/schemas';
import { bridge } from '../api';
import { useSetLanguage } from '../i18n';
import type { Failure } from './failure';

export interface SettingsState {
  settings: SettingsView | null;
  loading: boolean;
  saving: boolean;
  failure: Failure;
  dismiss(): void;
  /** Resolves with the saved view, or null when the core refused (the reason is in `failure`). */
  save(patch: SettingsPatch): Promise<SettingsView | null>;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const setLang = useSetLanguage();

  useEffect(() => {
    let alive = true;
    (async () => {
      try {
        const view = await bridge().getSettings();
        if (alive) setSettings(view);
      } catch (error) {
        if (alive) setFailure({ error });
      } finally {
        if (alive) setLoading(false);
      }
    })();
    return () => {
      alive = false;
    };
  }, []);

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
    [setLang],
  );

  const dismiss = useCallback(() => setFailure(null), []);
  return { settings, loading, saving, failure, dismiss, save };
}
