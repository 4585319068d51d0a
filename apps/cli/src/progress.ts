// The progress bar on stderr for long work: bytes read of the total, events/s and the ETA.
// It is drawn only when stderr is a terminal and --quiet is not given, so logs and pipes in
// CI never see it; cli-progress does the drawing, throttling and ETA smoothing.
import { stat } from 'node:fs/promises';
import type { ConvertProgress } from '@conflict-events/io';
import { Presets, SingleBar } from 'cli-progress';
import { standardStream } from './files.ts';

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Follows one or more inputs read one after the other, as one bar. */
export interface Progress {
  /** The callback for `convert` while reading the next input. */
  nextInput(): (progress: ConvertProgress) => void;
  stop(): void;
}

const silent: Progress = { nextInput: () => () => undefined, stop: () => undefined };

let active: SingleBar | undefined;

/** Clears a bar still drawn, before an error line is printed. */
export function stopProgress(): void {
  active?.stop();
  active = undefined;
}

async function totalBytes(inputs: readonly string[]): Promise<number | undefined> {
  if (inputs.includes(standardStream)) return undefined;
  // An unreadable input is reported by the command itself; the bar just has no total then.
  const sizes = await Promise.all(inputs.map((input) => stat(input).then((info) => info.size)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * A bar for reading `inputs`, or one that draws nothing when stderr is not a terminal or
 * the user asked for quiet. Without a known total (standard input) it shows bytes read and
 * the rate only.
 */
export async function startProgress(
  inputs: readonly string[],
  quiet: boolean | undefined,
  stream: NodeJS.WriteStream = process.stderr,
): Promise<Progress> {
  if (quiet || !stream.isTTY) return silent;
  const total = await totalBytes(inputs).catch(() => undefined);
  const started = performance.now();
  const format =
    total === undefined
      ? '{done} read | {rate} events/s'
      : '{bar} {percentage}% | {done} of {size} | {rate} events/s | ETA {eta_formatted}';
  const bar = new SingleBar(
    { stream, format, hideCursor: true, clearOnComplete: true, fps: 5, etaBuffer: 30 },
    Presets.shades_classic,
  );
  const size = total === undefined ? '' : formatBytes(total);
  bar.start(total ?? 0, 0, { done: formatBytes(0), size, rate: 0 });
  active = bar;
  let base = { bytes: 0, events: 0 };
  let current = { bytes: 0, events: 0 };
  return {
    nextInput() {
      base = { bytes: base.bytes + current.bytes, events: base.events + current.events };
      current = { bytes: 0, events: 0 };
      return (progress) => {
        current = { bytes: progress.bytesIn, events: progress.events };
        const bytes = base.bytes + current.bytes;
        const seconds = (performance.now() - started) / 1000;
        const rate = seconds > 0 ? Math.round((base.events + current.events) / seconds) : 0;
        bar.update(total === undefined ? 0 : Math.min(bytes, total), {
          done: formatBytes(bytes),
          size,
          rate,
        });
      };
    },
    stop: stopProgress,
  };
}
