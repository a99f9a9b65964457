import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under a committed output folder, by path relative to it. */
export function committedFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return files;
}

/** Source text without comments and string literals, to look at code only. */
export function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

/** An `any` type annotation, assertion, type argument or union member. */
export const ANY_TYPE = /:\s*any\b|\bas any\b|<any\b|\bany\[\]|\bany>|\|\s*any\b/;

/** The operation names of a WSDL's first portType, in document order. */
export function portTypeOperations(wsdl: string): string[] {
  const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(wsdl)?.[0] ?? "";
  return [...portType.matchAll(/<wsdl:operation name="([^"]+)"/g)].map((m) => m[1] as string);
}
