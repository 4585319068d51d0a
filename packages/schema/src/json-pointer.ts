/** RFC 6901: `~` becomes `~0` and `/` becomes `~1` inside each reference token. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  let pointer = '';
  for (const key of path) {
    pointer += `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}
