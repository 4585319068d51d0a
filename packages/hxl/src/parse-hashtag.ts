/**
 * A parsed HXL hashtag spec: `#affected +killed` is the hashtag `affected` with the attribute
 * `killed`. HXL 1.1 tagging conventions: hashtags and attributes are case-insensitive, the
 * order of attributes does not matter and white space around `+` is optional, so both are
 * kept lower-cased and the attributes as a set.
 */
export interface HashtagSpec {
  /** The hashtag without `#`, lower case. */
  hashtag: string;
  attributes: ReadonlySet<string>;
  /** The spec as written in the input, trimmed. */
  text: string;
}

const namePattern = /^[a-z][a-z0-9_]*$/;

/** Parses one cell of a hashtag row; undefined when it is not a valid hashtag spec. */
export function parseHashtag(cell: string): HashtagSpec | undefined {
  const text = cell.trim();
  if (!text.startsWith('#')) return undefined;
  const [first = '', ...rest] = text.slice(1).split('+');
  // White space may surround `+`, but the hashtag's name follows `#` directly.
  const hashtag = first.trimEnd().toLowerCase();
  const attributes = rest.map((part) => part.trim().toLowerCase());
  if (!namePattern.test(hashtag)) return undefined;
  if (!attributes.every((attribute) => namePattern.test(attribute))) return undefined;
  return { hashtag, attributes: new Set(attributes), text };
}

/**
 * Whether a row is the hashtag row: every non-empty cell starts with `#` (HXL tagging
 * conventions) and at least one is a valid spec, so that a lone `# comment` line is not
 * taken for one.
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return (
    filled.length > 0 &&
    filled.every((cell) => cell.startsWith('#')) &&
    filled.some((cell) => parseHashtag(cell) !== undefined)
  );
}

/**
 * A column selector in the manner of HXL tag patterns: the hashtag must be equal, every
 * `include` attribute present and every `exclude` attribute absent; other attributes may be
 * present. `#group +name +first -assoc` selects ACLED's actor 1 but not its associated actors.
 */
export interface TagPattern {
  hashtag: string;
  include: readonly string[];
  exclude?: readonly string[];
}

export function matchesPattern(spec: HashtagSpec, pattern: TagPattern): boolean {
  return (
    spec.hashtag === pattern.hashtag &&
    pattern.include.every((attribute) => spec.attributes.has(attribute)) &&
    !(pattern.exclude ?? []).some((attribute) => spec.attributes.has(attribute))
  );
}

/** The pattern written as a hashtag spec (`#group+name+first-assoc`), for messages and docs. */
export function formatPattern(pattern: TagPattern): string {
  const include = pattern.include.map((attribute) => `+${attribute}`).join('');
  const exclude = (pattern.exclude ?? []).map((attribute) => `-${attribute}`).join('');
  return `#${pattern.hashtag}${include}${exclude}`;
}

/**
 * The column a pattern selects among parsed specs: of the matching columns, the one with
 * the fewest attributes beyond the pattern's (the closest match); ties go to the leftmost.
 * Undefined entries (untagged columns) never match. Returns the column index or -1.
 */
export function selectColumn(specs: readonly (HashtagSpec | undefined)[], pattern: TagPattern) {
  let best = -1;
  let bestExtra = Number.POSITIVE_INFINITY;
  specs.forEach((spec, index) => {
    if (!spec || !matchesPattern(spec, pattern)) return;
    const extra = spec.attributes.size - pattern.include.length;
    if (extra < bestExtra) {
      best = index;
      bestExtra = extra;
    }
  });
  return best;
}
