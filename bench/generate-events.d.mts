// Types of the benchmark generator, for the TypeScript tests that reuse it.
import type { ConflictEvent } from '@conflict-events/schema';

export function createRandom(seed: number): () => number;
export function generateEvent(random: () => number, index: number): ConflictEvent;
export function generateEvents(count: number, seed?: number): Generator<ConflictEvent>;
