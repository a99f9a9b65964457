/**
 * Turning XML names into TypeScript names. XML NCNames allow characters TypeScript identifiers do not
 * (`-`, `.`, a leading digit) and may collide with keywords or with the globals the generated code uses,
 * so every emitted identifier goes through here.
 */

const KEYWORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with as implements interface let package private protected public static yield any boolean " +
    "constructor declare get module require number set string symbol type from of unknown never object " +
    "bigint undefined await async is keyof readonly unique infer namespace abstract accessor asserts " +
    "global out satisfies override using"
  ).split(" "),
);

/** Globals the generated files refer to by name: a schema type must not shadow them. */
const GLOBAL_TYPES = new Set([
  "Array",
  "Date",
  "Error",
  "Object",
  "Omit",
  "Partial",
  "Promise",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "String",
  "Number",
  "Boolean",
  "Uint8Array",
  "AbortSignal",
  "Function",
  "Symbol",
  "Map",
  "Set",
  "JSON",
  "Math",
  "globalThis",
  "fetch",
]);

/**
 * What every object inherits (`toString`, `constructor`, `__proto__`, ...). As a property name it is
 * read back from any object that lacks it, and TypeScript types `{}` as having it, so neither a
 * property nor a key of the runtime tables may be named so.
 */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** A valid identifier made from `text`: invalid characters become `_`, a leading digit gets `_`. */
export function toIdentifier(text: string): string {
  let id = text.replace(/[^A-Za-z0-9_$]/g, "_");
  if (id === "" || /^[0-9]/.test(id)) id = `_${id}`;
  return id;
}

/** A name usable for an exported type, class or value: not a keyword and not a global we rely on. */
export function toTypeName(text: string): string {
  const id = toIdentifier(text);
  return KEYWORDS.has(id) || GLOBAL_TYPES.has(id) || OBJECT_MEMBERS.has(id) ? `${id}_` : id;
}

/**
 * The name of a type, class or function a TypeScript user expects: the XML name with its first letter
 * capitalised (`checkVatPortType` → `CheckVatPortType`); the rest is kept as the schema spells it.
 */
export function pascalCase(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** `ChatSessionsForUser` → `chatSessionsForUser`, `HTMLPage` → `htmlPage`, `GetURL` → `getURL`. */
export function lowerCamel(text: string): string {
  const id = toIdentifier(text);
  const leadingCaps = /^[A-Z]+/.exec(id)?.[0] ?? "";
  if (leadingCaps.length <= 1 || leadingCaps.length === id.length) {
    return id.charAt(0).toLowerCase() + id.slice(1);
  }
  // In "HTMLPage" the last capital starts the next word.
  const run = /[a-z]/.test(id.charAt(leadingCaps.length)) ? leadingCaps.length - 1 : leadingCaps.length;
  return id.slice(0, run).toLowerCase() + id.slice(run);
}

/** A property key as written in an interface: bare when possible, else quoted. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/**
 * A key as written in an object literal. `__proto__: x` (bare or quoted) sets the object's prototype
 * instead of defining a property, so that one key is written computed, which always defines a property.
 */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${JSON.stringify(name)}]` : propertyKey(name);
}

/**
 * The name of a property of the values the client sends and receives. An inherited member's name gets a
 * `_` suffix, like other names that clash: assigning `__proto__` replaces the prototype instead of storing
 * a value, a missing `toString` still reads as a function, and TypeScript will not let `{}` stand for an
 * object whose optional `toString` is a string.
 */
export function memberName(name: string): string {
  return OBJECT_MEMBERS.has(name) ? `${name}_` : name;
}

/**
 * Hands out unique names: the first claimant of a name keeps it, later ones get a numeric suffix.
 * Names are compared exactly (TypeScript is case-sensitive), so `Foo` and `foo` may both exist.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();
  /** The names this allocator handed out, in order (not those it was given as reserved). */
  readonly handedOut: string[] = [];
  /** The suffix to try first for each wanted name, so that k claims of one name cost k steps, not k². */
  private readonly nextSuffix = new Map<string, number>();

  private readonly reserved: ReadonlySet<string>;

  constructor(reserved: Iterable<string> = []) {
    this.reserved = new Set(reserved);
    for (const name of this.reserved) this.taken.add(name);
  }

  /** Whether a claim (not a reserved name) took `name`. */
  claimed(name: string): boolean {
    return this.taken.has(name) && !this.reserved.has(name);
  }

  /** A new allocator that starts with every name this one has taken, and `reserved`. */
  fork(reserved: Iterable<string> = []): NameAllocator {
    return new NameAllocator([...this.taken, ...reserved]);
  }

  claim(wanted: string): string {
    let name = wanted;
    let n = this.nextSuffix.get(wanted) ?? 2;
    while (this.taken.has(name)) name = `${wanted}${n++}`;
    this.nextSuffix.set(wanted, n);
    this.taken.add(name);
    this.handedOut.push(name);
    return name;
  }
}

/** Text safe inside a `/** ... *\/` comment: no comment terminator, no stray control characters. */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u2029]/g, " ")
    .trim();
}

/** Text safe inside a `//` comment: JavaScript ends such a comment at any line terminator, U+2028/9 included. */
export function lineCommentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u2028\u2029]/g, " ");
}
