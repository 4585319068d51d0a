// The Thrift compact protocol, as far as Parquet's page headers and footer need it
// (thrift/doc/specs/thrift-compact-protocol.md): fields as a delta from the previous field id
// and a type, integers as zigzag varints, binaries with a varint length, lists with a header.
import type { ByteBuffer } from './byte-buffer.ts';

const thriftTrue = 1;
const thriftFalse = 2;
export const thriftI32 = 5;
const thriftI64 = 6;
export const thriftBinary = 8;
const thriftList = 9;
export const thriftStruct = 12;

const utf8 = new TextEncoder();

/** Writes structs field by field; `id` is the last field id written in the current struct. */
export class ThriftWriter {
  private id = 0;
  private readonly outer: number[] = [];

  constructor(readonly out: ByteBuffer) {}

  private field(id: number, type: number): void {
    const delta = id - this.id;
    if (delta > 0 && delta <= 15) {
      this.out.byte((delta << 4) | type);
    } else {
      this.out.byte(type);
      this.out.varint(zigzag(id));
    }
    this.id = id;
  }

  i32(id: number, value: number): void {
    this.field(id, thriftI32);
    this.out.varint(zigzag(value));
  }

  /** An i64 from a safe integer. */
  i64(id: number, value: number): void {
    this.field(id, thriftI64);
    this.out.varint(zigzag(value));
  }

  bool(id: number, value: boolean): void {
    this.field(id, value ? thriftTrue : thriftFalse);
  }

  binary(id: number, value: Uint8Array | string): void {
    this.field(id, thriftBinary);
    this.bytes(value);
  }

  /** A binary without its field header (a list element). */
  bytes(value: Uint8Array | string): void {
    const bytes = typeof value === 'string' ? utf8.encode(value) : value;
    this.out.varint(bytes.length);
    this.out.append(bytes);
  }

  /** A list field's header; its `size` elements follow. */
  list(id: number, elementType: number, size: number): void {
    this.field(id, thriftList);
    this.listHeader(elementType, size);
  }

  private listHeader(elementType: number, size: number): void {
    if (size < 15) {
      this.out.byte((size << 4) | elementType);
    } else {
      this.out.byte(0xf0 | elementType);
      this.out.varint(size);
    }
  }

  /** An i32 list element. */
  i32Element(value: number): void {
    this.out.varint(zigzag(value));
  }

  /** Opens a struct field (`id` undefined: a struct that is a list element). */
  begin(id?: number): void {
    if (id !== undefined) this.field(id, thriftStruct);
    this.outer.push(this.id);
    this.id = 0;
  }

  end(): void {
    this.out.byte(0);
    this.id = this.outer.pop() ?? 0;
  }
}

/** Zigzag of a safe integer (0, -1, 1, -2 … → 0, 1, 2, 3 …), without 32-bit overflow. */
function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}
