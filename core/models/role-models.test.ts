import { buildCatalog, CatalogOverrideError, catalogOverrideSchema } from './catalog';
import { AGENT_ROLES } from './model-types';
import { DEFAULT_ROLE_MODELS, resolveRoleChain, roleModelOverrideSchema } from './role-models';

describe('role → model map', () => {
  test('every role has a default chain of catalog models spanning more than one vendor', () => {
    const ids = new Set(buildCatalog().map((m) => m.id));
    for (const role of AGENT_ROLES) {
      const chain = DEFAULT_ROLE_MODELS[role];
      expect(chain.every((id) => ids.has(id))).toBe(true);
      expect(new Set(chain.map((id) => id.split('/')[0])).size).toBeGreaterThan(1);
    }
  });

  test('project beats team beats platform beats default, per role', () => {
    const scopes = {
      project: { coder: ['openai/gpt-4.1'] },
      team: { coder: ['google/gemini-2.5-pro'], tester: ['google/gemini-2.5-flash'] },
      platform: { reviewer: ['anthropic/claude-haiku-4-5'] },
    };
    expect(resolveRoleChain('coder', scopes)).toEqual({ models: ['openai/gpt-4.1'], source: 'project' });
    expect(resolveRoleChain('tester', scopes)).toEqual({ models: ['google/gemini-2.5-flash'], source: 'team' });
    expect(resolveRoleChain('reviewer', scopes)).toEqual({ models: ['anthropic/claude-haiku-4-5'], source: 'platform' });
    expect(resolveRoleChain('devops', scopes)).toEqual({ models: DEFAULT_ROLE_MODELS.devops, source: 'default' });
  });

  test('an override naming an unknown role or an empty chain is rejected', () => {
    expect(roleModelOverrideSchema.safeParse({ wizard: ['openai/gpt-4.1'] }).success).toBe(false);
    expect(roleModelOverrideSchema.safeParse({ coder: [] }).success).toBe(false);
  });
});

describe('catalog overrides', () => {
  test('a price change merges into the built-in entry; removal drops a model; a new model needs every field', () => {
    const catalog = buildCatalog(
      catalogOverrideSchema.parse({ models: [{ id: 'openai/gpt-4.1', pricing: { inputPer1kUsd: 0.001 } }], remove: ['openai/o4-mini'] }),
    );
    const gpt = catalog.find((m) => m.id === 'openai/gpt-4.1')!;
    expect(gpt.pricing.inputPer1kUsd).toBe(0.001);
    expect(gpt.pricing.outputPer1kUsd).toBe(0.008);
    expect(catalog.some((m) => m.id === 'openai/o4-mini')).toBe(false);
    expect(() => buildCatalog(catalogOverrideSchema.parse({ models: [{ id: 'openai-compatible/qwen3', displayName: 'Qwen 3' }] }))).toThrow(
      CatalogOverrideError,
    );
  });
});
