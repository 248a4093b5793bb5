import { useEffect } from 'react';

/** Asks again every `ms` while `active` (the live run list: every 2 s, no subscriptions). */
export function usePolling(refetch: () => void, ms: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(refetch, ms);
    return () => window.clearInterval(timer);
  }, [refetch, ms, active]);
}
