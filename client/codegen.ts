import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The client's typed documents. Each `*.documents.ts` file's operations and fragments become
 * `TypedDocumentNode`s (`<Name>Document`) with their result and variables types (`<Name>Query`,
 * `<Name>QueryVariables`, `<Name>Fragment`), checked against the API's schema, in
 * `src/app/generated/<file>.ts` (`team.documents.ts` → `generated/team.ts`). One output per documents file
 * keeps each feature's documents in its own lazy chunk; a fragment is therefore used only in its own file.
 * The schema's enums, inputs and scalars are generated once, into `generated/schema.ts`.
 * Run `npm run codegen` after editing a document or a `.graphql` file; `api/src/codegen.test.ts` fails while
 * the output is stale.
 */
const app = 'client/src/app';
const documents = readdirSync(app, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.documents.ts'))
  .map((file) => join(app, file))
  .sort();

/** How both outputs spell types: immutable, ISO timestamps, nulls as null, no __typename. */
const shared = {
  useTypeImports: true,
  enumsAsTypes: true,
  immutableTypes: true,
  // As they travel: an ISO timestamp, and whatever the server put in a JSON field.
  scalars: { DateTime: 'string', JSON: 'unknown' },
  maybeValue: 'T | null',
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  skipTypename: true,
};

const config: CodegenConfig = {
  schema: 'api/src/graphql/**/*.graphql',
  generates: {
    // The schema's enums, inputs and scalars, once (types only: nothing of it reaches the bundle).
    [join(app, 'generated', 'schema.ts')]: {
      plugins: ['typescript'],
      config: { ...shared, onlyOperationTypes: true },
    },
    ...Object.fromEntries(
      documents.map((file) => [
        join(app, 'generated', `${basename(file, '.documents.ts')}.ts`),
        {
          documents: file,
          plugins: [{ add: { content: "import type * as Types from './schema';" } }, 'typescript-operations', 'typed-document-node'],
          config: { ...shared, namespacedImportName: 'Types', dedupeFragments: true },
        },
      ]),
    ),
  },
};
export default config;
