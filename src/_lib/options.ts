/** Private helpers for option objects and lookups that must not see `Object.prototype`. */
import { describeValue } from "./errors.js";

/** True when `key` is an own property of `obj` (never an inherited `constructor`, `toString`, ...). */
export function hasOwn(obj: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * Checks an options argument: `undefined`, or a plain object whose own keys are all in `allowed`.
 * Returns the options as a record (`{}` when undefined).
 * @throws {TypeError} `<fn>: options must be an object; ...` or `<fn>: options.<key> is not an option ...`.
 */
export function checkOptionKeys(fn: string, options: unknown, allowed: readonly string[], arg = "options"): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: ${arg} must be an object; got ${describeValue(options)}.`);
  }
  for (const k of Object.keys(options)) {
    if (!allowed.includes(k)) {
      const known = allowed.length === 0 ? "it takes no options" : `known options: ${allowed.join(", ")}`;
      throw new TypeError(`${fn}: ${arg}.${k} is not an option (${known}); got ${describeValue((options as Record<string, unknown>)[k])}.`);
    }
  }
  return options as Readonly<Record<string, unknown>>;
}

/** Reads an optional boolean option: `undefined` → `fallback`; anything but a boolean is a TypeError. */
export function booleanOption(fn: string, options: Readonly<Record<string, unknown>>, key: string, fallback: boolean, arg = "options"): boolean {
  const v = hasOwn(options, key) ? options[key] : undefined;
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: ${arg}.${key} must be true or false; got ${describeValue(v)}.`);
  return v;
}
