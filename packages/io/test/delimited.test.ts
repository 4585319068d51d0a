import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type DelimitedRecord,
  DelimitedTokenizer,
  defaultLimits,
  LimitError,
  readDelimited,
  sniffDelimiter,
} from '../src/index.ts';
import { chunked } from './helpers.ts';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

function tokenize(
  text: string,
  chunkSize = text.length || 1,
  options: { delimiter?: string; quote?: string | null } = {},
): DelimitedRecord[] {
  const tokenizer = new DelimitedTokenizer({
    delimiter: options.delimiter ?? ',',
    quote: options.quote === undefined ? '"' : options.quote,
    limits: defaultLimits,
    byteLength: utf8,
  });
  const out: DelimitedRecord[] = [];
  for (let start = 0; start < text.length; start += chunkSize)
    out.push(...tokenizer.push(text.slice(start, start + chunkSize)));
  out.push(...tokenizer.end());
  return out;
}

const fields = (text: string, chunkSize?: number) =>
  tokenize(text, chunkSize).map((record) => record.fields);

// The twelve cases of csv-spectrum, written for this project with the expectations csv-spectrum publishes.
const spectrum: Record<string, { csv: string; rows: string[][] }> = {
  comma_in_quotes: {
    csv: 'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
    rows: [
      ['first', 'last', 'address', 'city', 'zip'],
      ['John', 'Doe', '120 any st.', 'Anytown, WW', '08123'],
    ],
  },
  empty: {
    csv: 'a,b,c\n1,"",""\n2,3,4\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  },
  empty_crlf: {
    csv: 'a,b,c\r\n1,"",""\r\n2,3,4\r\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  },
  escaped_quotes: {
    csv: 'a,b\n1,"ha ""ha"" ha"\n3,4\n',
    rows: [
      ['a', 'b'],
      ['1', 'ha "ha" ha'],
      ['3', '4'],
    ],
  },
  json: {
    csv: 'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
    rows: [
      ['key', 'val'],
      ['1', '{"type": "Point", "coordinates": [102.0, 0.5]}'],
    ],
  },
  location_coordinates: {
    csv: 'Contact Phone Number,Cities,Latitude,Longitude\n+1 555 0100,"Aleppo, Syria",36.2021,37.1343\n',
    rows: [
      ['Contact Phone Number', 'Cities', 'Latitude', 'Longitude'],
      ['+1 555 0100', 'Aleppo, Syria', '36.2021', '37.1343'],
    ],
  },
  newlines: {
    csv: 'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon \na time', '5', '6'],
      ['7', '8', '9'],
    ],
  },
  newlines_crlf: {
    csv: 'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon \r\na time', '5', '6'],
      ['7', '8', '9'],
    ],
  },
  quotes_and_newlines: {
    csv: 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n',
    rows: [
      ['a', 'b'],
      ['1', 'ha \n"ha" \nha'],
      ['3', '4'],
    ],
  },
  simple: {
    csv: 'a,b,c\n1,2,3\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ],
  },
  simple_crlf: {
    csv: 'a,b,c\r\n1,2,3\r\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ],
  },
  utf8: {
    csv: 'a,b,c\n1,2,3\n4,5,ʤ\n',
    rows: [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', 'ʤ'],
    ],
  },
};

describe('csv-spectrum', () => {
  for (const [name, { csv, rows }] of Object.entries(spectrum)) {
    test(name, () => {
      expect(fields(csv)).toEqual(rows);
      for (const size of [1, 2, 3, 5, 8]) expect(fields(csv, size)).toEqual(rows);
    });
  }
});

