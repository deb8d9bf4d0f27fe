/** Runs `runStart` the way `npm start` does (after the bootstrap), for the launcher test. */
import { runStart } from '../cli';

void runStart().then((code) => process.exit(code));
