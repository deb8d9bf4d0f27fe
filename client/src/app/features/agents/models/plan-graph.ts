import type { PlanTask } from './agent-team.models';

/** Sizes of the drawn graph, in SVG user units; `nodeWidth` is the width when no space is given. */
export const GRAPH = {
  nodeWidth: 200,
  /** Nodes shrink to this to fit the space given; a plan still wider scrolls sideways. */
  minNodeWidth: 132,
  nodeHeight: 72,
  columnGap: 48,
  /** The gap between columns when space is tight. */
  minColumnGap: 28,
  rowGap: 16,
  padding: 8,
} as const;

export interface GraphNode<T extends PlanTask = PlanTask> {
  readonly task: T;
  /** Longest chain of dependencies below the task: 0 for tasks that depend on nothing. */
  readonly depth: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** An SVG path from the right side of `from` to the left side of `to`. */
  readonly path: string;
}

export interface PlanGraph<T extends PlanTask = PlanTask> {
  /** The width every node is drawn at: fitted to the space given, within GRAPH's bounds. */
  readonly nodeWidth: number;
  readonly nodes: readonly GraphNode<T>[];
  readonly edges: readonly GraphEdge[];
  readonly width: number;
  readonly height: number;
}

/**
 * Lays the plan out left to right: one column per dependency depth, tasks in a column in plan order,
 * one edge per dependency; nodes keep the task objects given. Unknown dependencies are ignored and a cycle (which the server refuses) is
 * cut where it closes, so a malformed plan still draws.
 */
export function layoutPlan<T extends PlanTask>(tasks: readonly T[], space?: number): PlanGraph<T> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const depths = new Map<string, number>();
  const depthOf = (id: string, visiting: ReadonlySet<string>): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const deps = (byId.get(id)?.dependencies ?? []).filter((d) => byId.has(d) && !visiting.has(d));
    const next = new Set(visiting).add(id);
    const depth = deps.length ? 1 + Math.max(...deps.map((d) => depthOf(d, next))) : 0;
    depths.set(id, depth);
    return depth;
  };
  const columnCount = tasks.length
    ? 1 + Math.max(...tasks.map((t) => depthOf(t.id, new Set())))
    : 0;
  const { nodeWidth, columnGap } = fitColumns(columnCount, space);
  const rows: number[] = [];
  const nodes = tasks.map((task): GraphNode<T> => {
    const depth = depthOf(task.id, new Set());
    const row = rows[depth] ?? 0;
    rows[depth] = row + 1;
    return {
      task,
      depth,
      row,
      x: GRAPH.padding + depth * (nodeWidth + columnGap),
      y: GRAPH.padding + row * (GRAPH.nodeHeight + GRAPH.rowGap),
    };
  });
  const at = new Map(nodes.map((node) => [node.task.id, node]));
  const edges: GraphEdge[] = [];
  for (const node of nodes) {
    for (const dep of new Set(node.task.dependencies)) {
      const from = at.get(dep);
      if (from && from.depth < node.depth)
        edges.push({ from: dep, to: node.task.id, path: edgePath(from, node, nodeWidth) });
    }
  }
  const columns = rows.length;
  const tallest = Math.max(0, ...rows);
  return {
    nodeWidth,
    nodes,
    edges,
    width: columns ? 2 * GRAPH.padding + columns * nodeWidth + (columns - 1) * columnGap : 0,
    height: tallest
      ? 2 * GRAPH.padding + tallest * GRAPH.nodeHeight + (tallest - 1) * GRAPH.rowGap
      : 0,
  };
}

/** Node width and gap so `columns` fit `space` (the default size without one), never below the minimums. */
function fitColumns(
  columns: number,
  space: number | undefined,
): { nodeWidth: number; columnGap: number } {
  const standard = { nodeWidth: GRAPH.nodeWidth, columnGap: GRAPH.columnGap };
  if (space === undefined || columns === 0) return standard;
  const inner = space - 2 * GRAPH.padding;
  if (columns * GRAPH.nodeWidth + (columns - 1) * GRAPH.columnGap <= inner) return standard;
  const columnGap = GRAPH.minColumnGap;
  const nodeWidth = Math.floor((inner - (columns - 1) * columnGap) / columns);
  return {
    nodeWidth: Math.max(GRAPH.minNodeWidth, Math.min(GRAPH.nodeWidth, nodeWidth)),
    columnGap,
  };
}

function edgePath(from: GraphNode, to: GraphNode, nodeWidth: number): string {
  const x1 = from.x + nodeWidth;
  const y1 = from.y + GRAPH.nodeHeight / 2;
  const x2 = to.x;
  const y2 = to.y + GRAPH.nodeHeight / 2;
  const bend = (x2 - x1) / 2;
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
