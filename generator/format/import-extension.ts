/**
 * The extension of the output's relative module specifiers. Files are emitted with `./types.js`, which
 * Node runs once tsc has compiled them and TypeScript resolves to `types.ts`; `ts` writes `./types.ts`,
 * which Node's type stripping runs as it is (TypeScript compiles it with `rewriteRelativeImportExtensions`
 * or checks it with `allowImportingTsExtensions`); `none` writes `./types`, for bundlers.
 */
import { parseTypeScript, ts } from "../lib/ts-morph.js";

/** The extension of the output's relative imports: `./types.js`, `./types.ts` or `./types`. */
export type ImportExtension = "js" | "ts" | "none";

/**
 * `code` with the `.js` of every relative specifier in its imports and exports replaced for `extension`.
 * A declaration over several lines is laid out again by `format`: a shorter specifier may let it fit on
 * one (the runtime's, which is copied as it is, has such imports).
 */
export async function withImportExtension(
  code: string,
  extension: ImportExtension,
  format: (source: string) => Promise<string>,
): Promise<string> {
  if (extension === "js") return code;
  const file = parseTypeScript(code);
  const edits: { start: number; end: number; text: Promise<string> | string }[] = [];
  for (const statement of file.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
    const match = /^(\.\.?\/.*)\.js$/.exec(specifier.text);
    if (!match) continue; // a package (fast-xml-parser) is resolved by its own exports
    const start = statement.getStart(file);
    const quote = code[specifier.getStart(file)];
    const rewritten =
      code.slice(start, specifier.getStart(file)) +
      `${quote}${match[1]}${extension === "ts" ? ".ts" : ""}${quote}` +
      code.slice(specifier.end, statement.end);
    edits.push({
      start,
      end: statement.end,
      text: rewritten.includes("\n") ? format(rewritten).then((laidOut) => laidOut.trimEnd()) : rewritten,
    });
  }
  let result = code;
  // From the last, so the positions of the earlier ones still hold.
  for (const edit of edits.reverse()) {
    result = `${result.slice(0, edit.start)}${await edit.text}${result.slice(edit.end)}`;
  }
  return result;
}
