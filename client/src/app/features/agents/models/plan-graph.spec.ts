import { GRAPH, layoutPlan } from './plan-graph';
import type { PlanTask } from './agent-team.models';

const task = (id: string, dependencies: string[] = []): PlanTask => ({
  id,
  title: id,
  type: 'implement',
  dependencies,
});

const columns = (tasks: PlanTask[]) =>
  Object.fromEntries(layoutPlan(tasks).nodes.map((n) => [n.task.id, [n.depth, n.row]]));

describe('layoutPlan', () => {
  it('puts each task one column right of its deepest dependency, rows in plan order', () => {
    const tasks = [
      task('design'),
      task('readme'),
      task('store', ['design']),
      task('routes', ['design', 'store']),
      task('tests', ['routes']),
      task('docs', ['readme', 'routes']),
    ];
    expect(columns(tasks)).toEqual({
      design: [0, 0],
      readme: [0, 1],
      store: [1, 0],
      routes: [2, 0],
      tests: [3, 0],
      docs: [3, 1],
    });
  });

  it('draws one edge per dependency, from the right side of one node to the left side of the next', () => {
    const graph = layoutPlan([task('a'), task('b', ['a', 'a']), task('c', ['a', 'b'])]);
    expect(graph.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['a>b', 'a>c', 'b>c']);
    const a = graph.nodes[0]!;
    const b = graph.nodes[1]!;
    const start = `M ${a.x + GRAPH.nodeWidth} ${a.y + GRAPH.nodeHeight / 2}`;
    expect(graph.edges[0]!.path.startsWith(start)).toBe(true);
    expect(graph.edges[0]!.path.endsWith(`${b.x} ${b.y + GRAPH.nodeHeight / 2}`)).toBe(true);
  });

  it('sizes the drawing to its columns and its tallest column', () => {
    const graph = layoutPlan([task('a'), task('b'), task('c', ['a'])]);
    const { nodeWidth, nodeHeight, columnGap, rowGap, padding } = GRAPH;
    expect(graph.width).toBe(2 * padding + 2 * nodeWidth + columnGap);
    expect(graph.height).toBe(2 * padding + 2 * nodeHeight + rowGap);
    expect(layoutPlan([])).toEqual({ nodeWidth, nodes: [], edges: [], width: 0, height: 0 });
  });

  it('still draws a plan with unknown dependencies or a cycle', () => {
    const graph = layoutPlan([task('a', ['ghost', 'c']), task('b', ['a']), task('c', ['b'])]);
    expect(graph.nodes).toHaveLength(3);
    expect(new Set(graph.nodes.map((n) => n.depth)).size).toBe(3);
    expect(graph.edges.every((e) => e.from !== 'ghost')).toBe(true);
  });

  describe('in the space given', () => {
    // Six columns, like the offline plans: 6 × 200 + 5 × 48 + 16 = 1456 wide at the standard size.
    const chain = Array.from({ length: 6 }, (_, i) => task(`t${i}`, i ? [`t${i - 1}`] : []));

    it('keeps the standard size when it fits', () => {
      expect(layoutPlan(chain, 2000)).toMatchObject({ nodeWidth: GRAPH.nodeWidth, width: 1456 });
    });

    it('narrows nodes and gaps so every column shows, last node included', () => {
      const graph = layoutPlan(chain, 1100);
      expect(graph.width).toBeLessThanOrEqual(1100);
      expect(graph.nodeWidth).toBeLessThan(GRAPH.nodeWidth);
      const last = graph.nodes.at(-1)!;
      expect(last.x + graph.nodeWidth + GRAPH.padding).toBeLessThanOrEqual(1100);
      expect(graph.edges[0]!.path.startsWith(`M ${graph.nodes[0]!.x + graph.nodeWidth} `)).toBe(
        true,
      );
    });

    it('stops at the minimum node width; a plan still wider scrolls', () => {
      const graph = layoutPlan(chain, 400);
      expect(graph.nodeWidth).toBe(GRAPH.minNodeWidth);
      expect(graph.width).toBeGreaterThan(400);
    });
  });
});
