/**
 * The generated tables written as TypeScript object literals in prettier's layout, without prettier: the
 * tables are most of a client's source, and prettier would parse and print them for a layout that is
 * simple to compute. The tests check every generated file against prettier.
 */
import type { Tables } from "../emit/emitted.js";
import { Verbatim } from "../emit/emitted.js";
import { NameAllocator, objectKey, toIdentifier } from "../lib/names.js";
import { stringLiteral } from "../lib/ts.js";

/**
 * `tables` as source: the namespace constants they use, then each table under its doc comment. Keys are
 * quoted unless they are ASCII identifiers; prettier unquotes some others, so the caller formats tables
 * with non-ASCII text with prettier.
 */
export function writeTables({ reserved, tables }: Tables, width: number): string {
  const literal = new LiteralWriter(width, reserved);
  const declarations = tables.map(
    ({ doc, declaration, value }) =>
      `/** ${doc} */\n${declaration}${literal.write(value, { before: declaration.length })};`,
  );
  return (
    [literal.namespaceConstants(), ...declarations].filter((section) => section !== "").join("\n\n") + "\n"
  );
}

/** Where a literal starts and what shares its first and last line, all in characters. */
export interface Placement {
  /** The indentation of the line it starts on, and of its closing bracket. Default 0. */
  readonly indent?: number;
  /** What comes before it on its first line after the indentation (`key: `, `export const x = `). Default 0. */
  readonly before?: number;
  /** What follows it on its last line (`,` or `;`). Default 1. */
  readonly after?: number;
}

/**
 * Writes metadata objects as TypeScript literals, laid out the way prettier lays them out (an object or
 * array on one line when it fits, else one entry per line), so the file needs no formatting pass. Each
 * namespace URI is named once as a constant so the tables stay readable.
 */
class LiteralWriter {
  private readonly namespaces = new Map<string, string>();
  private readonly names: NameAllocator;
  private readonly flatCache = new WeakMap<object, string | undefined>();

  /** `reserved`: the other names the file declares, which namespace constants must not take. */
  constructor(
    private readonly width: number,
    reserved: Iterable<string>,
  ) {
    this.names = new NameAllocator(reserved);
  }

  /** `value` as source text, placed on its first line as `placement` says. */
  write(value: unknown, placement: Placement = {}): string {
    const { indent = 0, before = 0, after = 1 } = placement;
    const flat = this.flat(value);
    if (value === null || typeof value !== "object" || value instanceof Verbatim) return flat!;
    if (flat !== undefined && indent + before + flat.length + after <= this.width) return flat;
    const pad = " ".repeat(indent + 2);
    const lines = Array.isArray(value)
      ? value.map((v) => `${pad}${this.write(v, { indent: indent + 2 })},`)
      : this.entries(value).map(([k, v]) =>
          isShorthand(k, v) ? `${pad}${k},` : `${pad}${objectKey(k)}:${this.writeField(k, v, indent + 2)},`,
        );
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    return `${open}\n${lines.join("\n")}\n${" ".repeat(indent)}${close}`;
  }

  /** The one-line form, or undefined when prettier would break it whatever the width. Computed once per object. */
  private flat(value: unknown): string | undefined {
    if (value === null || typeof value !== "object") {
      return typeof value === "string" ? prettierStringLiteral(value) : String(value);
    }
    if (value instanceof Verbatim) return value.code;
    if (this.flatCache.has(value)) return this.flatCache.get(value);
    let flat: string | undefined;
    if (!mustBreak(value)) {
      const parts = Array.isArray(value)
        ? value.map((v) => this.flat(v))
        : this.entries(value).map(([k, v]) => {
            if (isShorthand(k, v)) return k;
            const inner = this.flatField(k, v);
            return inner === undefined ? undefined : `${objectKey(k)}: ${inner}`;
          });
      if (parts.every((part) => part !== undefined)) {
        if (parts.length === 0) flat = Array.isArray(value) ? "[]" : "{}";
        else flat = Array.isArray(value) ? `[${parts.join(", ")}]` : `{ ${parts.join(", ")} }`;
      }
    }
    this.flatCache.set(value, flat);
    return flat;
  }

  private entries(value: object): [string, unknown][] {
    return Object.entries(value).filter(([, v]) => v !== undefined);
  }

  /** The namespace constants the literals written so far use. */
  namespaceConstants(): string {
    return [...this.namespaces]
      .map(([uri, name]) => {
        const declaration = `const ${name} = ${prettierStringLiteral(uri)};`;
        // Prettier moves a string that does not fit to a line of its own.
        return declaration.length <= this.width
          ? declaration
          : `const ${name} =\n  ${prettierStringLiteral(uri)};`;
      })
      .join("\n");
  }

  /**
   * A property's value with the separator after the colon: prettier moves a long string to its own line,
   * unless the key is shorter than its indentation step plus 3 (5 characters), where that would gain little.
   */
  private writeField(key: string, value: unknown, indent: number): string {
    if (isNamespace(key, value)) return ` ${this.namespace(value)}`;
    const printedKey = objectKey(key);
    const text = this.write(value, { indent, before: printedKey.length + 2 });
    const tooLong = indent + printedKey.length + 2 + text.length + 1 > this.width;
    return typeof value === "string" && tooLong && printedKey.length >= 5
      ? `\n${" ".repeat(indent + 2)}${text}`
      : ` ${text}`;
  }

  private flatField(key: string, value: unknown): string | undefined {
    return isNamespace(key, value) ? this.namespace(value) : this.flat(value);
  }

  private namespace(uri: string): string {
    let name = this.namespaces.get(uri);
    if (!name) {
      const segment =
        uri
          .split(/[/:#]+/)
          .filter(Boolean)
          .pop() ?? "ns";
      name = this.names.claim(`ns${toIdentifier(segment)}`);
      this.namespaces.set(uri, name);
    }
    return name;
  }
}

/** `{ types }` for `{ types: types }`. */
function isShorthand(key: string, value: unknown): boolean {
  return value instanceof Verbatim && value.code === key;
}

function isNamespace(key: string, value: unknown): value is string {
  return (key === "ns" || key === "xmlNs") && typeof value === "string" && value !== "";
}

/** Prettier always breaks an array of two or more objects that each have more than one entry. */
function mustBreak(value: object): boolean {
  return (
    Array.isArray(value) &&
    value.length > 1 &&
    value.every((v) => v !== null && typeof v === "object" && Object.keys(v).length > 1)
  );
}

/** A string literal quoted as prettier quotes it: in double quotes, unless the text holds more of them than single ones. */
function prettierStringLiteral(text: string): string {
  const literal = stringLiteral(text);
  if (count(text, '"') <= count(text, "'")) return literal;
  return `'${literal.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function count(text: string, quote: string): number {
  return text.split(quote).length - 1;
}
