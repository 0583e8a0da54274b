/**
 * The status/calendar view: loaded once, then replaced by every state change the core pushes (unsubscribed on
 * unmount), by "Synchroniser maintenant", and kept in step with the UI language.
 */
import { useCallback, useEffect, useState } from 'react';
import type { StatusView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import { useSetLanguage } from '../i18n';
import type { Failure } from './failure';
import { useOpenLinkInto } from './useOpenLink';

export interface StatusState {
  status: StatusView | null;
  loading: boolean;
  failure: Failure;
  dismiss: () => void;
  /** Resolves true when the sync call returned (the view then tells whether the source answered). */
  syncNow: () => Promise<boolean>;
  /** The written file's path, or null on failure (shown in the alert). */
  exportCalendar: () => Promise<string | null>;
  openLink: (url: string) => void;
}

export function useStatus(): StatusState {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure>(null);
  const setLang = useSetLanguage();

  const show = useCallback(
    (next: StatusView) => {
      setStatus(next);
      setLang(next.language);
    },
    [setLang],
  );

  useEffect(() => {
    let alive = true;
    let unsubscribe: () => void = () => undefined;
    try {
      const api = bridge();
      unsubscribe = api.onStateChanged((next) => alive && show(next));
      api
        .getStatus()
        .then((next) => alive && show(next))
        .catch((error: unknown) => alive && setFailure({ error }))
        .finally(() => alive && setLoading(false));
    } catch (error) {
      setFailure({ error });
      setLoading(false);
    }
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [show]);

  const syncNow = useCallback(async () => {
    try {
      show(await bridge().syncNow());
      setFailure(null);
      return true;
    } catch (error) {
      setFailure({ error });
      return false;
    }
  }, [show]);

  const exportCalendar = useCallback(async () => {
    try {
      const { path } = await bridge().exportCalendar();
      setFailure(null);
      return path;
    } catch (error) {
      setFailure({ error });
      return null;
    }
  }, []);

  const openLink = useOpenLinkInto(setFailure);
  const dismiss = useCallback(() => setFailure(null), []);

  return { status, loading, failure, dismiss, syncNow, exportCalendar, openLink };
}
