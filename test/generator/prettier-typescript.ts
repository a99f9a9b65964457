/**
 * Prettier with its `typescript` parser, the reference layout: soapgen formats with the faster `babel-ts`
 * parser (generator/format/prettier.ts), and writes the tables (but those with non-ASCII text) and the
 * runtime without prettier at all; every generated file must be what this leaves unchanged.
 */
import { format } from "prettier/standalone";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";
import { PRINT_WIDTH } from "../../generator/format/prettier.js";

export function formatWithTypescriptParser(source: string): Promise<string> {
  return format(source, { parser: "typescript", printWidth: PRINT_WIDTH, plugins: [estree, typescript] });
}
