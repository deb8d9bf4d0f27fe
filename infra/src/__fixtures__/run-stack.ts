/**
 * Runs `runStart` the way `npm start` does, with stand-in entry points unless
 * ATELIER_STACK_TEST_REAL_ENTRIES=1 (then the real api/ and activities/ entries).
 */
import path from 'node:path';
import { runStart } from '../cli';
import { defaultEntries, type EntryCommand } from '../stack';

const standIn = (file: string): EntryCommand => ({ command: defaultEntries.api.command, args: [path.join(__dirname, file)] });
const entries = process.env.ATELIER_STACK_TEST_REAL_ENTRIES === '1' ? {} : { migrate: standIn('migrate.ts'), worker: standIn('worker.ts'), api: standIn('api.ts') };
void runStart({ entries }).then((code) => process.exit(code));
