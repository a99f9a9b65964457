/**
 * The names the runtime copied into every output exports, read from its sources (templates/runtime/), so
 * that no list of them is kept by hand. The generated index.ts re-exports the runtime, types.ts, each
 * client module and (as types) each stub with `export *`, which drops a name two of them export: a name
 * the output declares too is re-exported by name from its module (the user's wins), and generated code
 * reaches the runtime's through its namespace.
 * test/safety/emission.test.ts checks the reading against the TypeScript compiler's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";

const RUNTIME_DIR = join(packageRoot(), "templates", "runtime");

/** `export { A, type B } from "./x.js"` and `export type { C } from "./y.js"`: their names. */
const NAMED_REEXPORT = /^export (?:type )?\{([^}]*)\} from "\.\/[\w-]+\.js";/gm;
/** `export type * from "./metadata.js"`: every export of that module. */
const STAR_REEXPORT = /^export (?:type )?\* from "\.\/([\w-]+)\.js";/gm;
/** A declaration exported where it stands. */
const DECLARATION =
  /^export (?:declare )?(?:abstract )?(?:async )?(?:interface|type|class|const|let|function) (\w+)/gm;

/** The names `templates/runtime/<module>.ts` exports, sorted. */
export function runtimeExports(module: string): string[] {
  const names = new Set<string>();
  const read = (name: string): void => {
    const text = readFileSync(join(RUNTIME_DIR, `${name}.ts`), "utf8");
    for (const match of text.matchAll(DECLARATION)) names.add(match[1]!);
    for (const match of text.matchAll(NAMED_REEXPORT))
      for (const entry of match[1]!.split(",")) {
        const local = entry.trim().replace(/^type\s+/, "");
        const alias = / as (\w+)$/.exec(local);
        if (local !== "") names.add(alias ? alias[1]! : local);
      }
    for (const match of text.matchAll(STAR_REEXPORT)) read(match[1]!);
  };
  read(module);
  return [...names].sort();
}
