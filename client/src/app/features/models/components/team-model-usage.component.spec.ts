import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { usagePayload, usageRowPayload } from '../testing/model-payloads';
import { TeamModelUsageComponent } from './team-model-usage.component';

describe('TeamModelUsageComponent', () => {
  let fixture: ComponentFixture<TeamModelUsageComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(TeamModelUsageComponent);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('teamId', 't1');
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  it("reads the team's usage by model and by role", async () => {
    const ops = apollo.match('ModelUsage');
    expect(ops.map((op) => op.operation.variables['input'])).toEqual([
      { teamId: 't1', groupBy: ['MODEL'] },
      { teamId: 't1', groupBy: ['ROLE'] },
    ]);
    ops[0]?.flushData({ modelUsage: usagePayload([usageRowPayload({ model: 'openai/gpt-4.1' })]) });
    ops[1]?.flushData({ modelUsage: usagePayload([usageRowPayload({ role: 'reviewer' })]) });
    await settle(fixture);
    const tables = byTestId(root, 'model-usage-table');
    expect(tables.map((t) => t.dataset['group'])).toEqual(['model', 'role']);
    expect(byTestId(tables[1]!, 'model-usage-row')[0]?.dataset['key']).toBe('reviewer');
  });

  it("shows the server's sentence when the caller may not see it", async () => {
    for (const op of apollo.match('ModelUsage'))
      op.graphqlErrors([
        new GraphQLError('Only members see a team’s usage', { extensions: { code: 'FORBIDDEN' } }),
      ]);
    await settle(fixture);
    expect(byTestId(root, 'model-usage-error')[0]?.textContent).toContain('Only members');
  });
});
