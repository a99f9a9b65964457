/**
 * soapgen's emitted TypeScript laid out without running prettier, in exactly prettier's layout.
 *
 * A cold prettier spends about a quarter of a generation parsing and printing code whose shapes soapgen
 * knows. `layoutTypeScript` builds prettier's docs for those shapes from TypeScript's syntax tree (the
 * parser ts-morph has loaded anyway) and prints them with prettier's own doc printer (`prettier/doc`, a
 * 60 kB module), so line fitting is prettier's. It gives up, and the caller runs prettier, on anything
 * outside the shapes `print.ts` models: another node kind, a comment it does not place, or a line that
 * will not fit (where prettier may break what is printed flat here). The tests check the result against
 * prettier on every emitted file of every WSDL they generate.
 */
import type { printer as DocPrinter } from "prettier/doc";
import type { ts as Ts } from "ts-morph";
import { ts } from "../lib/ts-morph.js";
import { type DocApi, Printer, Unsupported } from "./print.js";

/** Emitted code parsed once: the emitter reads its type references from `file`, the layout prints it. */
export interface EmittedCode {
  readonly text: string;
  readonly file: Ts.SourceFile;
}

export function parseEmitted(text: string): EmittedCode {
  // JSDoc is read as comment text; TypeScript need not parse it.
  const file = ts.createSourceFile(
    "emitted.ts",
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    ts.ScriptKind.TS,
  );
  return { text, file };
}

/** The layout of `imports` (may be empty), a blank line, then `body`; undefined where prettier must do it. */
export type Layout = (body: EmittedCode, imports: string) => string | undefined;

export async function loadLayout(printWidth: number): Promise<Layout> {
  const docs = await import("prettier/doc");
  return (body, imports) => layoutPieces(body, imports, docs, printWidth);
}

type Docs = DocApi & { readonly printer: typeof DocPrinter };

/**
 * Statements are laid out independently, and prettier keeps one blank line where the source has one:
 * the imports and the body laid out apart are the file laid out whole.
 */
export function layoutPieces(
  body: EmittedCode,
  imports: string,
  docs: Docs,
  printWidth: number,
): string | undefined {
  const laidOut = layoutTypeScript(body, docs, printWidth);
  if (laidOut === undefined || imports === "") return laidOut;
  const head = layoutTypeScript(parseEmitted(imports), docs, printWidth);
  return head === undefined ? undefined : `${head}\n${laidOut}`;
}

export function layoutTypeScript(code: EmittedCode, docs: Docs, printWidth: number): string | undefined {
  const printer = new Printer(ts, docs, code.file, code.text);
  let doc;
  try {
    doc = printer.sourceFile();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (printer.printedComments !== commentCount(code.text)) return undefined;
  const { formatted } = docs.printer.printDocToString(doc, { printWidth, tabWidth: 2 });
  return formatted.split("\n").every((line) => fits(line, printWidth)) ? formatted : undefined;
}

/** Every comment in the source, found by TypeScript's scanner. */
function commentCount(source: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  let count = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.MultiLineCommentTrivia || token === ts.SyntaxKind.SingleLineCommentTrivia)
      count++;
  }
  return count;
}

/**
 * A code line within the width, measured as prettier measures ASCII. Comment lines may be longer (prettier
 * never breaks them); a code line with other characters is not measured here, so it counts as too long.
 */
function fits(line: string, printWidth: number): boolean {
  const start = line.trimStart();
  if (start.startsWith("*") || start.startsWith("/*")) return true;
  return line.length <= printWidth && /^[\x20-\x7e]*$/.test(line);
}
