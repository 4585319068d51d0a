import type { z } from 'zod';

/**
 * A yes/no shape check compiled once from a zod schema, for the hot path of readers.
 *
 * zod stays the source of truth: the check is generated from the schema's own definition (its
 * keys, enums, literals, patterns and bounds), never written by hand beside it, and a value it
 * refuses is handed to zod, which finds the issues. It gives zod's verdict on any value; the
 * agreement tests prove it on generated events and thousands of their mutations. Where zod's
 * check is code rather than data (URLs), that one field is checked by zod itself. A valid
 * value is used as it is: nothing is copied.
 *
 * The check is JavaScript generated with `new Function`, the way zod and ajv compile, so
 * every property read is a plain, fast one. Where code generation is forbidden (a page whose
 * Content Security Policy has no 'unsafe-eval'), the check is zod's own `safeParse`: the same
 * verdicts, at zod's speed.
 */
export type ShapeCheck = (value: unknown) => boolean;

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

/** Generates the source of one function per schema node; constants are passed in. */
class Generator {
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];

  constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /** Returns the name of a function `(v) => boolean` for the schema. */
  node(schema: unknown): string {
    const index = this.functions.length;
    const name = `f${index}`;
    this.functions.push('');
    this.functions[index] = `function ${name}(v) {\n${this.body(schema)}\n}`;
    return name;
  }

  /**
   * A boolean expression over the variable `x` for a leaf schema (strings, numbers, enums,
   * literals, optional leaves), inlined where it is used; a call for anything else.
   */
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
            const pattern = new RegExp(check.pattern.source, check.pattern.flags.replace('g', ''));
            tests.push(`${this.constant(pattern)}.test(${x})`);
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
      case 'enum':
        return `${this.constant(new Set(Object.values(def.entries as object)))}.has(${x})`;
      case 'optional':
        return `(${x} === undefined || ${this.expression(def.innerType, x)})`;
      default:
        return `${this.node(schema)}(${x})`;
    }
  }

  private body(schema: unknown): string {
    const def = defOf(schema);
    switch (def.type) {
      case 'array':
        return [
          'if (!Array.isArray(v)) return false;',
          `for (let i = 0; i < v.length; i++) { const x = v[i]; if (!${this.expression(def.element, 'x')}) return false; }`,
          'return true;',
        ].join('\n');
      case 'union':
        // A discriminated union accepts exactly what the union of its options accepts.
        return `return ${(def.options as unknown[]).map((option) => this.expression(option, 'v')).join(' || ')};`;
      case 'object':
        return this.object(def);
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
        return `return ${this.expression(schema, 'v')};`;
    }
  }

  private object(def: Def): string {
    const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
    if (catchall !== 'never') throw new ShapeCompileError('only strict objects are compiled');
    const shape = def.shape as Record<string, unknown>;
    const keys = Object.keys(shape);
    // zod looks for unknown keys with for…in and reads declared ones with input[key].
    const cases = keys.map((key) => `case ${JSON.stringify(key)}:`).join(' ');
    const lines = [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return false;',
      `for (const key in v) switch (key) { ${cases} break; default: return false; }`,
    ];
    lines.push('let x;');
    for (const key of keys) {
      lines.push(`x = v[${JSON.stringify(key)}];`);
      lines.push(`if (!${this.expression(shape[key], 'x')}) return false;`);
    }
    lines.push('return true;');
    return lines.join('\n');
  }

  private record(def: Def, refuseProtoKey: boolean): string {
    const key = this.expression(def.keyType, 'key');
    const value = this.expression(def.valueType, 'x');
    return [
      `if (!${this.constant(isPlainObject)}(v)) return false;`,
      refuseProtoKey ? `if (Object.hasOwn(v, '__proto__')) return false;` : '',
      'for (const key of Reflect.ownKeys(v)) {',
      // zod skips these two, as the loop of its record parser does.
      `  if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;`,
      `  if (typeof key !== 'string' || !${key}) return false;`,
      `  const x = v[key];`,
      `  if (!${value}) return false;`,
      '}',
      'return true;',
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

/** Compiles a zod schema's shape into a yes/no check (see ShapeCheck). */
export function compileShapeCheck(schema: z.ZodType): ShapeCheck {
  const generator = new Generator();
  const root = generator.node(schema);
  if (!canGenerateCode()) return (value) => schema.safeParse(value).success;
  const constants = generator.constants.map((_, index) => `k${index} = c[${index}]`);
  const source = [
    '"use strict";',
    constants.length > 0 ? `const ${constants.join(', ')};` : '',
    ...generator.functions,
    `return ${root};`,
  ].join('\n');
  return new Function('c', source)(generator.constants) as ShapeCheck;
}
