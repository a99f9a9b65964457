/**
 * What emission hands to the format stage: each file's TypeScript as ts-morph printed it, and its tables
 * as values. Emission decides what a file says; the format stage alone decides how it is laid out.
 */

/** An expression a table holds as code, not as a value: `typeTables`, `{ ...typeTables, ...types }`. */
export class Verbatim {
  constructor(readonly code: string) {}
}

/** `${declaration}${value};` under a doc comment; the value is written as an object literal. */
export interface Table {
  readonly doc: string;
  readonly declaration: string;
  readonly value: unknown;
}

/** The tables at the end of a file, and the names the file declares that their namespace constants must not take. */
export interface Tables {
  readonly reserved: readonly string[];
  readonly tables: readonly Table[];
}

export interface EmittedFile {
  /** The comment the file starts with, kept as it is. */
  readonly banner: string;
  /** TypeScript source for prettier to lay out (imports, declarations, classes); may be empty. */
  readonly code: string;
  /** Tables after the code. */
  readonly tables?: Tables;
  /** Source already in prettier's layout, copied after the code as it is (the runtime's). */
  readonly laidOut?: string;
}

export type EmittedFiles = Map<string, EmittedFile>;
