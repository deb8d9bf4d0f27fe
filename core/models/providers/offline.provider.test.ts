import { agentToolSpecs } from '../../agents/agent-tools';
import type { ChatMessage, ModelRequest } from '../model-types';
import { ProviderError } from '../provider.errors';
import { OfflineProvider, OFFLINE_MODEL } from './offline.provider';

const TODO = 'A todo REST API in Express with tests';

function request(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return { model: OFFLINE_MODEL, messages: [{ role: 'user', content: TODO }], tools: agentToolSpecs(), agentRole: 'coder', ...overrides };
}

// A mid-conversation request: the backend agent already wrote one file and got its result.
const midConversation: ChatMessage[] = [
  { role: 'system', content: 'You are the backend developer.' },
  { role: 'user', content: TODO },
  { role: 'assistant', content: '', toolCalls: [{ id: 'call_offline_0', name: 'write_file', arguments: { path: 'src/store.js', content: 'x' } }] },
  { role: 'tool', toolCallId: 'call_offline_0', name: 'write_file', content: 'wrote src/store.js' },
];

describe('OfflineProvider', () => {
  it('answers the same request with the same response, across instances', async () => {
    for (const req of [request(), request({ messages: midConversation }), request({ agentRole: 'architect', tools: undefined }), request({ agentRole: 'tester' })]) {
      const first = await new OfflineProvider().generate(req);
      expect(await new OfflineProvider().generate(structuredClone(req))).toEqual(first);
    }
  });

  it('continues from the tool calls already made', async () => {
    // The backend's first task writes the store, then the validator.
    const first = await new OfflineProvider().generate(request({ agentRole: 'backend' }));
    const next = await new OfflineProvider().generate(request({ agentRole: 'backend', messages: midConversation }));
    expect(first.toolCalls[0]!.arguments.path).toBe('src/store.js');
    expect(next.toolCalls[0]!.arguments.path).toBe('src/validate.js');
    expect(next.toolCalls[0]!.id).not.toBe(first.toolCalls[0]!.id);
    expect(next.finishReason).toBe('tool_calls');
    expect(next.text).toBe('');
  });

  it('echoes the requested model and labels itself offline', async () => {
    const provider = new OfflineProvider();
    expect(provider.id).toBe('offline');
    expect((await provider.generate(request({ model: 'anything-else' }))).model).toBe('anything-else');
  });

  it('answers in text with toolChoice none or without tools', async () => {
    for (const req of [request({ toolChoice: 'none' }), request({ tools: undefined }), request({ tools: [] })]) {
      const res = await new OfflineProvider().generate(req);
      expect(res.toolCalls).toEqual([]);
      expect(res.finishReason).toBe('stop');
      expect(res.text).toMatch(/offline blueprint "Express todo REST API"/);
    }
  });

  it('calls only the tool a named toolChoice allows', async () => {
    // The architect's next step is finishing with the plan once list_files is not on offer.
    const res = await new OfflineProvider().generate(request({ agentRole: 'architect', tools: agentToolSpecs(['finish']), toolChoice: { name: 'finish' } }));
    expect(res.toolCalls.map((c) => c.name)).toEqual(['finish']);
    const refused = await new OfflineProvider().generate(request({ toolChoice: { name: 'finish' } }));
    expect(refused.toolCalls).toEqual([]);
  });

  it('streams text in several deltas that join to the text', async () => {
    const deltas: string[] = [];
    const res = await new OfflineProvider().generate(request({ agentRole: 'architect', tools: undefined }), { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(res.text);
    expect(await new OfflineProvider().generate(request({ agentRole: 'architect', tools: undefined }))).toEqual(res);
  });

  it('estimates usage as ceil(chars / 4) of input and output', async () => {
    const content = 'todo api express '.repeat(25);
    const res = await new OfflineProvider().generate({ model: OFFLINE_MODEL, messages: [{ role: 'user', content }], agentRole: 'reviewer' });
    expect(res.usage.inputTokens).toBe(Math.ceil(content.length / 4));
    expect(res.usage.outputTokens).toBe(Math.ceil(res.text.length / 4));
    expect(res.usage.totalTokens).toBe(res.usage.inputTokens + res.usage.outputTokens);
    const withTools = await new OfflineProvider().generate(request());
    expect(withTools.usage.inputTokens).toBeGreaterThan(Math.ceil(TODO.length / 4));
    expect(withTools.usage.outputTokens).toBe(Math.ceil(JSON.stringify(withTools.toolCalls).length / 4));
  });

  it('cuts a text reply at maxOutputTokens and says so', async () => {
    const res = await new OfflineProvider().generate(request({ agentRole: 'architect', tools: undefined, maxOutputTokens: 10 }));
    expect(res.text.length).toBe(40);
    expect(res.finishReason).toBe('length');
  });

  it('rejects when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new OfflineProvider().generate(request(), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('returns a plan as JSON text and parsed json for structured output', async () => {
    const schema = { type: 'object', properties: { summary: { type: 'string' }, tasks: { type: 'array', items: { type: 'object' } } }, required: ['summary', 'tasks'] };
    const res = await new OfflineProvider().generate(request({ agentRole: 'architect', responseFormat: { name: 'plan', schema } }));
    expect(JSON.parse(res.text)).toEqual(res.json);
    expect((res.json as { tasks: unknown[] }).tasks.length).toBeGreaterThan(3);
    expect(res.toolCalls).toEqual([]);
  });

  it('fails with invalid_request when it cannot fill the response schema', async () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 5, maximum: 1 } }, required: ['n'] };
    const failure = new OfflineProvider().generate(request({ responseFormat: { name: 'impossible', schema } }));
    await expect(failure).rejects.toBeInstanceOf(ProviderError);
    await expect(failure).rejects.toMatchObject({ kind: 'invalid_request', provider: 'offline', retryable: false });
  });
});
