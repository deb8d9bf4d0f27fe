/**
 * Yjs for the CommonJS server code: the package's types are ESM-only, its runtime ships a CommonJS build.
 * Import `Y` from here (one Yjs copy per process; the client imports `yjs` itself).
 */
import type * as YTypes from 'yjs' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Y = require('yjs') as typeof YTypes;
export type YDoc = YTypes.Doc;
export type YText = YTypes.Text;
