// The timeline: a histogram on a canvas with a brush. Dragging selects a date range (live
// while dragging, final on release), a click selects one bin, Escape or a double click
// clears it; with the keyboard the arrows move the range by one bin.
import { isoFromDay } from '../data/days.ts';
import type { TimelineMeasure } from '../state/filter-state.ts';
import { formatCount } from '../ui/format-numbers.ts';
import { binIndexOf, type Histogram } from './bin-histogram.ts';

/** Inclusive day range. */
export interface DayRange {
  from: number;
  to: number;
}

export interface TimelineCallbacks {
  /** The brush moved (`final` false while dragging); undefined clears it. */
  brush(range: DayRange | undefined, final: boolean): void;
}

const margin = { top: 8, right: 10, bottom: 20, left: 48 };
const dragThresholdPixels = 3;
const colours = {
  inRange: '#33414f',
  outOfRange: '#b9c1c9',
  axis: '#4a4a4a',
  brush: 'rgba(0, 114, 178, 0.14)',
  brushEdge: '#0072b2',
};

export class TimelineView {
  private histogram: Histogram | undefined;
  private measure: TimelineMeasure = 'events';
  private range: DayRange | undefined;
  private dragStart: { x: number; day: number } | undefined;
  private dragging = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly callbacks: TimelineCallbacks,
  ) {
    canvas.addEventListener('pointerdown', (event) => this.pointerDown(event));
    canvas.addEventListener('pointermove', (event) => this.pointerMove(event));
    canvas.addEventListener('pointerup', (event) => this.pointerUp(event));
    canvas.addEventListener('dblclick', () => this.callbacks.brush(undefined, true));
    canvas.addEventListener('keydown', (event) => this.keyDown(event));
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  show(histogram: Histogram, measure: TimelineMeasure, range: DayRange | undefined): void {
    this.histogram = histogram;
    this.measure = measure;
    this.range = range;
    this.draw();
  }

  /** No file: an empty plot. */
  clear(): void {
    this.histogram = undefined;
    this.range = undefined;
    this.draw();
    this.canvas.setAttribute('aria-label', 'Timeline: no file open');
  }

  private plotWidth(): number {
    return Math.max(1, this.canvas.clientWidth - margin.left - margin.right);
  }

  private dayAt(x: number): number | undefined {
    const edges = this.histogram?.edges;
    if (!edges || edges.length < 2) return undefined;
    const first = edges[0] ?? 0;
    const last = edges[edges.length - 1] ?? first;
    const fraction = Math.min(1, Math.max(0, (x - margin.left) / this.plotWidth()));
    return Math.min(last - 1, Math.floor(first + fraction * (last - first)));
  }

  private xOf(day: number): number {
    const edges = this.histogram?.edges;
    const first = edges?.[0] ?? 0;
    const last = edges?.[edges.length - 1] ?? first + 1;
    return margin.left + ((day - first) / Math.max(1, last - first)) * this.plotWidth();
  }

  /** The range of whole bins from one day to another. */
  private binRange(a: number, b: number): DayRange | undefined {
    const edges = this.histogram?.edges;
    if (!edges) return undefined;
    const first = binIndexOf(edges, Math.min(a, b));
    const last = binIndexOf(edges, Math.max(a, b));
    if (first === -1 || last === -1) return undefined;
    return { from: edges[first] ?? 0, to: (edges[last + 1] ?? 1) - 1 };
  }

  private pointerDown(event: PointerEvent): void {
    const day = this.dayAt(event.offsetX);
    if (day === undefined || event.button !== 0) return;
    this.canvas.setPointerCapture(event.pointerId);
    this.dragStart = { x: event.offsetX, day };
    this.dragging = false;
  }

  private pointerMove(event: PointerEvent): void {
    if (!this.dragStart) return;
    if (Math.abs(event.offsetX - this.dragStart.x) < dragThresholdPixels && !this.dragging) return;
    this.dragging = true;
    const day = this.dayAt(event.offsetX);
    if (day === undefined) return;
    this.range = this.binRange(this.dragStart.day, day);
    this.draw();
    this.callbacks.brush(this.range, false);
  }

  private pointerUp(event: PointerEvent): void {
    if (!this.dragStart) return;
    const day = this.dayAt(event.offsetX) ?? this.dragStart.day;
    this.range = this.binRange(this.dragStart.day, this.dragging ? day : this.dragStart.day);
    this.dragStart = undefined;
    this.dragging = false;
    this.draw();
    this.callbacks.brush(this.range, true);
  }

  private keyDown(event: KeyboardEvent): void {
    const edges = this.histogram?.edges;
    if (!edges) return;
    if (event.key === 'Escape' && this.range) {
      this.callbacks.brush(undefined, true);
      event.preventDefault();
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    const range = this.range ?? { from: edges[0] ?? 0, to: (edges[1] ?? 1) - 1 };
    const first = binIndexOf(edges, range.from);
    const last = binIndexOf(edges, range.to);
    if (first === -1 || last === -1) return;
    const bins = edges.length - 1;
    const nextFirst = Math.min(
      Math.max(first + (this.range ? step : 0), 0),
      bins - 1 - (last - first),
    );
    const nextLast = nextFirst + (last - first);
    this.callbacks.brush({ from: edges[nextFirst] ?? 0, to: (edges[nextLast + 1] ?? 1) - 1 }, true);
  }

  private draw(): void {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (
      canvas.width !== Math.round(width * ratio) ||
      canvas.height !== Math.round(height * ratio)
    ) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const histogram = this.histogram;
    if (!histogram || histogram.values.length === 0) return;
    const plotHeight = height - margin.top - margin.bottom;
    let maximum = 0;
    for (const value of histogram.values) maximum = Math.max(maximum, value);
    const scale = maximum > 0 ? plotHeight / maximum : 0;
    const edges = histogram.edges;

    for (let bin = 0; bin < histogram.values.length; bin++) {
      const start = edges[bin] ?? 0;
      const end = edges[bin + 1] ?? start + 1;
      const value = histogram.values[bin] ?? 0;
      if (value <= 0) continue;
      const inRange = !this.range || (end - 1 >= this.range.from && start <= this.range.to);
      context.fillStyle = inRange ? colours.inRange : colours.outOfRange;
      const x = this.xOf(start);
      const barWidth = Math.max(1, this.xOf(end) - x - (this.xOf(end) - x > 3 ? 1 : 0));
      const barHeight = Math.max(1, value * scale);
      context.fillRect(x, margin.top + plotHeight - barHeight, barWidth, barHeight);
    }

    if (this.range) {
      const x = this.xOf(this.range.from);
      const right = this.xOf(this.range.to + 1);
      context.fillStyle = colours.brush;
      context.fillRect(x, margin.top, right - x, plotHeight);
      context.fillStyle = colours.brushEdge;
      context.fillRect(x, margin.top, 1.5, plotHeight);
      context.fillRect(right - 1.5, margin.top, 1.5, plotHeight);
    }

    context.fillStyle = colours.axis;
    context.fillRect(margin.left, margin.top + plotHeight, this.plotWidth(), 1);
    context.font = '11px system-ui, sans-serif';
    context.textBaseline = 'top';
    context.textAlign = 'right';
    context.fillText(formatCount(maximum), margin.left - 6, margin.top);
    context.fillText('0', margin.left - 6, margin.top + plotHeight - 10);
    context.save();
    context.translate(10, margin.top + plotHeight / 2);
    context.rotate(-Math.PI / 2);
    context.textAlign = 'center';
    context.fillText(this.measure === 'events' ? 'events' : 'fatalities', 0, 0);
    context.restore();
    this.drawDateLabels(context, edges, margin.top + plotHeight + 4);
  }

  private drawDateLabels(context: CanvasRenderingContext2D, edges: Int32Array, y: number): void {
    const first = edges[0] ?? 0;
    const last = edges[edges.length - 1] ?? first;
    const labels = Math.max(2, Math.floor(this.plotWidth() / 90));
    const span = last - first;
    const plotRight = margin.left + this.plotWidth();
    let previousRight = Number.NEGATIVE_INFINITY;
    for (let step = 0; step <= labels; step++) {
      const day = Math.round(first + (span * step) / Math.max(1, labels));
      const text = span > 3 * 365 ? isoFromDay(day).slice(0, 7) : isoFromDay(day);
      const width = context.measureText(text).width;
      // Centred on its day, but kept inside the plot; a label that would touch the one
      // before it is left out.
      const left = Math.min(Math.max(this.xOf(day) - width / 2, margin.left), plotRight - width);
      if (left < previousRight + 8) continue;
      previousRight = left + width;
      context.textAlign = 'left';
      context.fillText(text, left, y);
    }
  }
}
