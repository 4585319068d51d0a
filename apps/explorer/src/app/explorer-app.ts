// The explorer's controller: it opens files through the worker, holds the view state, and
// on every change runs the filter once and hands the masks to the map, the timeline, the
// list and the export. Each of those modules does one job; this one only connects them.
import exampleUrl from '../../../../examples/seed-afp-2016-08-01.dataset.json?url';
import { dayFromIso, isoFromDay } from '../data/days.ts';
import type { EventTable } from '../data/event-table.ts';
import { baseName, downloadBlob, selectedIndexes } from '../export/download.ts';
import { type ExportFormatId, exportCatalogue, exportFormatIds } from '../export-catalogue.ts';
import {
  LoadCancelledError,
  type LoadedFile,
  LoaderClient,
  type LoadProgress,
} from '../load/loader-client.ts';
import { EventMap } from '../map/event-map.ts';
import { chronologicalOrder, EventList } from '../panels/event-list.ts';
import { EventPanel } from '../panels/event-panel.ts';
import { FilterPanel } from '../panels/filter-panel.ts';
import { renderLegend } from '../panels/legend.ts';
import { ValidationPanel } from '../panels/validation-panel.ts';
import { type FilterResult, filterEvents } from '../state/filter-events.ts';
import {
  emptyFilter,
  type FilterState,
  type TimelineMeasure,
  type ViewState,
} from '../state/filter-state.ts';
import { type BinUnit, binEdges, binHistogram, chooseBinUnit } from '../timeline/bin-histogram.ts';
import { type DayRange, TimelineView } from '../timeline/timeline-view.ts';
import { element, replaceChildren, required } from '../ui/dom.ts';
import { acceptDroppedFiles } from '../ui/drop-zone.ts';
import { formatBytes, formatCount, plural } from '../ui/format-numbers.ts';
import type { LoadSource } from '../worker/protocol.ts';
import { UrlSync } from './url-sync.ts';

/** The bundled example, opened with `?example=seed`. */
const examples: Record<string, { url: string; fileName: string }> = {
  seed: { url: exampleUrl, fileName: 'seed-afp-2016-08-01.dataset.json' },
};

type PendingMeasure = 'open' | 'filter';

interface Loaded {
  table: EventTable;
  order: Uint32Array;
  file: LoadedFile;
  edges: Int32Array;
  unit: BinUnit;
}

export class ExplorerApp {
  private state: ViewState;
  private loaded: Loaded | undefined;
  private result: FilterResult | undefined;
  private map: EventMap | undefined;
  private mapUnavailable = false;
  private readonly loader = new LoaderClient();
  private readonly url: UrlSync;
  private readonly filters: FilterPanel;
  private readonly timeline: TimelineView;
  private readonly list: EventList;
  private readonly eventPanel: EventPanel;
  private readonly validation: ValidationPanel;
  private readonly pendingMeasures = new Set<PendingMeasure>();
  private refreshFrame: number | undefined;
  private selectionRequest = 0;
  /** A link's map view is kept for the file it opens; later files are fitted to their data. */
  private keepLinkedView: boolean;
  private fitWhenMapReady = false;

  private readonly statusText = required('status-text', HTMLSpanElement);
  private readonly progress = required('load-progress', HTMLProgressElement);
  private readonly mapNote = required('map-note', HTMLParagraphElement);
  private readonly timelineCanvas = required('timeline', HTMLCanvasElement);
  private readonly timelineNote = required('timeline-note', HTMLParagraphElement);
  private readonly exportButtons = required('export-buttons', HTMLDivElement);
  private readonly exportStatus = required('export-status', HTMLParagraphElement);

