import { useCallback, useEffect, useState } from "react";

import { errorMessage } from "./api";

export type Loaded<T> = {
  data?: T;
  error?: string;
  loading: boolean;
  /** Loads again with the same inputs. */
  reload: () => void;
  /** Replaces the data with a value the caller already has (e.g. an action's answer). */
  set: (data: T) => void;
};

/**
 * Runs `load` when `deps` change and keeps the latest answer; an answer that arrives after a newer
 * request started is dropped, so a slow response never overwrites a fresher one.
 */
export function useLoader<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: errorMessage(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}
