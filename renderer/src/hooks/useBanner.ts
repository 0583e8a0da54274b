/**
 * The banner's view (issue 12): asked once, then again at every state change the core pushes, so an end or an
 * acknowledgement made elsewhere is seen. Acknowledging sends the key the core gave and the optional initials.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BannerView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import type { Failure } from './failure';

export interface BannerState {
  view: BannerView | null;
  loading: boolean;
  failure: Failure;
  /** Resolves true once the core stored the acknowledgement. */
  acknowledge: (initials: string) => Promise<boolean>;
  /** For the page's own calls (opening the continuity plan) that fail. */
  setFailure: (failure: Failure) => void;
}

export function useBanner(): BannerState {
  const [view, setView] = useState<BannerView | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure>(null);

  useEffect(() => {
    let alive = true;
    let unsubscribe: () => void = () => undefined;
    const load = (api: ReturnType<typeof bridge>) =>
      api
        .getBanner()
        .then((next) => alive && setView(next))
        .catch((error: unknown) => alive && setFailure({ error }))
        .finally(() => alive && setLoading(false));
    try {
      const api = bridge();
      unsubscribe = api.onStateChanged(() => void load(api));
      void load(api);
    } catch (error) {
      setFailure({ error });
      setLoading(false);
    }
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);

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
    [view],
  );

  return { view, loading, failure, acknowledge, setFailure };
}
