import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { GRAPH, layoutPlan } from '../models/plan-graph';
import type { TaskView } from '../models/agent-team-view';

/**
 * The plan as a graph: one column per dependency depth, an arrow per dependency, each task showing its
 * title, type, role and live status. Nodes are HTML over an SVG of edges, so titles wrap and stay readable.
 */
@Component({
  selector: 'app-plan-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let g = graph();
    <div
      class="plan-graph-scroll"
      #scroll
      [class.overflows]="space() !== null && g.width > space()!"
    >
      <div
        class="plan-graph"
        data-testid="plan-graph"
        [style.width.px]="g.width"
        [style.height.px]="g.height"
      >
        <svg [attr.width]="g.width" [attr.height]="g.height" aria-hidden="true">
          <defs>
            <marker
              id="plan-arrow"
              viewBox="0 0 8 8"
              refX="8"
              refY="4"
              markerWidth="8"
              markerHeight="8"
              orient="auto"
            >
              <path d="M0,0 L8,4 L0,8 z" />
            </marker>
          </defs>
          @for (edge of g.edges; track edge.from + '>' + edge.to) {
            <path
              class="plan-edge"
              data-testid="plan-edge"
              [attr.data-from]="edge.from"
              [attr.data-to]="edge.to"
              [attr.d]="edge.path"
              marker-end="url(#plan-arrow)"
            />
          }
        </svg>
        @for (node of g.nodes; track node.task.id) {
          @let task = node.task;
          <div
            class="plan-node"
            data-testid="plan-node"
            [attr.data-key]="task.id"
            [attr.data-status]="task.status"
            [attr.data-depth]="node.depth"
            [class]="'plan-node status-' + task.status"
            [style.left.px]="node.x"
            [style.top.px]="node.y"
            [style.width.px]="g.nodeWidth"
            [style.height.px]="size.nodeHeight"
            [title]="task.description ?? task.title"
          >
            <strong class="plan-node-title">{{ task.title }}</strong>
            <span class="plan-node-meta">{{ task.type }} · {{ task.role ?? 'unassigned' }}</span>
            <span class="plan-node-status" data-testid="plan-node-status">{{ task.status }}</span>
          </div>
        }
      </div>
    </div>
    @if (space() !== null && g.width > space()!) {
      <p class="plan-graph-more muted" data-testid="plan-graph-more">
        Scroll sideways to see all {{ g.nodes.length }} tasks →
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .plan-graph-scroll {
      overflow-x: auto;
      min-width: 0;
    }
    .plan-graph-more {
      margin: 4px 0 0;
      font-size: 12px;
      text-align: right;
    }
    .plan-graph {
      position: relative;
    }
    svg {
      position: absolute;
      inset: 0;
    }
    .plan-edge {
      fill: none;
      stroke: var(--muted);
      stroke-width: 1.5;
    }
    marker path {
      fill: var(--muted);
    }
    .plan-node {
      position: absolute;
      box-sizing: border-box;
      padding: 6px 8px;
      border-radius: 6px;
      border: 1px solid var(--border-strong);
      background: var(--surface);
      display: flex;
      flex-direction: column;
      gap: 2px;
      overflow: hidden;
      font-size: 12px;
    }
    .plan-node-title,
    .plan-node-meta {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      flex-shrink: 0;
    }
    .plan-node-meta,
    .plan-node-status {
      color: var(--muted);
    }
    .status-running .plan-node-status {
      color: var(--accent-strong);
      font-weight: 600;
    }
    .status-done .plan-node-status {
      color: var(--success);
    }
    .status-failed .plan-node-status {
      color: var(--danger);
    }
    .status-running {
      border-color: #3b82f6;
      box-shadow: 0 0 0 2px #3b82f633;
    }
    .status-done {
      border-color: var(--success);
      background: var(--success-bg);
    }
    .status-failed,
    .status-cancelled {
      border-color: var(--danger);
      background: var(--danger-bg);
    }
  `,
})
export class PlanGraphComponent {
  /** The run's tasks with their role and status now (see `taskViews`). */
  readonly tasks = input.required<readonly TaskView[]>();

  protected readonly size = GRAPH;
  /** The width the graph may take: measured from the panel, so a plan fits it before it has to scroll. */
  protected readonly space = signal<number | null>(null);
  protected readonly graph = computed(() => layoutPlan(this.tasks(), this.space() ?? undefined));
  private readonly scroll = viewChild.required<ElementRef<HTMLElement>>('scroll');

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const element = this.scroll().nativeElement;
      // The wrapper's width comes from the panel, never from the graph inside it (it scrolls), so setting
      // the graph's size from it cannot feed back into another resize. Whole pixels only.
      const measure = () => this.space.set(Math.floor(element.clientWidth) || null);
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => measure());
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
