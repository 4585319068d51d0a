// Types of the benchmarks' shared helpers, for the TypeScript tests that reuse them.
import type { ConflictEvent } from '@conflict-events/schema';

export const here: string;
export const dataDir: string;
export function flag(name: string, fallback: string): string;
export function writeGeneratedFile(
  path: string,
  format: { write(events: AsyncIterable<ConflictEvent>): AsyncIterable<Uint8Array> },
  count: number,
  options?: { gzip?: boolean },
): Promise<void>;
export function cpuSpeeds(): number[] | undefined;
export function cpuSpeedLine(): string;
