// What the writer does at Excel's limits, with its options, and with dataset metadata.
import type { ConflictEvent } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { excelMaxCellLength, XlsxLimitError } from '../src/index.ts';
import { writeWorkbook as writeWithSettings } from '../src/write-xlsx.ts';
import { loadWorkbook, packageParts, rowValues, writeWorkbook } from './helpers.ts';

const events = (count: number): ConflictEvent[] =>
  Array.from({ length: count }, (_, index) => ({ ...sampleEvent(), id: `test:${index + 1}` }));

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('xlsx: sheets', () => {
  test('a full sheet continues on the next, each with its frozen header; no event is dropped', async () => {
    const bytes = await writeWorkbook(events(7), { maxRowsPerSheet: 3 });
    const workbook = await loadWorkbook(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'events',
      'events 2',
      'events 3',
      'events 4',
    ]);
    const ids = workbook.worksheets.flatMap((sheet) => {
      expect(rowValues(sheet, 1)[0]).toBe('id');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      return Array.from(
        { length: sheet.rowCount - 1 },
        (_, index) => sheet.getCell(index + 2, 1).value,
      );
    });
    expect(ids).toEqual(events(7).map((event) => event.id));
    expect(workbook.worksheets.map((sheet) => sheet.autoFilter)).toEqual([
      'A1:BP3',
      'A1:BP3',
      'A1:BP3',
      'A1:BP2',
    ]);
    const parts = packageParts(bytes);
    expect(parts['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">'events 4'!$A$1:$BP$2</definedName>`,
    );
    expect(parts['[Content_Types].xml']).toContain('PartName="/xl/worksheets/sheet4.xml"');
  });

  test('a sheet exactly full does not start an empty one', async () => {
    const workbook = await loadWorkbook(await writeWorkbook(events(4), { maxRowsPerSheet: 3 }));
    expect(workbook.worksheets).toHaveLength(2);
    expect(workbook.worksheets[1]?.rowCount).toBe(3);
  });

  test('options out of range are refused before anything is written', async () => {
    for (const options of [
      { maxRowsPerSheet: 1 },
      { maxRowsPerSheet: 1_048_577 },
      { maxRowsPerSheet: 2.5 },
      { compressionLevel: 10 },
      { compressionLevel: -1 },
    ]) {
      expect(await failure(writeWorkbook(events(1), options))).toBeInstanceOf(RangeError);
    }
  });

  test('every compression level gives the same workbook', async () => {
    for (const compressionLevel of [0, 1, 9]) {
      const bytes = await writeWorkbook(events(3), { compressionLevel });
      expect((await loadWorkbook(bytes)).worksheets[0]?.getCell(4, 1).value).toBe('test:3');
    }
  });
});

describe('xlsx: the cell length limit', () => {
  test(`a text of ${excelMaxCellLength} characters is written whole`, async () => {
    const notes = 'n'.repeat(excelMaxCellLength);
    const workbook = await loadWorkbook(await writeWorkbook([{ ...sampleEvent(), notes }]));
    expect(workbook.worksheets[0]?.getRow(2).getCell(56).value).toBe(notes);
  });

  test('one character more stops writing with an error naming the event, field and cell', async () => {
    const long = { ...sampleEvent(), id: 'test:long', notes: 'n'.repeat(excelMaxCellLength + 1) };
    const error = await failure(writeWorkbook([...events(2), long]));
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect(error).toMatchObject({
      limit: 'cellLength',
      position: { sheet: 'events', row: 4, column: 'BD', field: 'notes', eventId: 'test:long' },
    });
    expect((error as Error).message).toContain('event "test:long": notes has 32768 characters');
  });

  test('the apostrophe of a neutralised formula counts, and so do JSON cells', async () => {
    const formula = { ...sampleEvent(), notes: `=${'n'.repeat(excelMaxCellLength - 1)}` };
    expect(await failure(writeWorkbook([formula]))).toMatchObject({ position: { field: 'notes' } });
    expect(await failure(writeWorkbook([formula], { neutraliseFormulas: false }))).toBeUndefined();
    const sources = Array.from({ length: 2000 }, (_, index) => ({
      name: `source ${index}`,
      kind: 'news-agency' as const,
    }));
    expect(await failure(writeWorkbook([{ ...sampleEvent(), sources }]))).toMatchObject({
      position: { field: 'sources', column: 'BB' },
    });
  });
});

describe('xlsx: document properties', () => {
  test('title, description and creation time come from the dataset metadata', async () => {
    const metadata = {
      schemaVersion: '1.0.0',
      title: 'Idlib & Aleppo, August 2016',
      description: 'Coded from <one> article',
      generatedAt: '2016-08-02T12:00:00+02:00',
    };
    const core = packageParts(await writeWorkbook(events(1), { metadata }))['docProps/core.xml'];
    expect(core).toContain('<dc:title>Idlib &amp; Aleppo, August 2016</dc:title>');
    expect(core).toContain('<dc:description>Coded from &lt;one&gt; article</dc:description>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2016-08-02T10:00:00Z</dcterms:created>',
    );
    const workbook = await loadWorkbook(await writeWorkbook(events(1), { metadata }));
    expect(workbook.title).toBe(metadata.title);
  });

  test('the same events and metadata give the same bytes', async () => {
    const options = {
      metadata: { schemaVersion: '1.0.0', title: 't', generatedAt: '2024-01-01T00:00:00Z' },
    };
    expect(await writeWorkbook(events(5), options)).toEqual(
      await writeWorkbook(events(5), options),
    );
  });
});

describe('xlsx: the 32-bit sizes of a ZIP without ZIP64', () => {
  // The real limits are 4 GiB; the same code runs here with small ones.
  const settings = {
    neutraliseFormulas: true,
    maxRowsPerSheet: 1_048_576,
    compressionLevel: 1,
    metadata: undefined,
    maxPartBytes: 2 ** 32 - 1,
    maxArchiveBytes: 2 ** 32 - 1,
  };

  async function collect(input: readonly ConflictEvent[], limits: object): Promise<Uint8Array> {
    async function* source() {
      yield* input;
    }
    const parts: Uint8Array[] = [];
    for await (const part of writeWithSettings(source(), { ...settings, ...limits }))
      parts.push(part);
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    parts.reduce((offset, part) => {
      bytes.set(part, offset);
      return offset + part.length;
    }, 0);
    return bytes;
  }

  test('a sheet part about to pass its size limit is closed and the events go on the next', async () => {
    const bytes = await collect(events(300), { maxPartBytes: 300_000 });
    const parts = packageParts(bytes);
    const sheetParts = Object.keys(parts).filter((name) => name.startsWith('xl/worksheets/'));
    expect(sheetParts.length).toBeGreaterThan(1);
    for (const name of sheetParts) expect((parts[name] ?? '').length).toBeLessThanOrEqual(300_000);
    const workbook = await loadWorkbook(bytes);
    const ids = workbook.worksheets.flatMap((sheet) =>
      Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getCell(index + 2, 1).value),
    );
    expect(ids).toEqual(events(300).map((event) => event.id));
  });

  test('an archive past its size limit stops writing with an error', async () => {
    const error = await failure(collect(events(2000), { maxArchiveBytes: 100_000 }));
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect(error).toMatchObject({ limit: 'archiveSize' });
  });
});
