/**
 * ts-morph's values (its structure printer, and the TypeScript compiler it bundles), required rather than
 * imported. ts-morph is CommonJS: an ESM `import` of it has Node first scan its 1 MB entry file for
 * export names (cjs-module-lexer), which cost about 50 ms of a cold run; `require` skips the scan. Its
 * types are imported from "ts-morph" as usual.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = tsMorph;

/** The syntax tree of generated TypeScript; its JSDoc is read as comment text, which needs no parsing. */
export function parseTypeScript(text: string): TsMorph.ts.SourceFile {
  return ts.createSourceFile(
    "generated.ts",
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    ts.ScriptKind.TS,
  );
}
