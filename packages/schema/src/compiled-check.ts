import type { z } from 'zod';

/**
 * A shape check compiled once from a zod schema, for the hot path of readers.
 *
 * zod stays the source of truth: the check is generated from the schema's own definition (its
 * keys, enums, literals, patterns and bounds), never written by hand beside it, and a value it
 * refuses is handed to zod, which finds the issues. It gives zod's verdict on any value; the
 * agreement tests prove it on generated events and thousands of their mutations. Where zod's
 * check is code rather than data (URLs), that one field is checked by zod itself.
 *
 * Like zod, it gives the value back with the keys of every object in the schema's order, so
 * output is the same whatever order a reader built or found the keys in; unlike zod, it copies
 * only the objects whose keys are out of order, and a value already in order comes back as
 * it is.
 *
 * The check is JavaScript generated with `new Function`, the way zod and ajv compile, so
 * every property read is a plain, fast one. Where code generation is forbidden (a page whose
 * Content Security Policy has no 'unsafe-eval'), the check is zod's own `safeParse`: the same
 * verdicts, at zod's speed.
 */
export type ShapeParser<T> = (value: unknown) => T | undefined;

/** A schema the compiler has no exact translation for; it fails when the module loads. */
export class ShapeCompileError extends Error {
  override name = 'ShapeCompileError';
}

/**
 * zod preprocess steps the compiler knows: each refuses an own `__proto__` key and changes
 * nothing, which the compiled check does the same way.
 */
const protoKeySteps = new WeakSet<object>();

/** Registers a preprocess function whose only effect is refusing an own `__proto__` key. */
export function markProtoKeyStep<T extends object>(step: T): T {
  protoKeySteps.add(step);
  return step;
}

interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);

/** zod's records take plain objects; this is as strict or stricter (other realms go to zod). */
function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const literalTypes = new Set(['string', 'number', 'boolean']);

/** Enums of at most this many values are checked by comparisons instead of a Set. */
const smallEnum = 8;

/** Is the schema a leaf: checked by an inline expression, never copied? */
function isLeaf(schema: unknown): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'literal':
    case 'enum':
      return true;
    case 'optional':
      return isLeaf(def.innerType);
    case 'union':
      return (def.options as unknown[]).every(isLeaf);
    default:
      return false;
  }
}

/**
 * Generates the source of one function per composite schema node (objects, arrays, records,
 * unions of them). Each returns its value (or a copy with keys in order) or `NO` when the
 * value does not fit. Leaves are boolean expressions inlined where they are used.
 */
