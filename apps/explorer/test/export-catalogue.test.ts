import { describe, expect, it } from 'vitest';
import { exportCatalogue, exportFormatIds } from '../src/export-catalogue.ts';
import { exportFormats, readableFormats, registry } from '../src/formats.ts';

describe('the formats of the explorer', () => {
  it('names each export as its adapter does', () => {
    for (const id of exportFormatIds) {
      const format = exportFormats[id];
      const entry = exportCatalogue[id];
      expect(format.write, id).toBeTypeOf('function');
      expect(entry.name).toBe(format.name);
      expect(format.extensions).toContain(entry.extension);
      expect(format.mediaTypes).toContain(entry.mediaType);
    }
  });

  it('reads every format the command line reads', async () => {
    const { formats: cliFormats } = await import('../../cli/src/registry.ts');
    const readable = new Set(readableFormats.map((format) => format.id));
    const missing = cliFormats
      .filter((format) => format.capabilities.read && !readable.has(format.id))
      .map((format) => format.id);
    expect(missing).toEqual([]);
    expect(registry.formats).toBe(readableFormats);
  });

  it('opens only formats that can be read', () => {
    for (const format of readableFormats) {
      expect(format.capabilities.read, format.id).toBe(true);
      expect(format.read, format.id).toBeTypeOf('function');
    }
  });
});
