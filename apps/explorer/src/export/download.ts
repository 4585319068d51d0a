// Saves a Blob as a file through a temporary object URL: the bytes go from the worker to
// the user's disk without leaving the browser.

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoking at once can cancel it in some
  // browsers, so the URL lives a little longer.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "events.csv.gz" → "events"; the exported file is named after the opened one. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const stripped = name.replace(/\.(gz|gzip|zip)$/i, '').replace(/\.[^.]+$/, '');
  return stripped === '' ? 'events' : stripped;
}

/** The indexes where `passes` is 1, for the worker to write. */
export function selectedIndexes(passes: Uint8Array, count: number): Uint32Array {
  const indexes = new Uint32Array(count);
  let next = 0;
  for (let index = 0; index < passes.length && next < count; index++) {
    if (passes[index] === 1) indexes[next++] = index;
  }
  return indexes;
}
