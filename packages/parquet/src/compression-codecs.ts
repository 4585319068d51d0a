// Compression codecs for writing. Snappy is built into hyparquet-writer. Zstandard comes from
// @hpcc-js/wasm-zstd (the reference C library built to WebAssembly, embedded in one ES
// module, so it loads the same way in Node, browsers and workers), imported on first use so
// that detection, reading and snappy writing never load it.
import type { CompressionCodec } from 'hyparquet';
import type { ParquetWriteOptions } from 'hyparquet-writer';
import type { ParquetCompression } from './geoparquet-options.ts';

export interface Codec {
  codec: CompressionCodec;
  compressors: NonNullable<ParquetWriteOptions['compressors']>;
}

// Level 3 is zstd's own default: most of the gain of higher levels at a fraction of the time.
const zstdLevel = 3;

function hasZstdMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
}

let zstdCodec: Promise<Codec> | undefined;

async function loadZstd(): Promise<Codec> {
  const { Zstd } = await import('@hpcc-js/wasm-zstd');
  const zstd = await Zstd.load();
  const compress = (input: Uint8Array): Uint8Array => {
    const output = zstd.compress(input, zstdLevel);
    // The library logs a failure rather than throwing; a page that is not a zstd frame
    // (magic 28 B5 2F FD, RFC 8878 §3.1.1) must not go into the file.
    if (!hasZstdMagic(output)) throw new Error('zstd compression failed');
    return output;
  };
  return { codec: 'ZSTD', compressors: { ZSTD: compress } };
}

export function loadCodec(compression: ParquetCompression): Promise<Codec> {
  switch (compression) {
    case 'snappy':
      return Promise.resolve({ codec: 'SNAPPY', compressors: {} });
    case 'uncompressed':
      return Promise.resolve({ codec: 'UNCOMPRESSED', compressors: {} });
    case 'zstd':
      zstdCodec ??= loadZstd().catch((error: unknown) => {
        zstdCodec = undefined;
        throw error;
      });
      return zstdCodec;
  }
}
