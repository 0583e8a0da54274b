/**
 * The status/calendar view: loaded once, then replaced by every state change the core pushes (unsubscribed on
 * unmount), by "Synchroniser maintenant", and kept in step with the UI language.
 */
import { useCallback, useState } from 'react';
import type { VigieApi } from '../../../shared/ipc/contract';
import type { StatusView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import { useSetLanguage } from '../i18n';
import type { Failure } from './failure';
import { useCoreFeed } from './useCoreFeed';
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

const askStatus = (api: VigieApi) => api.getStatus();
const pushedStatus = (_api: VigieApi, pushed: StatusView) => pushed;

export function useStatus(): StatusState {
  const [status, setStatus] = useState<StatusView | null>(null);
  const setLang = useSetLanguage();

  const show = useCallback(
    (next: StatusView) => {
      setStatus(next);
      setLang(next.language);
    },
    [setLang],
  );

  const { loading, failure, setFailure } = useCoreFeed(askStatus, pushedStatus, show);

  const syncNow = useCallback(async () => {
    try {
      show(await bridge().syncNow());
      setFailure(null);
      return true;
    } catch (error) {
      setFailure({ error });
      return false;
    }
  }, [show, setFailure]);

  const exportCalendar = useCallback(async () => {
    try {
      const { path } = await bridge().exportCalendar();
      setFailure(null);
      return path;
    } catch (error) {
      setFailure({ error });
      return null;
    }
  }, [setFailure]);

  const openLink = useOpenLinkInto(setFailure);
  const dismiss = useCallback(() => setFailure(null), [setFailure]);

  return { status, loading, failure, dismiss, syncNow, exportCalendar, openLink };
}
