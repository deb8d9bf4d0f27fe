import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { usagePayload, usageRowPayload } from '../testing/model-payloads';
import { MyModelUsageComponent, startOfMonthUtc } from './my-model-usage.component';

describe('startOfMonthUtc', () => {
  it('starts the month at midnight UTC on its first day', () => {
    expect(startOfMonthUtc(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-01T00:00:00.000Z');
    expect(startOfMonthUtc(new Date('2026-12-01T00:30:00+05:30'))).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('MyModelUsageComponent', () => {
  let fixture: ComponentFixture<MyModelUsageComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(MyModelUsageComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  it("reads the caller's own usage this month by model and by day", async () => {
    const ops = apollo.match('ModelUsage');
    const inputs = ops.map((op) => op.operation.variables['input'] as Record<string, unknown>);
    expect(inputs.map((i) => i['groupBy'])).toEqual([['MODEL'], ['DAY']]);
    for (const input of inputs) {
      expect(input['projectId']).toBeUndefined();
      expect(input['teamId']).toBeUndefined();
      expect(input['from']).toBe(startOfMonthUtc(new Date()));
    }
    ops[0]?.flushData({
      modelUsage: usagePayload([
        usageRowPayload({ model: 'openai/gpt-4.1', costUsd: 0.012, costInr: 1.056 }),
        usageRowPayload({ model: 'offline/blueprint', costUsd: 0, costInr: 0 }),
      ]),
    });
    ops[1]?.flushData({ modelUsage: usagePayload([usageRowPayload({ day: '2026-11-27' })]) });
    await settle(fixture);

    const tables = byTestId(root, 'model-usage-table');
    expect(tables.map((t) => t.dataset['group'])).toEqual(['model', 'day']);
    expect(byTestId(tables[0]!, 'model-usage-row').map((r) => r.dataset['key'])).toEqual([
      'openai/gpt-4.1',
      'offline/blueprint',
    ]);
    expect(byTestId(tables[0]!, 'model-usage-total')[0]?.textContent).toContain('₹1.06');
    expect(byTestId(tables[1]!, 'model-usage-row')[0]?.dataset['key']).toBe('2026-11-27');
  });

  it('shows a failure with a way to try again', async () => {
    for (const op of apollo.match('ModelUsage')) op.networkError(new Error('down'));
    await settle(fixture);
    expect(byTestId(root, 'model-usage-error')[0]?.textContent).toContain('Cannot reach');
    byTestId(root, 'model-usage-error')[0]?.querySelector('button')?.click();
    await settle(fixture);
    for (const op of apollo.match('ModelUsage')) op.flushData({ modelUsage: usagePayload([]) });
    await settle(fixture);
    expect(byTestId(root, 'model-usage-empty')).toHaveLength(2);
  });
});
