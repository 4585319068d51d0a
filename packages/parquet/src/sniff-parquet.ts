// Detection: every Parquet file starts with the four bytes `PAR1` (and ends with them).

export function sniffParquet(firstBytes: Uint8Array): boolean {
  return (
    firstBytes.length >= 4 &&
    firstBytes[0] === 0x50 &&
    firstBytes[1] === 0x41 &&
    firstBytes[2] === 0x52 &&
    firstBytes[3] === 0x31
  );
}
