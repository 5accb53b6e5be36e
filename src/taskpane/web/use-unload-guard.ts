/** While there are changes not downloaded, closing or reloading the page asks first. */
import { useEffect } from 'react';

export function useUnloadGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when a message is set; none shows it any more.
      e.returnValue = '当前工作簿有未下载的修改';
      return e.returnValue;
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [active]);
}
