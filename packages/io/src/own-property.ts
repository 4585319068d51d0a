/**
 * Sets `key` on `target` as an own, enumerable, writable data property, as `JSON.parse` and
 * `Object.fromEntries` do. Assignment would not: `target.__proto__ = value` sets the prototype
 * (or does nothing, for a string), so a source column or property named `__proto__` would
 * vanish instead of reaching the schema, which refuses it with its position.
 */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
