// LibreOffice Calc as the independent spreadsheet client: it opens the workbook headless and
// saves each sheet as CSV, which is then read back here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const hasLibreOffice = [
  '/usr/bin',
  '/usr/local/bin',
  ...(process.env.PATH ?? '').split(':'),
].some((directory) => directory !== '' && existsSync(join(directory, 'soffice')));

/** RFC 4180 records of a CSV text (LibreOffice quotes fields with line breaks and quotes). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (character !== '\r') field += character;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/**
 * Each sheet of the workbook as LibreOffice reads it: CSV in UTF-8, cells as shown (dates in
 * their number format), every sheet to its own file. A profile of its own keeps the run
 * apart from any other LibreOffice on the machine.
 */
export function libreOfficeSheets(workbook: Uint8Array): Map<string, string[][]> {
  const directory = mkdtempSync(join(tmpdir(), 'conflict-events-xlsx-'));
  try {
    const input = join(directory, 'events.xlsx');
    writeFileSync(input, workbook);
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(directory, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        directory,
        input,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    const sheets = new Map<string, string[][]>();
    for (const file of readdirSync(directory).sort()) {
      const match = /^events-(.+)\.csv$/.exec(file);
      if (match?.[1]) sheets.set(match[1], parseCsv(readFileSync(join(directory, file), 'utf8')));
    }
    return sheets;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
