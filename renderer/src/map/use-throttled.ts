import { useEffect, useRef, useState } from 'react';

/**
 * The value, updated at most every `ms` while it keeps changing (the latest
 * one always lands): a scan streaming thousands of devices re-lays the map a
 * few times a second, not on every 100 ms batch.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
