import type { AnyFormat } from './format.ts';

/** The format could not be decided: unknown, or several formats fit. */
export class FormatDetectionError extends Error {
  override name = 'FormatDetectionError';
  constructor(
    message: string,
    readonly candidates: readonly string[],
  ) {
    super(message);
  }
}

export interface FormatRegistry {
  readonly formats: readonly AnyFormat[];
  /** The format with this id; a FormatDetectionError listing the ids otherwise. */
  get(id: string): AnyFormat;
  /** Formats whose extensions end the file name, compression suffixes (.gz, .zip) ignored. */
  byFileName(fileName: string): AnyFormat[];
  /**
   * The format of an input: by extension, then by sniffing the first (decompressed) bytes.
   * Several matches, or none, is a FormatDetectionError naming the candidates.
   */
  detect(input: { fileName?: string; head: Uint8Array; can: 'read' | 'write' }): AnyFormat;
  /** The format an output file name asks for. */
  forOutput(fileName: string): AnyFormat;
}

/**
 * The first bytes as sniffers expect them: UTF-16 input (told by its byte-order mark) is
 * shown to them as UTF-8, so a UTF-16 CSV is recognised as the CSV it is; readers decode
 * the whole input by the same mark.
 */
function sniffable(head: Uint8Array): Uint8Array {
  const encoding =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (encoding === undefined) return head;
  // An odd last byte is half a code unit cut by the sample: leave it out.
  const whole = head.subarray(0, head.length - (head.length % 2));
  return new TextEncoder().encode(new TextDecoder(encoding).decode(whole));
}

const compressionSuffix = /\.(gz|gzip|zip)$/i;

function extensionMatches(fileName: string, format: AnyFormat): boolean {
  const name = fileName.toLowerCase().replace(compressionSuffix, '');
  return format.extensions.some((extension) => name.endsWith(`.${extension}`));
}

/** A registry of formats; ids must be unique. */
export function createRegistry(formats: readonly AnyFormat[]): FormatRegistry {
  const byId = new Map<string, AnyFormat>();
  for (const format of formats) {
    if (byId.has(format.id)) throw new Error(`two formats have the id "${format.id}"`);
    byId.set(format.id, format);
  }
  const ids = () => formats.map((format) => format.id);
  const able = (can: 'read' | 'write') => formats.filter((format) => format.capabilities[can]);

  return {
    formats,
    get(id) {
      const format = byId.get(id);
      if (!format)
        throw new FormatDetectionError(
          `unknown format "${id}"; formats are: ${ids().join(', ')}`,
          ids(),
        );
      return format;
    },
    byFileName(fileName) {
      return formats.filter((format) => extensionMatches(fileName, format));
    },
    detect({ fileName, head, can }) {
      const byName = fileName
        ? able(can).filter((format) => extensionMatches(fileName, format))
        : [];
      const pool = byName.length > 0 ? byName : able(can);
      const sample = sniffable(head);
      const recognised = pool.filter((format) => format.sniff(sample));
      const specific = recognised.filter((format) => !format.fallback);
      const sniffed = specific.length > 0 ? specific : recognised;
      const only = (list: AnyFormat[]) => (list.length === 1 ? list[0] : undefined);
      const chosen = only(sniffed) ?? (sniffed.length === 0 ? only(byName) : undefined);
      if (chosen) return chosen;
      const candidates = (sniffed.length > 0 ? sniffed : pool).map((format) => format.id);
      const what = fileName ? `"${fileName}"` : 'the input';
      if (sniffed.length > 1) {
        throw new FormatDetectionError(
          `the format of ${what} is ambiguous: it could be ${candidates.join(' or ')}; name one`,
          candidates,
        );
      }
      throw new FormatDetectionError(
        `the format of ${what} is not recognised; formats that can ${can} are: ${candidates.join(', ')}`,
        candidates,
      );
    },
    forOutput(fileName) {
      const matches = able('write').filter((format) => extensionMatches(fileName, format));
      const [first] = matches;
      if (matches.length === 1 && first) return first;
      const candidates = (matches.length > 0 ? matches : able('write')).map((format) => format.id);
      if (matches.length > 1) {
        throw new FormatDetectionError(
          `the output "${fileName}" could be ${candidates.join(' or ')}; name one`,
          candidates,
        );
      }
      throw new FormatDetectionError(
        `no format writes "${fileName}"; formats that write are: ${candidates.join(', ')}`,
        candidates,
      );
    },
  };
}
