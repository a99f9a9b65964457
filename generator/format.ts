/** Formatting of emitted TypeScript with prettier, loading only the parsers TypeScript needs. */
import { format } from "prettier/standalone";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";

export const PRINT_WIDTH = 110;
export const PRETTIER_OPTIONS = {
  parser: "typescript",
  printWidth: PRINT_WIDTH,
  plugins: [estree, typescript],
};

export async function formatTypeScript(source: string): Promise<string> {
  return format(source, PRETTIER_OPTIONS);
}
