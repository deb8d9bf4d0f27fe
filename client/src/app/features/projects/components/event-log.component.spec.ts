import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { EventLogComponent } from './event-log.component';
import type { ProjectEvent } from '../models/project.models';

/** The project's event log folds each model call into one streaming entry (ModelCallEntryComponent). */
describe('model calls in the event log', () => {
  let fixture: ComponentFixture<EventLogComponent>;
  let root: HTMLElement;
  let seq = 0;

  const event = (type: string, data: unknown = null): ProjectEvent => ({
    id: `${++seq}-0`,
    projectId: 'p1',
    runId: 'r1',
    type,
    message: type,
    data,
    at: '2026-11-27T10:00:02.000Z',
  });
  const call = (type: string, extra: Record<string, unknown>) =>
    event(type, { callKey: 'wf/run/1', role: 'coder', ...extra });

  async function show(events: ProjectEvent[]): Promise<void> {
    fixture.componentRef.setInput('events', events);
    await settle(fixture);
  }

  beforeEach(() => {
    seq = 0;
    fixture = TestBed.createComponent(EventLogComponent);
    root = fixture.nativeElement;
  });

  it('shows one entry per call whose text grows, not one line per delta', async () => {
    const events = [
      event('run.started'),
      call('model.started', { segment: '1.0' }),
      call('model.delta', { segment: '1.0', text: 'const app = ' }),
      call('model.delta', { segment: '1.0', text: 'express();' }),
    ];
    await show(events);
    expect(byTestId(root, 'event-item').map((li) => li.dataset['eventType'])).toEqual([
      'run.started',
    ]);
    const entries = byTestId(root, 'model-call');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.dataset['role']).toBe('coder');
    expect(entries[0]?.dataset['state']).toBe('streaming');
    expect(byTestId(root, 'model-call-text')[0]?.textContent).toBe('const app = express();');
  });

  it("shows the architect's JSON plan as a readable line, the JSON folded away", async () => {
    const plan = {
      summary: 'A URL shortener',
      tasks: [1, 2, 3, 4, 5, 6].map((i) => ({ id: `t${i}` })),
    };
    await show([
      call('model.started', { segment: '1.0', role: 'architect' }),
      call('model.delta', {
        segment: '1.0',
        role: 'architect',
        text: JSON.stringify(plan).slice(0, 20),
      }),
    ]);
    expect(byTestId(root, 'model-call-summary')[0]?.textContent).toMatch(
      /^Writing a structured reply…/,
    );
    await show([
      call('model.started', { segment: '1.0', role: 'architect' }),
      call('model.delta', { segment: '1.0', role: 'architect', text: JSON.stringify(plan) }),
      call('model.completed', {
        model: 'offline/blueprint',
        offline: true,
        usage: { totalTokens: 10 },
        costUsd: 0,
        costInr: 0,
        fallbackFrom: null,
      }),
    ]);
    expect(byTestId(root, 'model-call-summary')[0]?.textContent).toBe(
      'Plan: 6 tasks: A URL shortener',
    );
    const json = byTestId(root, 'model-call-text')[0]!;
    expect(json.closest('details')?.open).toBe(false);
    expect(JSON.parse(json.textContent!)).toEqual(plan);
  });

  it("marks a cancelled run's end as cancelled, a failed one not", async () => {
    await show([
      event('run.failed', { error: 'The build was cancelled', cancelled: true }),
      event('run.failed', { error: 'npm failed', cancelled: false }),
    ]);
    expect(byTestId(root, 'event-item').map((li) => li.dataset['cancelled'] ?? null)).toEqual([
      'true',
      null,
    ]);
  });

  it('shows only the retried attempt text, then model, tokens, both costs and the offline mark', async () => {
    await show([
      call('model.started', { segment: '1.0' }),
      call('model.delta', { segment: '1.0', text: 'half a rep' }),
      call('model.started', { segment: '2.0' }),
      call('model.delta', { segment: '2.0', text: 'the whole reply' }),
      call('model.completed', {
        model: 'offline/blueprint',
        offline: true,
        usage: { inputTokens: 1200, outputTokens: 300, totalTokens: 1500 },
        costUsd: 0,
        costInr: 0,
        fallbackFrom: null,
      }),
    ]);
    expect(byTestId(root, 'model-call-text')[0]?.textContent).toBe('the whole reply');
    const entry = byTestId(root, 'model-call')[0];
    expect(entry?.dataset['state']).toBe('completed');
    expect(entry?.dataset['offline']).toBe('true');
    expect(byTestId(root, 'model-call-result')[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'offline/blueprint · 1,500 tokens · $0 · ₹0',
    );
    expect(byTestId(root, 'model-call-offline')).toHaveLength(1);
  });

  it('names the model a call fell back from, with its cost in USD and INR', async () => {
    await show([
      call('model.completed', {
        model: 'openai/gpt-4.1',
        offline: false,
        usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 },
        costUsd: 0.006,
        costInr: 0.528,
        fallbackFrom: 'anthropic/claude-sonnet-4-6',
      }),
    ]);
    expect(byTestId(root, 'model-call-result')[0]?.textContent).toContain('$0.006');
    expect(byTestId(root, 'model-call-result')[0]?.textContent).toContain('₹0.528');
    expect(byTestId(root, 'model-call-fallback')[0]?.textContent).toContain('claude-sonnet-4-6');
    expect(byTestId(root, 'model-call-offline')).toHaveLength(0);
  });
});
