import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GraphQLError } from 'graphql';
import {
  ApolloTestingController,
  ApolloTestingModule,
  type TestOperation,
} from 'apollo-angular/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import {
  budgetPayload,
  modePayload,
  modelPayload,
  settingsPayload,
  usagePayload,
  usageRowPayload,
} from '../testing/model-payloads';
import {
  MODEL_USAGE_REFRESH_MS,
  ProjectModelsPanelComponent,
} from './project-models-panel.component';

const ROLES = [
  { role: 'coder', models: ['anthropic/claude-sonnet-4-6', 'openai/gpt-4.1'], source: 'DEFAULT' },
  { role: 'tester', models: ['openai/gpt-4.1-mini'], source: 'TEAM' },
];
const CATALOG = [
  'openai/gpt-4.1',
  'openai/gpt-4.1-mini',
  'anthropic/claude-sonnet-4-6',
  'offline/blueprint',
];

describe('ProjectModelsPanelComponent', () => {
  let fixture: ComponentFixture<ProjectModelsPanelComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([]), { provide: MODEL_USAGE_REFRESH_MS, useValue: 0 }],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ProjectModelsPanelComponent);
    root = fixture.nativeElement;
  });

  afterEach(() => apollo.verify());

  const ids = (id: string, within: HTMLElement = root) => byTestId(within, id);
  const chain = (role: string) =>
    ids('role-chain').find((li) => li.dataset['role'] === role) as HTMLElement;

  async function open(settings = settingsPayload(ROLES)): Promise<void> {
    fixture.componentRef.setInput('projectId', 'p1');
    await settle(fixture);
    apollo.expectOne('ProjectModelSettings').flushData({ projectModelSettings: settings });
    apollo.expectOne('Models').flushData({
      models: CATALOG.map((id) => modelPayload(id)),
      modelMode: modePayload(false),
    });
    const usage = apollo.match('ModelUsage');
    expect(usage.map((op) => op.operation.variables['input'])).toEqual([
      { projectId: 'p1', groupBy: ['ROLE'] },
      { projectId: 'p1', groupBy: ['MODEL'] },
    ]);
    usage[0]?.flushData({
      modelUsage: usagePayload([
        usageRowPayload({ role: 'coder', calls: 2, costUsd: 0.012, costInr: 1.056 }),
      ]),
    });
    usage[1]?.flushData({
      modelUsage: usagePayload([usageRowPayload({ model: 'openai/gpt-4.1' })]),
    });
    await settle(fixture);
  }

  async function saved(): Promise<TestOperation> {
    await settle(fixture);
    return apollo.expectOne('SetProjectModelSettings');
  }

  it('shows each chain with its source, the budgets and the usage by role and model', async () => {
    await open(
      settingsPayload(ROLES, [
        budgetPayload('RUN', { tokensUsed: 45_000, tokenLimit: 50_000 }),
        budgetPayload('PROJECT', { costUsdUsed: 1.25, costUsdLimit: 2.5 }),
      ]),
    );
    expect(ids('role-chain-models', chain('coder'))[0]?.textContent).toBe(
      'anthropic/claude-sonnet-4-6 → openai/gpt-4.1',
    );
    expect(ids('role-chain-source', chain('coder'))[0]?.textContent).toBe('Built-in default');
    // The catalog's models are keyless here: a chain shows which ones a call would skip, and why.
    expect(ids('chain-skipped', chain('tester'))[0]?.textContent).toBe(
      'Skipped now: openai/gpt-4.1-mini (no key for this provider)',
    );
    expect(ids('role-chain-source', chain('tester'))[0]?.textContent).toBe('Team default');

    const meter = (key: string) =>
      ids('budget-meter')
        .find((m) => m.dataset['key'] === key)
        ?.textContent?.replace(/\s+/g, ' ');
    expect(meter('RUN-tokens')).toContain('45,000 / 50,000 · 90%');
    expect(meter('PROJECT-usd')).toContain('$1.25 / $2.50 · 50%');
    expect(meter('RUN-usd')).toContain('no budget');
    expect((ids('budget-run-tokens-input')[0] as HTMLInputElement).value).toBe('50000');

    const byRole = ids('project-usage-by-role')[0]!;
    expect(ids('model-usage-row', byRole)[0]?.dataset['key']).toBe('coder');
    expect(byRole.textContent).toContain('₹1.06');
    expect(ids('model-usage-row', ids('project-usage-by-model')[0])[0]?.dataset['key']).toBe(
      'openai/gpt-4.1',
    );
  });

  it('edits a chain in order from the catalog and saves only that role', async () => {
    await open();
    ids('edit-chain', chain('coder'))[0]?.click();
    await settle(fixture);
    ids('chain-remove', chain('coder'))[0]?.click();
    await settle(fixture);
    typeInto(ids('chain-model-select', chain('coder'))[0], 'openai/gpt-4.1-mini', 'change');
    ids('chain-add', chain('coder'))[0]?.click();
    await settle(fixture);
    const items = ids('chain-item', chain('coder')).map((li) => li.dataset['modelId']);
    expect(items).toEqual(['openai/gpt-4.1', 'openai/gpt-4.1-mini']);

    ids('chain-save', chain('coder'))[0]?.click();
    const op = await saved();
    expect(op.operation.variables['input']).toEqual({
      projectId: 'p1',
      roles: [{ role: 'coder', models: ['openai/gpt-4.1', 'openai/gpt-4.1-mini'] }],
    });
    op.flushData({
      setProjectModelSettings: settingsPayload([
        { role: 'coder', models: ['openai/gpt-4.1', 'openai/gpt-4.1-mini'], source: 'PROJECT' },
        ROLES[1]!,
      ]),
    });
    await settle(fixture);
    expect(chain('coder').dataset['source']).toBe('PROJECT');
    expect(ids('chain-draft')).toHaveLength(0);
  });

  it('resets an overridden chain to the inherited one', async () => {
    await open(settingsPayload([{ role: 'coder', models: ['openai/gpt-4.1'], source: 'PROJECT' }]));
    ids('edit-chain', chain('coder'))[0]?.click();
    await settle(fixture);
    ids('chain-reset', chain('coder'))[0]?.click();
    const op = await saved();
    expect(op.operation.variables['input']).toEqual({
      projectId: 'p1',
      roles: [{ role: 'coder', models: [] }],
    });
    op.flushData({ setProjectModelSettings: settingsPayload(ROLES) });
    await settle(fixture);
    expect(chain('coder').dataset['source']).toBe('DEFAULT');
  });

  it("shows the server's field error of a chain next to it", async () => {
    await open();
    ids('edit-chain', chain('coder'))[0]?.click();
    await settle(fixture);
    ids('chain-save', chain('coder'))[0]?.click();
    (await saved()).graphqlErrors([
      new GraphQLError('Invalid', {
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'roles.0.models', message: 'At most 8 models per chain' }],
        },
      }),
    ]);
    await settle(fixture);
    expect(ids('chain-error', chain('coder'))[0]?.textContent).toContain('At most 8 models');
    expect(ids('chain-draft')).toHaveLength(1);
  });

  it('saves budgets with empty fields as none, and shows client and server field errors', async () => {
    await open();
    typeInto(ids('budget-run-tokens-input')[0], '1.5');
    ids('save-budgets')[0]?.click();
    await settle(fixture);
    expect(ids('field-error-runTokenBudget')[0]?.textContent).toContain('whole number');
    apollo.expectNone('SetProjectModelSettings');

    typeInto(ids('budget-run-tokens-input')[0], '20000');
    typeInto(ids('budget-project-usd-input')[0], '3');
    ids('save-budgets')[0]?.click();
    const op = await saved();
    expect(op.operation.variables['input']).toEqual({
      projectId: 'p1',
      runTokenBudget: 20000,
      runCostBudgetUsd: null,
      tokenBudget: null,
      costBudgetUsd: 3,
    });
    op.graphqlErrors([
      new GraphQLError('Invalid', {
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'costBudgetUsd', message: 'Must be a non-negative number' }],
        },
      }),
    ]);
    await settle(fixture);
    expect(ids('field-error-costBudgetUsd')[0]?.textContent).toContain('non-negative');
  });

  it('shows FORBIDDEN on save as a readable message', async () => {
    await open();
    ids('save-budgets')[0]?.click();
    (await saved()).graphqlErrors([
      new GraphQLError('Only editors of the project can change its models.', {
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    await settle(fixture);
    expect(ids('models-panel-error')[0]?.textContent).toContain('Only editors');
  });

  it('explains a project the caller cannot see', async () => {
    fixture.componentRef.setInput('projectId', 'p1');
    await settle(fixture);
    apollo
      .expectOne('ProjectModelSettings')
      .graphqlErrors([new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })]);
    apollo.expectOne('Models').flushData({ models: [], modelMode: modePayload(false) });
    for (const op of apollo.match('ModelUsage'))
      op.graphqlErrors([new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })]);
    await settle(fixture);
    expect(ids('models-panel-unavailable')[0]?.textContent).toContain('not available');
  });

  it('shows the limit in force when the project set none: the tier cap, not "no budget"', async () => {
    await open(
      settingsPayload(ROLES, [
        budgetPayload('RUN', { effectiveTokenLimit: 300_000, tokenLimitSource: 'TIER', effectiveCostUsdLimit: 1, costUsdLimitSource: 'TIER' }),
        budgetPayload('PROJECT'),
      ]),
    );
    const meter = (key: string) =>
      ids('budget-meter')
        .find((m) => m.dataset['key'] === key)
        ?.textContent?.replace(/\s+/g, ' ');
    expect(meter('RUN-tokens')).toContain('0 / 300,000 (free tier cap)');
    expect(meter('RUN-usd')).toContain('$0 / $1.00 (free tier cap)');
    expect(meter('PROJECT-tokens')).toContain('no budget');
    // The form still edits the project's own budget, which is unset.
    expect((ids('budget-run-tokens-input')[0] as HTMLInputElement).value).toBe('');
  });

  it('reads usage and budget use again when model calls finish, keeping an edit in progress', async () => {
    await open(
      settingsPayload(ROLES, [
        budgetPayload('RUN', { tokenLimit: 50_000 }),
        budgetPayload('PROJECT'),
      ]),
    );
    typeInto(ids('budget-project-usd-input')[0], '4');
    fixture.componentRef.setInput('events', [{ type: 'run.started' }, { type: 'model.delta' }]);
    await fixture.whenStable();
    await settle(fixture, 10);
    apollo.expectNone('ModelUsage');

    fixture.componentRef.setInput('events', [{ type: 'model.completed' }]);
    await fixture.whenStable();
    await settle(fixture, 10);
    apollo.expectOne('ProjectModelSettings').flushData({
      projectModelSettings: settingsPayload(ROLES, [
        budgetPayload('RUN', { tokensUsed: 12_500, tokenLimit: 50_000 }),
        budgetPayload('PROJECT', { tokensUsed: 12_500 }),
      ]),
    });
    const [byRole, byModel] = apollo.match('ModelUsage');
    byRole?.flushData({ modelUsage: usagePayload([usageRowPayload({ role: 'tester' })]) });
    byModel?.flushData({ modelUsage: usagePayload([]) });
    await settle(fixture);

    const runTokens = ids('budget-meter').find((m) => m.dataset['key'] === 'RUN-tokens');
    expect(runTokens?.textContent).toContain('12,500 / 50,000');
    expect(ids('model-usage-row', ids('project-usage-by-role')[0])[0]?.dataset['key']).toBe(
      'tester',
    );
    expect((ids('budget-project-usd-input')[0] as HTMLInputElement).value).toBe('4');
  });
});
