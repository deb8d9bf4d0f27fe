import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { CONFIRM } from '../../../shared/browser.tokens';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { providerKeyPayload, teamBudgetsPayload } from '../../../../testing/fixtures';
import { TeamModelSettingsComponent } from './team-model-settings.component';

describe('TeamModelSettingsComponent', () => {
  let fixture: ComponentFixture<TeamModelSettingsComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let asked: string[];

  beforeEach(async () => {
    asked = [];
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [{ provide: CONFIRM, useValue: (q: string) => (asked.push(q), true) }],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(TeamModelSettingsComponent);
    fixture.componentRef.setInput('teamId', 't1');
    fixture.componentRef.setInput('teamName', 'Platform crew');
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  async function load(keys: unknown[], budgets = teamBudgetsPayload()): Promise<void> {
    const keysOp = apollo.expectOne('TeamProviderKeys');
    expect(keysOp.operation.variables).toEqual({ teamId: 't1' });
    keysOp.flushData({ teamProviderKeys: keys });
    apollo.expectOne('TeamModelBudgets').flushData({ teamModelBudgets: budgets });
    await settle(fixture);
  }

  const one = (id: string) => byTestId(root, id)[0];
  const text = (id: string) => one(id)?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows the empty state: no keys (the platform falls back) and no budgets under the tier cap', async () => {
    await load([]);
    expect(text('provider-keys-empty')).toContain("the team's runs use the platform's keys");
    expect(text('team-owner-tier')).toBe('pro');
    expect(text('team-budget-cap-runTokenBudget')).toBe('Tier cap: 3,000,000');
    expect(text('team-budget-cap-monthlyCostBudgetUsd')).toBe('Tier cap: $150.00');
    expect((one('team-budget-runTokenBudget') as HTMLInputElement).value).toBe('');
  });

  it("sets the team's key and deletes one once confirmed", async () => {
    await load([providerKeyPayload('anthropic', 'sk-…a1b2')]);
    expect(byTestId(root, 'provider-key-row').map((r) => r.dataset['provider'])).toEqual([
      'anthropic',
    ]);
    typeInto(one('provider-key-input'), 'sk-team-0123456789');
    one('save-provider-key')?.click();
    await settle(fixture);
    const set = apollo.expectOne('SetTeamProviderKey');
    expect(set.operation.variables).toEqual({
      teamId: 't1',
      provider: 'openai',
      key: 'sk-team-0123456789',
      baseUrl: null,
    });
    set.flushData({ setTeamProviderKey: providerKeyPayload('openai', 'sk-…6789') });
    await settle(fixture);
    expect(byTestId(root, 'provider-key-hint').map((h) => h.textContent?.trim())).toEqual([
      'sk-…a1b2',
      'sk-…6789',
    ]);
    byTestId(root, 'delete-provider-key')[0]?.click();
    await settle(fixture);
    expect(asked).toEqual(["Delete Platform crew's Anthropic key? Atelier can no longer use it."]);
    const del = apollo.expectOne('DeleteTeamProviderKey');
    expect(del.operation.variables).toEqual({ teamId: 't1', provider: 'anthropic' });
    del.flushData({ deleteTeamProviderKey: true });
    await settle(fixture);
    expect(byTestId(root, 'provider-key-row')).toHaveLength(1);
  });

  it('checks budgets before sending, then sends them as the API takes them', async () => {
    await load([], teamBudgetsPayload({ runTokenBudget: 100_000, monthTokensUsed: 1234 }));
    expect((one('team-budget-runTokenBudget') as HTMLInputElement).value).toBe('100000');
    expect(text('team-month-spent')).toBe('This month: 1,234 tokens · $0');
    typeInto(one('team-budget-runTokenBudget'), '1.5');
    typeInto(one('team-budget-monthlyCostBudgetUsd'), '-3');
    one('save-team-budgets')?.click();
    await settle(fixture);
    expect(text('field-error-runTokenBudget')).toBe('Enter a whole number of tokens.');
    expect(text('field-error-monthlyCostBudgetUsd')).toContain('0 or more');
    apollo.expectNone('SetTeamModelBudgets');

    typeInto(one('team-budget-runTokenBudget'), '');
    typeInto(one('team-budget-monthlyCostBudgetUsd'), '200');
    await settle(fixture);
    expect(text('team-budget-cap-monthlyCostBudgetUsd')).toContain('(the cap applies)');
    one('save-team-budgets')?.click();
    await settle(fixture);
    const op = apollo.expectOne('SetTeamModelBudgets');
    expect(op.operation.variables['input']).toEqual({
      teamId: 't1',
      runTokenBudget: null,
      runCostBudgetUsd: null,
      monthlyTokenBudget: null,
      monthlyCostBudgetUsd: 200,
    });
    op.flushData({ setTeamModelBudgets: teamBudgetsPayload({ monthlyCostBudgetUsd: 200 }) });
    await settle(fixture);
    expect(byTestId(root, 'team-budgets-saved')).toHaveLength(1);
    expect((one('team-budget-monthlyCostBudgetUsd') as HTMLInputElement).value).toBe('200');
  });

  it("shows the server's errors inline and keeps what was typed", async () => {
    await load([]);
    typeInto(one('team-budget-runCostBudgetUsd'), '5');
    one('save-team-budgets')?.click();
    await settle(fixture);
    apollo.expectOne('SetTeamModelBudgets').flush({
      errors: [
        new GraphQLError('Invalid input', {
          extensions: {
            code: 'BAD_USER_INPUT',
            fieldErrors: [{ field: 'runCostBudgetUsd', message: 'Must be a non-negative number' }],
          },
        }),
      ],
    });
    await settle(fixture);
    expect(text('field-error-runCostBudgetUsd')).toBe('Must be a non-negative number');
    expect((one('team-budget-runCostBudgetUsd') as HTMLInputElement).value).toBe('5');
    expect(byTestId(root, 'team-budgets-saved')).toHaveLength(0);

    apollo.expectNone('TeamModelBudgets');
    one('save-team-budgets')?.click();
    await settle(fixture);
    apollo.expectOne('SetTeamModelBudgets').flush({
      errors: [
        new GraphQLError('Only team owners and admins change its budgets', {
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    await settle(fixture);
    expect(text('team-budgets-form-error')).toBe('Only team owners and admins change its budgets');
    expect((one('team-budget-runCostBudgetUsd') as HTMLInputElement).value).toBe('5');
  });

  it('shows why the budgets could not be read, with a retry', async () => {
    apollo.expectOne('TeamProviderKeys').flushData({ teamProviderKeys: [] });
    apollo.expectOne('TeamModelBudgets').flush({
      errors: [
        new GraphQLError('Only team members see its budgets', {
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    await settle(fixture);
    expect(text('team-budgets-error')).toContain('Only team members see its budgets');
  });
});
