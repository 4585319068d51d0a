// Data made inert for the description balloon, which Google Earth renders as HTML (and runs
// scripts in): every character that could open a tag, an attribute or an entity is escaped.

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Google Earth replaces `$[name]` in balloon text with feature data; data never does so.
  $: '&#36;',
};

const htmlSpecial = /[&<>"'$]/g;

/** The text as HTML text or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(htmlSpecial, (character) => htmlEscapes[character] ?? character);
}

/** The text as HTML, its line breaks kept as `<br>`. */
export function escapeHtmlLines(value: string): string {
  return escapeHtml(value).replace(/\r\n?|\n/g, '<br>');
}

/**
 * A link when the URL is http or https; any other scheme (`javascript:`, `data:`) would run
 * or load something when clicked, so the URL is then shown as text only.
 */
export function htmlLink(url: string, text: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
