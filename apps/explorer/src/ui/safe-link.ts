// Which URLs from a file may become links: only http and https. A `javascript:` or `data:`
// URL in a source is shown as text, so a file cannot run code through a click.

/** The URL as an absolute http(s) address, or undefined when it must stay text. */
export function safeLinkTarget(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
