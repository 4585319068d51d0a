import { describe, expect, it } from 'vitest';
import { safeLinkTarget } from '../src/ui/safe-link.ts';

describe('which source URLs become links', () => {
  it('links http and https addresses', () => {
    expect(safeLinkTarget('https://example.org/report?id=1')).toBe(
      'https://example.org/report?id=1',
    );
    expect(safeLinkTarget('http://example.org')).toBe('http://example.org/');
  });

  it('keeps every other scheme, and text that is no URL, as text', () => {
    for (const text of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/file',
      '//example.org/no-scheme',
      'not a url',
    ]) {
      expect(safeLinkTarget(text), text).toBeUndefined();
    }
  });
});
