/**
 * One question to the core, asked again whenever `deps` change. An answer that arrives after the component is gone,
 * or after a newer question was asked, is dropped: it must not overwrite a fresher one.
 */
import { useEffect, useState, type DependencyList } from 'react';
import type { Failure } from './failure';

export interface Loaded<T> {
  value: T | null;
  loading: boolean;
  failure: Failure;
  /** For the caller's own calls that return a fresher value (a save) or fail. */
  setValue: (value: T) => void;
  setFailure: (failure: Failure) => void;
}

export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure>(null);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    // An async function, so that a bridge missing altogether (load throwing at once) is a failure on screen too.
    // It never rejects (every error lands in `failure`), hence `void`.
    void (async () => {
      try {
        const next = await load();
        if (!alive) return;
        setValue(next);
        setFailure(null);
      } catch (error) {
        if (alive) setFailure({ error });
      } finally {
        if (alive) setLoading(false);
      }
    })();
    return () => {
      alive = false;
    };
    // `load` is a fresh closure on every render; `deps` say when the question changes (the caller's list, which
    // the hook rule cannot read statically).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { value, loading, failure, setValue, setFailure };
}
