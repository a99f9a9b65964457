// No import circles in the generator or the runtime: each stage's entry point imports the helpers its
// files share, never the other way round. And no import against the pipeline: a stage imports only from
// itself and the stages before it. Type-only imports count too: a circle of types is the same tangle for a
// reader, and today's type import is tomorrow's value import.
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

/**
 * The pipeline, in order: a module of a stage imports only from its own stage, the stages before it and the
 * foundations. The foundations sit below every stage: lib/, the runtime (which the tables are typed by),
 * model.ts (the plain types every stage from xsd/wsdl to emit writes or reads; it imports only the names
 * of the XSD built-ins, from lib/) and errors.ts (the error every stage throws). The drivers run the
 * stages (the CLI, the API, the config and the digest of an output) and may import any of them; no stage
 * imports a driver.
 */
const STAGES: readonly (readonly string[])[] = [
  ["generator/load/"],
  ["generator/xsd/", "generator/wsdl/"],
  ["generator/combine/"],
  ["generator/emit/"],
  ["generator/format/"],
  ["generator/write.ts"],
];
const FOUNDATIONS = ["generator/lib/", "templates/runtime/", "generator/model.ts", "generator/errors.ts"];
const DRIVERS = [
  "generator/cli.ts",
  "generator/config.ts",
  "generator/digest.ts",
  "generator/generate.ts",
  "generator/index.ts",
  "generator/parse.ts",
  "generator/render-worker.ts",
  "generator/runtime-dependency.ts",
];

interface Layers {
  readonly stages: readonly (readonly string[])[];
  readonly foundations: readonly string[];
  readonly drivers: readonly string[];
}

/** A file's place: its stage's index, -1 for a foundation, Infinity for a driver; undefined when unplaced. */
function rankOf(file: string, layers: Layers): number | undefined {
  const within = (prefixes: readonly string[]): boolean =>
    prefixes.some((prefix) => (prefix.endsWith("/") ? file.startsWith(prefix) : file === prefix));
  if (within(layers.foundations)) return -1;
  if (within(layers.drivers)) return Infinity;
  const stage = layers.stages.findIndex(within);
  return stage === -1 ? undefined : stage;
}

/**
 * The imports against the order, as `from → to`, and the files placed nowhere. The runtime imports only the
 * runtime: it is copied into every output, without the generator.
 */
function stageViolations(graph: ReadonlyMap<string, readonly string[]>, layers: Layers): string[] {
  const violations: string[] = [];
  for (const [file, targets] of graph) {
    const rank = rankOf(file, layers);
    if (rank === undefined) {
      violations.push(`${file}: in no stage`);
      continue;
    }
    for (const target of targets) {
      const targetRank = rankOf(target, layers) ?? Infinity;
      const runtimeLeaves = file.startsWith("templates/runtime/") && !target.startsWith("templates/runtime/");
      if (targetRank > rank || runtimeLeaves) violations.push(`${file} → ${target}`);
    }
  }
  return [...new Set(violations)].sort();
}

describe("stage order", () => {
  it("the checker reports a backward import, a driver imported by a stage, the runtime leaving itself, an unplaced file", () => {
    const layers: Layers = {
      stages: [["load/"], ["xsd/", "wsdl/"], ["emit/"]],
      foundations: ["lib/", "templates/runtime/"],
      drivers: ["cli.ts"],
    };
    const graph = new Map([
      ["load/a.ts", ["lib/x.ts", "xsd/b.ts"]],
      ["xsd/b.ts", ["load/a.ts", "wsdl/c.ts", "templates/runtime/r.ts"]],
      ["wsdl/c.ts", ["cli.ts"]],
      ["emit/d.ts", ["xsd/b.ts", "lib/x.ts"]],
      ["templates/runtime/r.ts", ["lib/x.ts", "templates/runtime/s.ts"]],
      ["cli.ts", ["emit/d.ts", "load/a.ts"]],
      ["lib/x.ts", ["emit/d.ts"]],
      ["other.ts", []],
    ]);
    expect(stageViolations(graph, layers)).toEqual([
      "lib/x.ts → emit/d.ts",
      "load/a.ts → xsd/b.ts",
      "other.ts: in no stage",
      "templates/runtime/r.ts → lib/x.ts",
      "wsdl/c.ts → cli.ts",
    ]);
  });

  it("load → xsd/wsdl → combine → emit → format → write, lib/, model and the runtime below all", () => {
    const layers: Layers = { stages: STAGES, foundations: FOUNDATIONS, drivers: DRIVERS };
    expect(stageViolations(importGraph(), layers)).toEqual([]);
  });
});
