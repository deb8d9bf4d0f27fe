import { modelTextView } from './model-text';

describe('modelTextView', () => {
  it('sums up a plan as its task count and summary', () => {
    const plan = JSON.stringify(
      { summary: 'A URL shortener', tasks: [1, 2, 3, 4, 5, 6].map((i) => ({ id: `t${i}` })) },
      null,
      2,
    );
    expect(modelTextView(plan, false)).toEqual({
      summary: 'Plan: 6 tasks: A URL shortener',
      json: plan,
    });
    expect(modelTextView(JSON.stringify({ tasks: [{}] }), false).summary).toBe('Plan: 1 task');
  });

  it("uses a role's own summary, and names the fields of other JSON", () => {
    expect(modelTextView('{"summary":"Wrote src/app.js","outcome":"done"}', false).summary).toBe(
      'Wrote src/app.js',
    );
    expect(modelTextView('{"a":1,"b":2}', false).summary).toBe('Structured reply (a, b)');
  });

  it('says a JSON reply is being written while it streams, and leaves prose alone', () => {
    expect(modelTextView('{"summary": "A to', true).summary).toBe(
      'Writing a structured reply… (17 characters)',
    );
    expect(modelTextView('I will add the routes next.', true)).toEqual({
      summary: null,
      json: null,
    });
    expect(modelTextView('{ not json', false)).toEqual({ summary: null, json: null });
  });
});