class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  /** Per pattern: its constant, and the variable holding the last string it accepted. */
  readonly patterns = new Map<string, { test: string; memo: string }>();

  constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /**
   * A pattern test that first compares with the last string the pattern accepted: an event's
   * end date is mostly its start date, and rows of a file come in runs of one day, so most
   * dates and date-times are tested once. (The pattern is a pure function of the string.)
   */
  matches(pattern: RegExp, x: string): string {
    const flags = pattern.flags.replace('g', '');
    const key = `${flags}/${pattern.source}`;
    let compiled = this.patterns.get(key);
    if (compiled === undefined) {
      const test = this.constant(new RegExp(pattern.source, flags));
      compiled = { test, memo: `m${this.patterns.size}` };
      this.patterns.set(key, compiled);
    }
    const { test, memo } = compiled;
    return `(${x} === ${memo} || (${test}.test(${x}) && ((${memo} = ${x}), true)))`;
  }

  /** Returns the name of a function `(v) => v | copy | NO` for a composite schema. */
  node(schema: unknown): string {
    const index = this.functions.length;
    const name = `f${index}`;
    this.functions.push('');
    this.functions[index] = `function ${name}(v) {\n${this.body(schema, name)}\n}`;
    return name;
  }

  /** An expression giving the value of `x` (maybe a copy in order) or NO. */
  value(schema: unknown, x: string): string {
    if (isLeaf(schema)) return `(${this.expression(schema, x)} ? ${x} : NO)`;
    const def = defOf(schema);
    if (def.type === 'optional') {
      return `(${x} === undefined ? ${x} : ${this.value(def.innerType, x)})`;
    }
    return `${this.node(schema)}(${x})`;
  }

  /** A boolean expression over the variable `x` for a leaf schema. */
  expression(schema: unknown, x: string): string {
    const def = defOf(schema);
    switch (def.type) {
      case 'string': {
        if (def.format === 'url') {
          // zod's URL check is code, not a pattern: zod decides (a rare, optional field).
          const zodSchema = schema as z.ZodType;
          const check = this.constant((value: string) => zodSchema.safeParse(value).success);
          return `(typeof ${x} === 'string' && ${check}(${x}))`;
        }
        const tests = [`typeof ${x} === 'string'`];
        const own = def.check === 'string_format' ? [def as unknown as CheckDef] : [];
        for (const check of [...own, ...checksOf(def)]) {
          if (check.check === 'min_length' && check.minimum !== undefined) {
            tests.push(`${x}.length >= ${check.minimum}`);
          } else if (check.check === 'string_format' && check.pattern instanceof RegExp) {
            tests.push(this.matches(check.pattern, x));
          } else {
            throw new ShapeCompileError(`no compiled form for the string check ${check.check}`);
          }
        }
        return `(${tests.join(' && ')})`;
      }
      case 'number': {
        const tests = [`typeof ${x} === 'number'`, `Number.isFinite(${x})`];
        for (const check of checksOf(def)) {
          if (check.check === 'number_format' && check.format === 'safeint') {
            tests.push(`Number.isSafeInteger(${x})`);
          } else if (check.check === 'greater_than' && typeof check.value === 'number') {
            tests.push(`${x} >${check.inclusive ? '=' : ''} ${check.value}`);
          } else if (check.check === 'less_than' && typeof check.value === 'number') {
            tests.push(`${x} <${check.inclusive ? '=' : ''} ${check.value}`);
          } else {
            throw new ShapeCompileError(`no compiled form for the number check ${check.check}`);
          }
        }
        return `(${tests.join(' && ')})`;
      }
      case 'boolean':
        return `(typeof ${x} === 'boolean')`;
      case 'null':
        return `(${x} === null)`;
      case 'unknown':
        return 'true';
      case 'literal': {
        const tests = (def.values as unknown[]).map((value) => {
          if (value === undefined) return `${x} === undefined`;
          if (value === null || literalTypes.has(typeof value)) {
            return `${x} === ${JSON.stringify(value)}`;
          }
          throw new ShapeCompileError(`no compiled form for the literal ${String(value)}`);
        });
        return `(${tests.join(' || ')})`;
      }
      case 'enum': {
        const values = Object.values(def.entries as object) as unknown[];
        // A few values are compared one by one (no hashing); more go to a Set. Both are
        // SameValueZero on strings and numbers.
        if (
          values.length > 0 &&
          values.length <= smallEnum &&
          values.every((value) => literalTypes.has(typeof value))
        )
          return `(${values.map((value) => `${x} === ${JSON.stringify(value)}`).join(' || ')})`;
        return `${this.constant(new Set(values))}.has(${x})`;
      }
      case 'optional':
        return `(${x} === undefined || ${this.expression(def.innerType, x)})`;
      case 'union':
        return `(${(def.options as unknown[]).map((option) => this.expression(option, x)).join(' || ')})`;
      default:
        throw new ShapeCompileError(`the zod type ${def.type} is not a leaf`);
    }
  }

  private body(schema: unknown, name: string): string {
    const def = defOf(schema);
    switch (def.type) {
      case 'array':
        return this.array(def);
      case 'union': {
        // A discriminated union accepts exactly what the union of its options accepts.
        const lines = ['let r;'];
        for (const option of def.options as unknown[]) {
          lines.push(`r = ${this.value(option, 'v')};`, 'if (r !== NO) return r;');
        }
        lines.push('return NO;');
        return lines.join('\n');
      }
      case 'object':
        return this.object(def, name);
      case 'record':
        return this.record(def, false);
      case 'pipe': {
        const step = defOf(def.in);
        const out = defOf(def.out);
        const transform = step.transform as object | undefined;
        if (step.type === 'transform' && transform && protoKeySteps.has(transform)) {
          if (out.type === 'record') return this.record(out, true);
        }
        throw new ShapeCompileError('no compiled form for this preprocess step');
      }
      default:
        throw new ShapeCompileError(`no compiled form for the zod type ${def.type}`);
    }
  }

  private array(def: Def): string {
    const lines = ['if (!Array.isArray(v)) return NO;', 'let out;'];
    if (isLeaf(def.element)) {
      lines.push(
        `for (let i = 0; i < v.length; i++) { const x = v[i]; if (!${this.expression(def.element, 'x')}) return NO; }`,
      );
    } else {
      lines.push(
        'for (let i = 0; i < v.length; i++) {',
        `  const x = v[i]; const y = ${this.value(def.element, 'x')};`,
        '  if (y === NO) return NO;',
        '  if (y !== x) { if (out === undefined) out = v.slice(); out[i] = y; }',
        '}',
      );
    }
    lines.push('return out === undefined ? v : out;');
    return lines.join('\n');
  }

  /**
   * An object's check. zod looks for unknown keys with for…in and reads declared ones with
   * input[key]; the same loop sees whether the keys come in the schema's order. It walks the
   * schema's keys along the object's, one comparison a key when they are known and in order
   * (as every reader builds them); on the first key it cannot place, a second function finds
   * each key's place with a switch and says whether the order is broken (or NO for an
   * unknown key).
   */
  private object(def: Def, name: string): string {
    const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
    if (catchall !== 'never') throw new ShapeCompileError('only strict objects are compiled');
    const shape = def.shape as Record<string, unknown>;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) throw new ShapeCompileError('a key "__proto__" in a shape');
    const order = this.constant(keys);
    const cases = keys.map((key, index) => `case ${JSON.stringify(key)}: i = ${index}; break;`);
    this.functions.push(
      [
        `function ${name}k(v) {`,
        'let ordered = true, last = -1, i = 0;',
        `for (const key in v) { switch (key) { ${cases.join(' ')} default: return NO; } if (i < last) ordered = false; last = i; }`,
        'return ordered;',
        '}',
      ].join('\n'),
    );
    return [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return NO;',
      'let ordered = true, j = 0;',
      `for (const key in v) { while (j < ${keys.length} && ${order}[j] !== key) j++; if (j === ${keys.length}) { ordered = ${name}k(v); break; } j++; }`,
      'if (ordered === NO) return NO;',
      ...this.objectChecks(shape, keys),
    ].join('\n');
  }

  /** The checks of an object's values and its return, given `ordered`. */
  private objectChecks(shape: Record<string, unknown>, keys: string[]): string[] {
    const lines = ['let x;'];
    const same: string[] = [];
    const copy: string[] = [];
    keys.forEach((key, index) => {
      const read = `v[${JSON.stringify(key)}]`;
      const write = `out[${JSON.stringify(key)}]`;
      if (isLeaf(shape[key])) {
        lines.push(`x = ${read};`, `if (!${this.expression(shape[key], 'x')}) return NO;`);
        copy.push(`x = ${read}; if (x !== undefined) ${write} = x;`);
      } else {
        lines.push(`x = ${read};`, `const y${index} = ${this.value(shape[key], 'x')};`);
        lines.push(`if (y${index} === NO) return NO;`);
        same.push(`y${index} === ${read}`);
        copy.push(`if (y${index} !== undefined) ${write} = y${index};`);
      }
    });
    lines.push(`if (ordered${same.map((test) => ` && ${test}`).join('')}) return v;`);
    lines.push('const out = {};', ...copy, 'return out;');
    return lines;
  }

  private record(def: Def, refuseProtoKey: boolean): string {
    if (!isLeaf(def.keyType) || !isLeaf(def.valueType)) {
      throw new ShapeCompileError('only records of leaf values are compiled');
    }
    const key = this.expression(def.keyType, 'key');
    const value = this.expression(def.valueType, 'x');
    return [
      `if (!${this.constant(isPlainObject)}(v)) return NO;`,
      refuseProtoKey ? `if (Object.hasOwn(v, '__proto__')) return NO;` : '',
      'for (const key of Reflect.ownKeys(v)) {',
      // zod skips these two, as the loop of its record parser does.
      `  if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;`,
      `  if (typeof key !== 'string' || !${key}) return NO;`,
      `  const x = v[key];`,
      `  if (!${value}) return NO;`,
      '}',
      'return v;',
    ].join('\n');
  }
}

function canGenerateCode(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/**
 * Compiles a zod schema's shape into a parser (see ShapeParser): the value in the schema's
 * key order when zod would accept it, else undefined.
 */
export function compileShapeParser<T>(schema: z.ZodType<T>): ShapeParser<T> {
  // An optional root would make undefined both a valid value and the answer "invalid".
  if (defOf(schema).type === 'optional') {
    throw new ShapeCompileError('the root of a compiled schema cannot be optional');
  }
  const generator = new Generator();
  const no = generator.constant(Symbol('no'));
  const root = generator.value(schema, 'v');
  if (!canGenerateCode()) {
    return (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    };
  }
  const constants = generator.constants.map((_, index) => `k${index} = c[${index}]`);
  const source = [
    '"use strict";',
    `const ${constants.join(', ')};`,
    `const NO = ${no};`,
    ...[...generator.patterns.values()].map(({ memo }) => `let ${memo};`),
    ...generator.functions,
    `return (v) => { const r = ${root}; return r === NO ? undefined : r; };`,
  ].join('\n');
  return new Function('c', source)(generator.constants) as ShapeParser<T>;
}
