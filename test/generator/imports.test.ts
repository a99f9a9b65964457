// No import circles in the generator or the runtime: each stage's entry point imports the helpers its
// files share, never the other way round. Type-only imports count too: a circle of types is the same
// tangle for a reader, and today's type import is tomorrow's value import.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["generator", "templates/runtime"];

/** Relative module specifiers of a file's static imports, re-exports and dynamic imports. */
function relativeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specifiers = [
    ...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith("."));
}

/** Every circle of the graph, each once, as the files along it with the first repeated at the end. */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? tsFiles(path.join(dir, entry.name))
        : entry.name.endsWith(".ts")
          ? [path.join(dir, entry.name)]
          : [],
    );
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.flatMap(tsFiles).sort()) {
    const targets = relativeImports(fs.readFileSync(path.join(ROOT, file), "utf8")).map((specifier) => {
      const target = path.join(path.dirname(file), specifier).replace(/\.js$/, ".ts");
      if (!fs.existsSync(path.join(ROOT, target)))
        throw new Error(`${file}: import '${specifier}' not found`);
      return target;
    });
    graph.set(file, targets);
  }
  return graph;
}

describe("import circles", () => {
  it("the finder reports a circle through type-only and multi-line imports", () => {
    const a = 'import type { B } from "./b.js";\nexport const a = 1;';
    const b = 'import {\n  c,\n  type C,\n} from "./c.js";\nexport { x } from "./x.js";';
    const c = '// import { no } from "./no.js";\nconst m = await import("./a.js");';
    expect([a, b, c].map(relativeImports)).toEqual([["./b.js"], ["./c.js", "./x.js"], ["./a.js"]]);
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c", "x"]],
      ["c", ["a"]],
      ["x", []],
    ]);
    expect(importCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(
      importCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("none in generator/ and templates/runtime/", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(40);
    expect(importCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});