  constructor() {
    this.url = new UrlSync((state) => this.applyExternalState(state));
    this.state = this.url.initialState();
    this.keepLinkedView = this.state.map !== undefined;
    this.filters = new FilterPanel(this.state.filter, {
      change: (filter) => this.changeFilter(filter),
    });
    this.timeline = new TimelineView(this.timelineCanvas, {
      brush: (range, final) => this.brush(range, final),
    });
    this.list = new EventList(
      required('event-list', HTMLOListElement),
      required('event-list-caption', HTMLParagraphElement),
      {
        select: (index) => this.select(index, true),
        restore: () => this.showList(),
      },
    );
    this.eventPanel = new EventPanel(required('event-panel', HTMLDivElement));
    this.validation = new ValidationPanel(
      required('issues-summary', HTMLParagraphElement),
      required('issues-body', HTMLTableSectionElement),
      { show: (index) => this.select(index, true) },
    );
    renderLegend(required('legend-list', HTMLUListElement));
    this.wireControls();
    this.renderExportButtons();
    void this.createMap();
  }

  /** Opens what the address asks for, if anything. */
  async start(): Promise<void> {
    const source = this.url.dataSource();
    const example = source.example === undefined ? undefined : examples[source.example];
    if (example) await this.openExample(source.example ?? 'seed');
    else if (source.url !== undefined) await this.openUrl(source.url);
  }

  private async createMap(): Promise<EventMap | undefined> {
    try {
      this.map = await EventMap.create(
        required('map', HTMLDivElement),
        {
          select: (index) => this.select(index, false),
          choose: (indexes) => this.choose(indexes),
          moved: (view) => {
            this.state = { ...this.state, map: view };
            this.url.write(this.state);
          },
          rendered: () => this.mapRendered(),
        },
        this.state.map,
      );
    } catch (error) {
      // Without WebGL there is no map, but the list, timeline and panels still work.
      this.mapUnavailable = true;
      document.body.dataset.map = 'unavailable';
      this.mapNote.textContent = `The map could not start (${messageOf(error)}). The list, timeline and panels still work.`;
      if (this.loaded) this.mapRendered();
      return undefined;
    }
    if (document.body.dataset.map === undefined) document.body.dataset.map = 'ready';
    // A file may have finished loading while the basemap was still on its way.
    const loaded = this.loaded;
    if (loaded) {
      this.map.showTable(loaded.table, (passes) => this.loader.features(passes));
      this.refresh({ fit: this.fitWhenMapReady });
      this.selectOnMap();
    }
    return this.map;
  }

