/**
 * The one error type the parser throws for bad input. The CLI prints `message` alone (no stack), so
 * the message is a single line naming the file, the place in it and what was expected there.
 */
export interface ErrorPlace {
  /** The document's location (path or URL) as it was read. */
  file: string;
  /** Element path such as `wsdl:definitions/wsdl:types/xs:schema[1]/xs:complexType[@name='Foo']`. */
  where?: string;
  line?: number;
  column?: number;
}

export class SoapgenError extends Error {
  override name = "SoapgenError";
  readonly file: string;
  readonly where: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** What went wrong, without the place. */
  readonly detail: string;

  constructor(place: ErrorPlace, detail: string, options?: { cause?: unknown }) {
    const position = place.line === undefined ? "" : `:${place.line}:${place.column ?? 1}`;
    const where = place.where ? ` (at ${place.where})` : "";
    super(oneLine(`${place.file}${position}: ${detail}${where}`), options);
    this.file = place.file;
    this.where = place.where;
    this.line = place.line;
    this.column = place.column;
    this.detail = detail;
  }
}

/**
 * Text as one line a terminal prints as is: line breaks (U+2028/9 too) become spaces, and other control
 * characters, which input may smuggle in through character references, are shown escaped.
 */
export function oneLine(text: string): string {
  // Split, not `/\s*[\r\n]+\s*/g`, which rescans a run of spaces without a line break from each space.
  const lines = text.split(/[\r\n\u2028\u2029]/);
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line !== "" || i === 0 || i === last)
    .join(" ")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
