// Test helpers: bytes as an async iterable in chunks of a chosen size, to exercise boundaries.
export async function* chunked(
  input: string | Uint8Array,
  size: number,
): AsyncIterable<Uint8Array> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
