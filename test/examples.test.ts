// The bundled seed dataset: it must validate cleanly and say what the article says,
// including what the article leaves uncertain.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ConflictEvent, parseDataset, validateDataset } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';

const path = fileURLToPath(
  new URL('../examples/seed-afp-2016-08-01.dataset.json', import.meta.url),
);
const document = JSON.parse(readFileSync(path, 'utf8'));
const dataset = parseDataset(document);

function event(id: string): ConflictEvent {
  const found = dataset.events.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
}

describe('examples/seed-afp-2016-08-01.dataset.json', () => {
  test('validates with no errors, warnings or notices', () => {
    const result = validateDataset(document, { today: '2026-11-26' });
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ valid: true, checked: 9, events: 9 });
  });

  test('the Mi-8 downing: five dead, perpetrator unknown, place only "between Idlib and Aleppo"', () => {
    const downing = event('seed:2016-08-01-mi8-downing');
    expect(downing.date).toEqual({ start: '2016-08-01', end: '2016-08-01', precision: 'day' });
    expect(downing.fatalities).toEqual({ known: true, best: 5, breakdown: { sideB: 5 } });
    expect(downing.actors.find((actor) => actor.side === 'a')).toMatchObject({
      kind: 'unidentified',
      unidentified: true,
    });
    expect(downing.location).toMatchObject({ country: 'SYR', precision: 'area' });
    expect(downing.location.point).toBeUndefined();
    expect(downing.location.description).toMatch(/border between Idlib .* Aleppo/);
    expect(downing.notes).toMatch(/three crew and two officers/);
  });

  test('Ramussa: SANA 4 and the Observatory 6 kept per source, summarised as low 4 – high 6', () => {
    const ramussa = event('seed:2016-08-01-ramussa-rocket-sniper-fire');
    expect(ramussa.fatalities).toEqual({ known: true, best: 4, low: 4, high: 6 });
    const claims = Object.fromEntries(
      ramussa.sources.map((source) => [source.name, source.claim?.fatalities?.best]),
    );
    expect(claims).toMatchObject({ SANA: 4, 'Syrian Observatory for Human Rights': 6 });
    expect(ramussa.sources.find((source) => source.name === 'SANA')?.claim?.attribution).toBe(
      'Militants',
    );
  });

  test('relative dates are resolved against Monday 1 August 2016', () => {
    expect(event('seed:2016-07-31-aleppo-offensive-launch').date.start).toBe('2016-07-31');
    expect(event('seed:2016-07-30-civilians-flee-corridors').date).toEqual({
      start: '2016-07-30',
      end: '2016-07-30',
      precision: 'day',
    });
    expect(event('seed:2016-week30-humanitarian-corridors-announced').date).toEqual({
      start: '2016-07-25',
      end: '2016-07-31',
      precision: 'week',
    });
    expect(event('seed:2016-07-aleppo-east-encircled').date.precision).toBe('month');
  });

  test('tolls the article does not give stay unknown, not zero', () => {
    for (const id of [
      'seed:2016-08-01-aleppo-offensive-clashes',
      'seed:2016-08-01-aleppo-air-strikes-battlefield',
      'seed:2016-08-01-aleppo-air-strikes-east',
    ]) {
      expect(event(id).fatalities).toEqual({ known: false });
    }
  });

  test('the disputed outcome of the offensive keeps both claims', () => {
    const statements = event('seed:2016-08-01-aleppo-offensive-clashes').sources.map(
      (source) => source.claim?.statement ?? '',
    );
    expect(statements.some((text) => text.includes('advanced overnight'))).toBe(true);
    expect(statements.some((text) => text.includes('repelled'))).toBe(true);
  });
});
