import { z } from 'zod';

// The shared schemas (shared/*.ts) validate edits in the browser too. Zod's compiled fast
// path needs `new Function`, which the server's Content-Security-Policy forbids, and its
// probe for it logs a CSP violation. This module is imported first by main.tsx, so the
// setting holds before any schema is built or used.
z.config({ jitless: true });
