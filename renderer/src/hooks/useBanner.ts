/**
 * The banner's view (issue 12): asked once, then again at every state change the core pushes, so an end or an
 * acknowledgement made elsewhere is seen. Acknowledging sends the key the core gave and the optional initials.
 */
import { useCallback, useState } from 'react';
import type { VigieApi } from '../../../shared/ipc/contract';
import type { BannerView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import type { Failure } from './failure';
import { useCoreFeed } from './useCoreFeed';

export interface BannerState {
  view: BannerView | null;
  loading: boolean;
  failure: Failure;
  /** Resolves true once the core stored the acknowledgement. */
  acknowledge: (initials: string) => Promise<boolean>;
  /** For the page's own calls (opening the continuity plan) that fail. */
  setFailure: (failure: Failure) => void;
}

const askBanner = (api: VigieApi) => api.getBanner();

export function useBanner(): BannerState {
  const [view, setView] = useState<BannerView | null>(null);
  // Every push asks again: an end or an acknowledgement made elsewhere changes the banner, not only the status.
  const { loading, failure, setFailure } = useCoreFeed(askBanner, askBanner, setView);

  const acknowledge = useCallback(
    async (initials: string) => {
      if (!view) return false;
      try {
        await bridge().acknowledgeBanner({ key: view.key, initials });
        setFailure(null);
        return true;
      } catch (error) {
        setFailure({ error });
        return false;
      }
    },
    [view, setFailure],
  );

  return { view, loading, failure, acknowledge, setFailure };
}
