/** The assist bench's corpus of model-written edits (bench/assist/edit-corpus.ts), as a regression test. */
import { EDIT_CORPUS, measureEditApply } from '../bench/assist/edit-corpus';

test('every model-written edit of the corpus comes out right, more than with the old appliers', () => {
  expect(EDIT_CORPUS.length).toBeGreaterThanOrEqual(35);
  const results = measureEditApply();
  expect(results.map((r) => r.tool)).toEqual(['unified_diff', 'search_replace']);
  for (const result of results) {
    expect(result).toMatchObject({ failing: [], current: result.cases });
    expect(result.legacy).toBeLessThan(result.cases);
  }
});