describe('tokenizer', () => {
  test('LF, CRLF and lone CR line ends, mixed', () => {
    expect(tokenize('a,b\r\nc,d\re,f\ng,h').map((r) => [r.fields, r.terminator, r.line])).toEqual([
      [['a', 'b'], '\r\n', 1],
      [['c', 'd'], '\r', 2],
      [['e', 'f'], '\n', 3],
      [['g', 'h'], '', 4],
    ]);
  });

  test('a CR at a chunk end followed by LF is one line end', () => {
    const records = tokenize('a\r\nb\r\nc', 2);
    expect(records.map((r) => [r.fields, r.terminator, r.line])).toEqual([
      [['a'], '\r\n', 1],
      [['b'], '\r\n', 2],
      [['c'], '', 3],
    ]);
  });

  test('lines and byte offsets count quoted line breaks and multi-byte characters', () => {
    const text = 'h1,h2\n"é\nè",x\nʤ,"y"\n';
    const records = tokenize(text, 3);
    expect(records.map((r) => [r.line, r.byteOffset])).toEqual([
      [1, 0],
      [2, 6],
      [4, 6 + utf8('"é\nè",x') + 1],
    ]);
  });

  test('the raw text is the record as written, quotes included', () => {
    expect(tokenize('a,"b ""c"""\n').map((r) => r.raw)).toEqual(['a,"b ""c"""']);
  });

  test('an unclosed quote runs to the end and is flagged', () => {
    const [header, last] = tokenize('a,b\n1,"open\n2,3\n');
    expect(header?.unclosedQuote).toBeUndefined();
    expect(last).toMatchObject({ fields: ['1', 'open\n2,3\n'], unclosedQuote: true });
  });

  test('characters after a closing quote are kept and flagged', () => {
    expect(tokenize('"a"b,c\n')[0]).toMatchObject({ fields: ['ab', 'c'], strayAfterQuote: true });
  });

  test('a quote inside an unquoted field is literal', () => {
    expect(fields('a"b,c\n')).toEqual([['a"b', 'c']]);
  });

  test('no quoting for tab-separated sources', () => {
    expect(tokenize('"a\tb"\tc\n', undefined, { delimiter: '\t', quote: null })[0]?.fields).toEqual(
      ['"a', 'b"', 'c'],
    );
  });

  test('empty input gives no record; a lone line break gives one empty record', () => {
    expect(tokenize('')).toEqual([]);
    expect(fields('\n')).toEqual([['']]);
    expect(fields('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  test('a field or record over the limit is a LimitError, not a huge allocation', () => {
    const tokenizer = new DelimitedTokenizer({
      delimiter: ',',
      quote: '"',
      limits: { ...defaultLimits, maxFieldLength: 10, maxRecordLength: 25 },
      byteLength: utf8,
    });
    expect(() => tokenizer.push('ok,"12345678901"\n')).toThrow(LimitError);
    const records = new DelimitedTokenizer({
      delimiter: ',',
      quote: '"',
      limits: { ...defaultLimits, maxFieldLength: 10, maxRecordLength: 25 },
      byteLength: utf8,
    });
    expect(() => {
      for (let index = 0; index < 10; index++) records.push('123456789,');
    }).toThrow(/line 1 is longer than 25 characters/);
  });
});

describe('tokenizer properties', () => {
  const field = fc.string({
    unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '😀'),
    maxLength: 6,
  });
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 6,
  });
  const encode = (value: string) =>
    /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;

  test('quoted-as-needed rows read back exactly, whatever the chunking', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 9 }),
        (rows, eol, size) => {
          const text = rows.map((row) => row.map(encode).join(',')).join(eol) + eol;
          expect(fields(text, size)).toEqual(rows);
        },
      ),
    );
  });

  test('any text: records and their terminators rebuild the input, offsets add up, never an exception', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'é') }),
        fc.integer({ min: 1, max: 7 }),
        (text, size) => {
          const records = tokenize(text, size);
          expect(records.map((r) => r.raw + r.terminator).join('')).toBe(text);
          let offset = 0;
          for (const record of records) {
            expect(record.byteOffset).toBe(offset);
            offset += utf8(record.raw + record.terminator);
          }
          expect(tokenize(text)).toEqual(records);
        },
      ),
    );
  });
});

describe('readDelimited', () => {
  test('sniffs the delimiter from the first line, outside quotes', () => {
    expect(sniffDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('abc')).toBe(',');
  });

  test('decodes, skips the BOM, counts it in byte offsets, batches records', async () => {
    const input = await readDelimited(chunked('\uFEFFa;b\n1;2\n3;4\n', 3), {
      delimiter: 'auto',
      quote: '"',
      limits: defaultLimits,
      batchSize: 2,
    });
    expect(input.delimiter).toBe(';');
    const batches = [];
    for await (const batch of input.batches)
      batches.push(batch.records.map((r) => [r.fields, r.byteOffset]));
    expect(batches).toEqual([
      [
        [['a', 'b'], 3],
        [['1', '2'], 7],
      ],
      [[['3', '4'], 11]],
    ]);
  });

  test('reads windows-1252 and UTF-16 with BOM', async () => {
    const latin = new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]);
    const read = async (bytes: Uint8Array, encoding?: string) => {
      const input = await readDelimited(chunked(bytes, 1), {
        delimiter: ',',
        quote: '"',
        limits: defaultLimits,
        batchSize: 10,
        ...(encoding ? { encoding } : {}),
      });
      const out = [];
      for await (const batch of input.batches)
        out.push(...batch.records.map((r) => r.fields), ...batch.issues.map((i) => i.code));
      return out;
    };
    expect(await read(latin, 'windows-1252')).toEqual([['a', 'é']]);
    expect(await read(latin)).toEqual([['a', '\uFFFD'], 'encoding-error']);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'x,ʤ\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(await read(utf16)).toEqual([['x', 'ʤ']]);
  });
});
