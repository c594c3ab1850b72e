/**
 * Registers the app-shell service worker (built as /sw.js, see vite-sw-plugin.ts).
 * Only in production builds: in `vite dev` the worker would cache modules that
 * change on every save.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('Stockroom: the offline shell is unavailable', error);
  });
}
