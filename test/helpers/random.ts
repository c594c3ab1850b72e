// The seeded PRNG lives with the mock-data generator, which needs it outside the tests; a
// failing seeded run replays from its seed. Re-exported so that tests import it from here.
export { Random } from '../../scripts/lib/random.js';
