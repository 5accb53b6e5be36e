/** Long work shown as a progress bar, after a short delay: a flash would only distract. */
import { useEffect, useState } from 'react';

/** Work shorter than this shows no progress. */
const PROGRESS_DELAY_MS = 300;

export function useProgress() {
  const [work, setWork] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!work) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(t);
  }, [work]);
  return { work, setWork, showing: shown && work ? work : null };
}
