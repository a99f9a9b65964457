import type { Difference } from "./compare.js";

/**
 * Differences between two decoded TypeScript values (what the generated client returns): plain and
 * null-prototype objects, arrays, `Date` (compared as instants), `Uint8Array` (bytes) and primitives.
 * Objects must have the same keys in the same order, since the decoder writes them in schema order.
 */
export function diffValues(expected: unknown, actual: unknown, path: string): Difference[] {
  if (expected instanceof Date || actual instanceof Date) {
    const same =
      expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime();
    return same ? [] : [{ path, message: `expected ${show(expected)}, found ${show(actual)}` }];
  }
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) {
    const same =
      expected instanceof Uint8Array &&
      actual instanceof Uint8Array &&
      Buffer.from(expected).equals(Buffer.from(actual));
    return same ? [] : [{ path, message: `expected ${show(expected)}, found ${show(actual)}` }];
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual))
      return [{ path, message: `expected ${show(expected)}, found ${show(actual)}` }];
    if (expected.length !== actual.length)
      return [{ path, message: `expected ${expected.length} items, found ${actual.length}` }];
    return expected.flatMap((item, i) => diffValues(item, actual[i], `${path}[${i}]`));
  }
  if (isRecord(expected) && isRecord(actual)) {
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (expectedKeys.join("\u0000") !== actualKeys.join("\u0000")) {
      return [
        {
          path,
          message: `expected properties [${expectedKeys.join(", ")}], found [${actualKeys.join(", ")}]`,
        },
      ];
    }
    return expectedKeys.flatMap((key) => diffValues(expected[key], actual[key], `${path}.${key}`));
  }
  return Object.is(expected, actual)
    ? []
    : [{ path, message: `expected ${show(expected)}, found ${show(actual)}` }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A short readable rendering of a value for a difference message. */
export function show(value: unknown): string {
  if (value instanceof Date) return `Date ${value.toISOString()}`;
  if (value instanceof Uint8Array) return `bytes ${Buffer.from(value).toString("base64")}`;
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 60)}...` : json;
}

/**
 * A decoded value as readable, stable JSON for snapshots: Dates as ISO strings, bytes as
 * `{ "$base64": "..." }`, null-prototype dictionaries as ordinary objects.
 */
export function toSnapshotJson(value: unknown): string {
  return `${JSON.stringify(toPlain(value), null, 2)}\n`;
}

function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(toPlain);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  return value;
}
