export { understand, type Context } from './understand.js';
export { buildLexicon, type Lexicon, type LexiconItem, type LexiconSnapshot } from './lexicon.js';
export { lexiconSnapshot, snapshotFrom } from './lexicon-source.js';
export { assertPlanSafe, planSafetyProblems } from './safety.js';
export { selectItems } from './scope.js';
