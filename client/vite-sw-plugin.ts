import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { Paths } from '../shared/protocol.js';

/**
 * Emits `sw.js` at the root of the build from a hand-written template, with the
 * list of every file of this build to precache, a version derived from it and
 * the server's path prefixes (shared/protocol.ts `Paths`), which it never caches.
 * Why build it rather than ship a static public/sw.js: the first visit loads its
 * assets before the worker controls the page, so a worker that only cached on
 * fetch would have nothing to serve on the first offline reload. A new build
 * also changes the worker's bytes, which makes the browser install it and drop
 * the previous build's cache.
 */
export function serviceWorker(templatePath: string): Plugin {
  return {
    name: 'stockroom-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'sw.js' && name !== 'index.html')
        .sort()
        .map((name) => `/${name}`);
      const precache = ['/', ...files];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(templatePath, 'utf8')
        .replace('self.__PRECACHE__', JSON.stringify(precache))
        .replace('self.__VERSION__', JSON.stringify(version))
        .replace('self.__BYPASS__', JSON.stringify([...Object.values(Paths), '/sw.js']));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
