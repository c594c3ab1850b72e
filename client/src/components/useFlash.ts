import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a row stays highlighted after the board scrolled to it (matches the CSS animation). */
const FLASH_MS = 1600;

/** One highlighted id at a time; flashing another restarts the timer. */
export function useFlash(): { flashId: string | null; flash(id: string): void } {
  const [flashId, setFlashId] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const flash = useCallback((id: string) => {
    window.clearTimeout(timer.current);
    setFlashId(id);
    timer.current = window.setTimeout(() => setFlashId(null), FLASH_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { flashId, flash };
}