  private wireControls(): void {
    // No `accept` filter: names vary (GDELT's .export.CSV.zip), and detection decides.
    const input = required('file-input', HTMLInputElement);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.openFile(file);
      input.value = '';
    });
    required('open-example', HTMLButtonElement).addEventListener('click', () => {
      void this.openExample('seed');
    });
    required('reset-filters', HTMLButtonElement).addEventListener('click', () => {
      this.changeFilter({ ...emptyFilter });
    });
    required('clear-brush', HTMLButtonElement).addEventListener('click', () => {
      this.brush(undefined, true);
    });
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="measure"]')) {
      radio.checked = radio.value === this.state.measure;
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        this.state = { ...this.state, measure: radio.value as TimelineMeasure };
        this.url.write(this.state);
        this.updateTimeline();
      });
    }
    acceptDroppedFiles(required('drop-overlay', HTMLDivElement), (file) => {
      void this.openFile(file);
    });
  }

  private renderExportButtons(): void {
    const buttons = exportFormatIds.map((id) => {
      const button = element(
        'button',
        { type: 'button', class: 'button', 'data-export': id, disabled: true },
        `Save as ${exportCatalogue[id].name}`,
      );
      button.addEventListener('click', () => void this.exportSelection(id));
      return button;
    });
    replaceChildren(this.exportButtons, ...buttons);
  }

  openFile(file: File): Promise<void> {
    this.url.setDataSource({});
    return this.open({ kind: 'file', file }, file.name);
  }

  openUrl(address: string): Promise<void> {
    const absolute = new URL(address, window.location.href);
    const fileName = decodeURIComponent(absolute.pathname.split('/').pop() || 'download');
    this.url.setDataSource({ url: address });
    return this.open({ kind: 'url', url: absolute.href, fileName }, fileName);
  }

  openExample(name: string): Promise<void> {
    const example = examples[name] ?? examples.seed;
    if (!example) return Promise.resolve();
    this.url.setDataSource({ example: name });
    const url = new URL(example.url, window.location.href).href;
    return this.open({ kind: 'url', url, fileName: example.fileName }, example.fileName);
  }

  private async open(source: LoadSource, label: string): Promise<void> {
    performance.clearMarks('explorer:open');
    performance.mark('explorer:open');
    this.pendingMeasures.clear();
    document.body.dataset.state = 'loading';
    // The previous file's worker ends with this read, so its events go from the page too.
    this.clearData();
    this.statusText.textContent = `Reading ${label}…`;
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    let file: LoadedFile;
    try {
      file = await this.loader.load(source, (progress) => this.showProgress(label, progress));
    } catch (error) {
      if (error instanceof LoadCancelledError) return;
      this.progress.hidden = true;
      document.body.dataset.state = 'error';
      this.statusText.textContent = `Could not open ${label}: ${messageOf(error)}`;
      return;
    }
    this.progress.hidden = true;
    this.loadedFile(file);
  }

  private clearData(): void {
    this.loaded = undefined;
    this.result = undefined;
    this.map?.showEmpty();
    this.timeline.clear();
    this.list.clear();
    this.validation.clear();
    this.eventPanel.clear('Select an event on the map or in the list.');
    this.mapNote.textContent = '';
    this.timelineNote.textContent = '';
    for (const button of this.exportButtons.querySelectorAll('button')) button.disabled = true;
  }

  private showProgress(label: string, progress: LoadProgress): void {
    const total = progress.bytesTotal;
    if (total !== undefined) {
      this.progress.max = total;
      this.progress.value = Math.min(progress.bytesRead, total);
    }
    const read =
      total === undefined
        ? formatBytes(progress.bytesRead)
        : `${formatBytes(progress.bytesRead)} of ${formatBytes(total)}`;
    this.statusText.textContent = `Reading ${label}: ${read}, ${plural(progress.events, 'event')} so far…`;
  }

  private loadedFile(file: LoadedFile): void {
    performance.clearMarks('explorer:loaded');
    performance.mark('explorer:loaded');
    performance.measure('explorer:open-to-loaded', 'explorer:open', 'explorer:loaded');
    const table = file.table;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const day of table.startDay) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    if (table.count === 0) first = last = 0;
    const unit = chooseBinUnit(first, last);
    this.loaded = {
      table,
      order: chronologicalOrder(table),
      file,
      edges: binEdges(first, last, unit),
      unit,
    };
    this.filters.setTable(table);
    this.validation.show(file.issues, file.summary);
    this.map?.showTable(table, (passes) => this.loader.features(passes));
    for (const button of this.exportButtons.querySelectorAll('button')) button.disabled = false;
    document.body.dataset.state = 'ready';
    this.pendingMeasures.add('open');
    const fit = !this.keepLinkedView;
    this.keepLinkedView = false;
    this.fitWhenMapReady = fit;
    this.refresh({ fit });
    const selected =
      this.state.selected === undefined ? -1 : table.ids.indexOf(this.state.selected);
    if (selected === -1) this.eventPanel.clear('Select an event on the map or in the list.');
    else void this.select(selected, fit);
  }

  private changeFilter(filter: FilterState): void {
    this.state = { ...this.state, filter };
    this.filters.show(filter);
    this.url.write(this.state);
    this.markFilter();
    this.refresh({});
  }

  private brush(range: DayRange | undefined, final: boolean): void {
    const filter: FilterState = { ...this.state.filter };
    delete filter.from;
    delete filter.to;
    if (range) {
      filter.from = isoFromDay(range.from);
      filter.to = isoFromDay(range.to);
    }
    this.state = { ...this.state, filter };
    this.filters.show(filter);
    this.url.write(this.state);
    this.markFilter();
    // While dragging, one refresh per frame is enough; the release applies at once.
    if (final) this.refresh({});
    else this.scheduleRefresh();
  }

  private applyExternalState(state: ViewState): void {
    this.state = state;
    if (state.map) this.map?.setView(state.map);
    this.filters.show(state.filter);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="measure"]')) {
      radio.checked = radio.value === state.measure;
    }
    this.markFilter();
    this.refresh({});
    const table = this.loaded?.table;
    if (table && state.selected !== undefined) {
      const index = table.ids.indexOf(state.selected);
      if (index !== -1) void this.select(index, true);
    }
  }

  private markFilter(): void {
    performance.clearMarks('explorer:filter');
    performance.mark('explorer:filter');
    this.pendingMeasures.add('filter');
  }

  private scheduleRefresh(): void {
    if (this.refreshFrame !== undefined) return;
    this.refreshFrame = requestAnimationFrame(() => {
      this.refreshFrame = undefined;
      this.refresh({});
    });
  }

  private refresh(options: { fit?: boolean }): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { table } = loaded;
    const result = filterEvents(table, this.state.filter);
    this.result = result;
    this.showCounts(table, result);
    this.updateTimeline();
    this.showList();
    if (this.pendingMeasures.has('filter')) {
      performance.measure('explorer:filter-to-page', 'explorer:filter');
    }
    if (!this.map) {
      // No map yet: it draws the data when it is ready. No map at all: nothing to wait for.
      if (this.mapUnavailable) this.mapRendered();
      return;
    }
    document.body.dataset.map = 'rendering';
    if (options.fit) this.map.fitToEvents();
    this.map.showFiltered(result.passes);
  }

  private showList(): void {
    const loaded = this.loaded;
    const result = this.result;
    if (!loaded || !result) return;
    this.list.showFiltered(loaded.table, loaded.order, result.passes, result.count);
  }

  private showCounts(table: EventTable, result: FilterResult): void {
    let withoutPoint = 0;
    for (let index = 0; index < table.count; index++) {
      if (result.passes[index] === 1 && Number.isNaN(table.lon[index] ?? Number.NaN)) {
        withoutPoint += 1;
      }
    }
    const summary = this.loaded?.file.summary;
    const title = summary?.metadata?.title;
    replaceChildren(
      this.statusText,
      element('strong', { id: 'count-shown' }, formatCount(result.count)),
      ' of ',
      element('span', { id: 'count-total' }, formatCount(table.count)),
      ` events pass the filters · ${summary?.fileName ?? ''} (${summary?.formatName ?? ''}`,
      summary && summary.compression !== 'none' ? `, ${summary.compression}` : '',
      summary
        ? `, ${plural(summary.records, 'record')}, ${formatCount(summary.rejected)} rejected, ${formatBytes(summary.bytesRead)} read in ${summary.seconds.toFixed(1)} s)`
        : ')',
      title === undefined ? '' : ` · ${title}`,
    );
    const caption = required('export-caption', HTMLParagraphElement);
    caption.textContent = `Save the ${plural(result.count, 'event')} that pass the filters.`;
    // Without a map the note keeps saying why.
    if (this.mapUnavailable) return;
    replaceChildren(
      this.mapNote,
      withoutPoint === 0
        ? 'Every event shown has a point on the map.'
        : element(
            'span',
            {},
            element('span', { id: 'count-without-point' }, formatCount(withoutPoint)),
            ` of the events shown ${withoutPoint === 1 ? 'has' : 'have'} no point and ${withoutPoint === 1 ? 'is' : 'are'} only in the list.`,
          ),
    );
  }

  private updateTimeline(): void {
    const loaded = this.loaded;
    const result = this.result;
    if (!loaded || !result) return;
    const histogram = binHistogram({
      startDay: loaded.table.startDay,
      include: result.passesButDate,
      edges: loaded.edges,
      unit: loaded.unit,
      ...(this.state.measure === 'fatalities' ? { fatalities: loaded.table.fatalities } : {}),
    });
    const range = this.brushRange(loaded.edges);
    this.timeline.show(histogram, this.state.measure, range);
    let total = 0;
    let unknown = 0;
    for (const value of histogram.values) total += value;
    for (const value of histogram.unknown) unknown += value;
    const first = isoFromDay(loaded.edges[0] ?? 0);
    const last = isoFromDay((loaded.edges[loaded.edges.length - 1] ?? 1) - 1);
    const what =
      this.state.measure === 'events'
        ? plural(total, 'event')
        : `${formatCount(total)} known fatalities (${plural(unknown, 'event')} with an unknown toll not counted)`;
    const chosen = range
      ? `; range chosen ${isoFromDay(range.from)} to ${isoFromDay(range.to)}`
      : '';
    this.timelineCanvas.setAttribute(
      'aria-label',
      `Timeline by ${loaded.unit}, ${first} to ${last}: ${what}${chosen}.`,
    );
    this.timelineNote.textContent =
      this.state.measure === 'fatalities'
        ? `Known fatalities by ${loaded.unit}; ${plural(unknown, 'event')} with an unknown toll ${unknown === 1 ? 'is' : 'are'} not counted (unknown is not zero).`
        : `Events by ${loaded.unit} of their first possible day.`;
  }

  private brushRange(edges: Int32Array): DayRange | undefined {
    const { from, to } = this.state.filter;
    if (from === undefined && to === undefined) return undefined;
    return {
      from: (from === undefined ? undefined : dayFromIso(from)) ?? edges[0] ?? 0,
      to: (to === undefined ? undefined : dayFromIso(to)) ?? (edges[edges.length - 1] ?? 1) - 1,
    };
  }

  private async select(index: number, fly: boolean): Promise<void> {
    const table = this.loaded?.table;
    const id = table?.ids[index];
    if (!table || id === undefined) return;
    this.state = { ...this.state, selected: id };
    this.url.write(this.state);
    this.map?.select(index, fly);
    const request = ++this.selectionRequest;
    const event = await this.loader.event(index).catch(() => undefined);
    if (request !== this.selectionRequest) return;
    if (event) {
      this.eventPanel.show(event);
      required('event-heading', HTMLHeadingElement).scrollIntoView({ block: 'nearest' });
    } else {
      this.eventPanel.clear('This event could not be read back from the file.');
    }
  }

  /** Marks the selected event on a map that was not there when it was selected. */
  private selectOnMap(): void {
    const table = this.loaded?.table;
    const selected = this.state.selected;
    if (!table || selected === undefined) return;
    const index = table.ids.indexOf(selected);
    if (index !== -1) this.map?.select(index, false);
  }

  private choose(indexes: number[]): void {
    const table = this.loaded?.table;
    if (!table) return;
    this.list.showChoices(table, indexes);
    required('event-list-section', HTMLElement).focus();
  }

  private mapRendered(): void {
    document.body.dataset.map = this.mapUnavailable ? 'unavailable' : 'rendered';
    if (this.pendingMeasures.delete('open')) {
      performance.measure('explorer:open-to-render', 'explorer:open');
    }
    if (this.pendingMeasures.delete('filter')) {
      performance.measure('explorer:filter-to-render', 'explorer:filter');
    }
  }

  private async exportSelection(id: ExportFormatId): Promise<void> {
    const loaded = this.loaded;
    const result = this.result;
    if (!loaded || !result) return;
    const format = exportCatalogue[id];
    const indexes = selectedIndexes(result.passes, result.count);
    try {
      const blob = await this.loader.exportSelection(id, indexes);
      downloadBlob(blob, `${baseName(loaded.file.summary.fileName)}-filtered.${format.extension}`);
      this.exportStatus.textContent = `Saved ${plural(indexes.length, 'event')} as ${format.name}.`;
    } catch (error) {
      this.exportStatus.textContent = `Could not save as ${format.name}: ${messageOf(error)}`;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
