/** Anything bytes can come from. Paths and Node streams are handled by `@conflict-events/io/node`. */
export type ByteSource =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | Response
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

const stringChunkLength = 1 << 20;

function isAsyncIterable(value: object): value is AsyncIterable<Uint8Array> {
  return Symbol.asyncIterator in value;
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  // getReader rather than async iteration: not every browser makes streams iterable.
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.byteLength > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Turns any byte source into an async iterable of chunks. */
export async function* toByteChunks(source: ByteSource): AsyncIterable<Uint8Array> {
  if (typeof source === 'string') {
    const encoder = new TextEncoder();
    for (let start = 0; start < source.length; start += stringChunkLength) {
      yield encoder.encode(source.slice(start, start + stringChunkLength));
    }
    return;
  }
  if (source instanceof Uint8Array) {
    if (source.byteLength > 0) yield source;
    return;
  }
  if (source instanceof ArrayBuffer) {
    if (source.byteLength > 0) yield new Uint8Array(source);
    return;
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* readStream(source.stream());
    return;
  }
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (source.body) yield* readStream(source.body);
    return;
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    yield* readStream(source);
    return;
  }
  if (isAsyncIterable(source)) {
    for await (const chunk of source) if (chunk.byteLength > 0) yield chunk;
    return;
  }
  for (const chunk of source as Iterable<Uint8Array>) if (chunk.byteLength > 0) yield chunk;
}

/** The first `length` bytes of a stream, and the whole stream again (nothing consumed). */
export async function peekBytes(
  chunks: AsyncIterable<Uint8Array>,
  length: number,
): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  while (size < length) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const head = concatBytes(seen, Math.min(size, length));
  async function* replay(): AsyncIterable<Uint8Array> {
    yield* seen;
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, chunks: replay() };
}

export function concatBytes(
  parts: readonly Uint8Array[],
  limit = Number.POSITIVE_INFINITY,
): Uint8Array {
  const total = Math.min(
    limit,
    parts.reduce((sum, part) => sum + part.byteLength, 0),
  );
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    if (offset >= total) break;
    const take = Math.min(part.byteLength, total - offset);
    out.set(take === part.byteLength ? part : part.subarray(0, take), offset);
    offset += take;
  }
  return out;
}

/** Counts bytes as they pass, for statistics. */
export function countBytes(
  chunks: AsyncIterable<Uint8Array>,
  counter: { bytes: number },
): AsyncIterable<Uint8Array> {
  return (async function* () {
    for await (const chunk of chunks) {
      counter.bytes += chunk.byteLength;
      yield chunk;
    }
  })();
}
