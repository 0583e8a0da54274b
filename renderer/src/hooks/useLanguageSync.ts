/**
 * Reads the configured language once at start and follows it on every state change. Until the first answer the
 * app shows a loading line rather than French text that would flip to English a moment later.
 */
import { useEffect, useState } from 'react';
import { bridge } from '../api';
import { useSetLanguage } from '../i18n';

export function useLanguageSync(): boolean {
  const setLang = useSetLanguage();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    let unsubscribe: () => void = () => undefined;
    try {
      const api = bridge();
      unsubscribe = api.onStateChanged((status) => setLang(status.language));
      api
        .getSettings()
        .then((settings) => alive && setLang(settings.values.language))
        .catch(() => undefined) // the page itself will show the error from its own call
        .finally(() => alive && setReady(true));
    } catch {
      setReady(true); // no bridge: let the page say so
    }
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [setLang]);
  return ready;
}
