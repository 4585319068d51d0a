// The page's side of the loading worker: one worker per opened file (opening another ends
// the previous read at once), and promises for the panel's and the export's requests.
import type { ConflictEvent } from '@conflict-events/schema';
import type { ExportFormatId } from '../export-catalogue.ts';
import type { LoadSource, WorkerRequest, WorkerResponse } from '../worker/protocol.ts';

export type LoadedFile = Extract<WorkerResponse, { type: 'loaded' }>;
export type LoadProgress = Extract<WorkerResponse, { type: 'progress' }>;

/** The read was cancelled because another file was opened; not a failure to report. */
export class LoadCancelledError extends Error {
  override name = 'LoadCancelledError';
}

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
}

export class LoaderClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private loading: Pending | undefined;

  /** Reads a source in a fresh worker; a load already running is cancelled. */
  load(source: LoadSource, onProgress: (progress: LoadProgress) => void): Promise<LoadedFile> {
    this.stop(new LoadCancelledError('another file was opened'));
    const worker = new Worker(new URL('../worker/load-worker.ts', import.meta.url), {
      type: 'module',
      name: 'explorer-loader',
    });
    this.worker = worker;
    worker.addEventListener('message', (message: MessageEvent<WorkerResponse>) =>
      this.receive(message.data, onProgress),
    );
    worker.addEventListener('error', (event) => {
      const failure = new Error(`the loading worker failed: ${event.message || 'unknown error'}`);
      this.stop(failure);
    });
    const loaded = new Promise<LoadedFile>((resolve, reject) => {
      this.loading = {
        resolve: (response) => {
          if (response.type === 'loaded') resolve(response);
          else if (response.type === 'failed') reject(new Error(response.message));
        },
        reject,
      };
    });
    this.send({ type: 'load', source });
    return loaded;
  }

  /** The full event at an index of the loaded table. */
  async event(index: number): Promise<ConflictEvent | undefined> {
    const response = await this.request((requestId) => ({ type: 'event', requestId, index }));
    return response.type === 'event' ? response.event : undefined;
  }

  /** The map's GeoJSON for the events where `passes` is 1, as a Blob. */
  async features(passes: Uint8Array): Promise<Blob> {
    const response = await this.request((requestId) => ({ type: 'features', requestId, passes }));
    if (response.type === 'features') return response.blob;
    throw new Error('the worker did not answer with features');
  }

  /** The events at `indexes`, written in a format, as a Blob. */
  async exportSelection(format: ExportFormatId, indexes: Uint32Array): Promise<Blob> {
    const response = await this.request((requestId) => ({
      type: 'export',
      requestId,
      format,
      indexes,
    }));
    if (response.type === 'exported') return response.blob;
    throw new Error(response.type === 'export-failed' ? response.message : 'export failed');
  }

  private request(build: (requestId: number) => WorkerRequest): Promise<WorkerResponse> {
    if (!this.worker) return Promise.reject(new Error('no file is open'));
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send(build(requestId));
    });
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(response: WorkerResponse, onProgress: (progress: LoadProgress) => void): void {
    if (response.type === 'progress') {
      onProgress(response);
    } else if (response.type === 'loaded' || response.type === 'failed') {
      this.loading?.resolve(response);
      this.loading = undefined;
    } else {
      const pending = this.pending.get(response.requestId);
      this.pending.delete(response.requestId);
      pending?.resolve(response);
    }
  }

  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.loading?.reject(reason);
    this.loading = undefined;
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
  }
}
