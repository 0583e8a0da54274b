/**
 * A view kept in step with the core: asked once, then again at every state change the core pushes (unsubscribed on
 * unmount). `onPush` turns the pushed status into the view: the status window shows it as is, the banner asks for
 * its own view again. Unlike `useLoaded`, a refresh does not go back to "loading" (no flash at every push), and an
 * answer that arrives after unmount is dropped. `first`, `onPush` and `show` must be stable (module functions or
 * `useCallback`): a new one re-subscribes.
 */
import { useEffect, useState } from 'react';
import type { VigieApi } from '../../../shared/ipc/contract';
import type { StatusView } from '../../../shared/ipc/views';
import { bridge } from '../api';
import type { Failure } from './failure';

export interface CoreFeed {
  loading: boolean;
  failure: Failure;
  setFailure: (failure: Failure) => void;
}

export function useCoreFeed<T>(
  first: (api: VigieApi) => Promise<T>,
  onPush: (api: VigieApi, pushed: StatusView) => Promise<T> | T,
  show: (value: T) => void,
): CoreFeed {
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure>(null);

  useEffect(() => {
    let alive = true;
    let unsubscribe: () => void = () => undefined;
    // A question that throws or rejects (first or at a push) lands in `failure` alike.
    const settle = (ask: () => Promise<T> | T) =>
      Promise.resolve()
        .then(ask)
        .then((next) => alive && show(next))
        .catch((error: unknown) => alive && setFailure({ error }))
        .finally(() => alive && setLoading(false));
    try {
      const api = bridge();
      unsubscribe = api.onStateChanged((pushed) => void settle(() => onPush(api, pushed)));
      void settle(() => first(api));
    } catch (error) {
      setFailure({ error });
      setLoading(false);
    }
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [first, onPush, show]);

  return { loading, failure, setFailure };
}
