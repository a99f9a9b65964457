/**
 * The whole of SuperOffice NetServer (the 60 Services88 agent WSDLs of ../shared/netserver) as one SDK:
 * what generating it costs, how large it is, and what it costs a user (strict tsc on it, and what an app
 * importing one agent's client loads), against today's soapgen (commit e2e87e5, which needs nine
 * operations left out to generate the 60) and wsdl-tsclient run once per agent.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { STRICT_TSCONFIG } from "../test/safety/harness.js";
import { interleave, type Measured, sequence } from "./generation.js";
import { type ProcessRun, runProcess, stats } from "./harness.js";

export const SERVICES88_DIR = path.resolve("../shared/netserver/Services88");

/** The agent WSDLs, sorted: `Services88-<Agent>.wsdl`. */
export function services88Wsdls(dir = SERVICES88_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^Services88-\w+\.wsdl$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Today's soapgen: the commit before the whole of Services88 generated as one SDK. */
export const BASELINE_COMMIT = "e2e87e5";
/** The operations today's soapgen cannot merge across the 60 WSDLs; it generates the rest. */
export const BASELINE_EXCLUSIONS = [
  "CustomerService.ChatSessionsForUser",
  "EMail.Save",
  "Person.ChangeCountry",
  "Preference.GetPreferences",
  "Quote.GetConfigurationFields",
  "Quote.GetProductImage",
  "Quote.GetConnection",
  "Quote.SaveConnection",
  "EMail.Authenticate",
] as const;

/** The agent whose client the import rows load, its module and its client class. */
export const IMPORTED_AGENT = { wsdl: "Services88-Contact.wsdl", module: "contact", client: "ContactClient" };

const SOAPGEN_CLI = path.resolve("dist/generator/cli.js");
const WSDL_TSCLIENT_CLI = path.resolve("node_modules/wsdl-tsclient/dist/src/cli.js");
const TSC = path.resolve("node_modules/.bin/tsc");
const IMPORT_CHILD = path.resolve("bench/import-child.mjs");
const MODULE_LIST = path.resolve("bench/module-list.mjs");
const COLD = { NODE_DISABLE_COMPILE_CACHE: "1" };

/** `soapgen generate` arguments for one output of several WSDLs, each excluded operation its own flag. */
export function generateArgs(
  wsdls: readonly string[],
  out: string,
  exclude: readonly string[] = [],
): string[] {
  return [
    "generate",
    ...wsdls.flatMap((wsdl) => ["--wsdl", wsdl]),
    ...exclude.flatMap((op) => ["--exclude-operations", op]),
    "--out",
    out,
  ];
}

/**
 * Today's soapgen built once into node_modules/.cache/soapgen-baseline/<commit> and reused when present:
 * the commit's files from git, the project's node_modules linked in, compiled by the project's tsc.
 * Returns its CLI. The runtime modules are listed as roots besides the generator: tsc does not emit
 * files it reaches by import inside a node_modules path, as it takes them for a library's.
 */
export function baselineCli(commit = BASELINE_COMMIT): string {
  const root = path.resolve("node_modules/.cache/soapgen-baseline", commit);
  const cli = path.join(root, "dist/generator/cli.js");
  if (existsSync(cli)) return cli;
  const building = `${root}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    let archive: Buffer;
    try {
      archive = execFileSync("git", ["archive", "--format=tar", commit], {
        maxBuffer: 1 << 30,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      throw new Error(
        `today's soapgen is commit ${commit}, which git cannot read here (a shallow clone?): ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
      );
    }
    execFileSync("tar", ["-x", "-C", building], { input: archive });
    symlinkSync(path.resolve("node_modules"), path.join(building, "node_modules"));
    writeFileSync(
      path.join(building, "tsconfig.bench.json"),
      JSON.stringify({ extends: "./tsconfig.build.json", include: ["generator", "templates/runtime"] }),
    );
    execFileSync(TSC, ["-p", path.join(building, "tsconfig.bench.json")], { stdio: "inherit" });
    rmSync(root, { recursive: true, force: true });
    renameSync(building, root);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return cli;
}

export interface SourceSize {
  files: number;
  lines: number;
  bytes: number;
}

/** Lines and bytes of every .ts file under `dir`, recursively. */
export function tsSize(dir: string): SourceSize {
  const size = { files: 0, lines: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name));
    size.files++;
    size.bytes += text.length;
    size.lines += text.toString("utf8").split("\n").length - (text.at(-1) === 0x0a ? 1 : 0);
  }
  return size;
}

export interface Loaded {
  /** Every module the process loads but the bench's own import-child.mjs. */
  modules: number;
  bytes: number;
  /** Those of the compiled SDK itself (the rest are fast-xml-parser and its dependencies). */
  sdk_modules: number;
  sdk_bytes: number;
}

/** What one process loaded, from the list module-list.mjs wrote: file: URLs, `sdk` the compiled SDK's folder. */
export function loadedModules(listFile: string, sdk: string): Loaded {
  const files = new Set(
    readFileSync(listFile, "utf8")
      .split("\n")
      .filter((url) => url.startsWith("file:"))
      .map((url) => fileURLToPath(url))
      .filter((file) => file !== IMPORT_CHILD),
  );
  const loaded = { modules: 0, bytes: 0, sdk_modules: 0, sdk_bytes: 0 };
  for (const file of files) {
    const bytes = statSync(file).size;
    loaded.modules++;
    loaded.bytes += bytes;
    if (file.startsWith(`${sdk}${path.sep}`)) {
      loaded.sdk_modules++;
      loaded.sdk_bytes += bytes;
    }
  }
  return loaded;
}

/**
 * A folder an app would have: the SDK in sdk/, the project's node_modules linked in, `"type": "module"`,
 * STRICT_TSCONFIG for `tsc --noEmit`, and tsconfig.emit.json, the same settings emitting the imported
 * agent's module and what it imports into `emitTo` (inside the project's node_modules, so that the
 * emitted runtime's `fast-xml-parser` import resolves to the project's).
 */
function appFolder(dir: string, emitTo: string): void {
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG));
  const { noEmit: _noEmit, ...compilerOptions } = STRICT_TSCONFIG.compilerOptions;
  writeFileSync(
    path.join(dir, "tsconfig.emit.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, rootDir: path.join(dir, "sdk"), outDir: emitTo },
      files: [path.join(dir, "sdk", `${IMPORTED_AGENT.module}.ts`)],
    }),
  );
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
}

/** One figure of ours against one of another: medians and the ratio. */
function against(ours: number, theirs: number) {
  return { ours: round(ours), theirs: round(theirs), ratio: round(ours / theirs, 2) };
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** What the SDK rows measure, in rounds of fresh processes. */
export interface SdkRuns {
  generation: number;
  tsc: number;
  imports: number;
}

/**
 * Every figure of the SDK rows. Generation: soapgen now (the 60 WSDLs in one run), today's soapgen (the
 * same, nine operations excluded) and wsdl-tsclient (once per agent, times added, peak the largest; only
 * the agents it generates, found in a first untimed pass) in the same interleaved rounds of fresh
 * processes, compile cache disabled for all three. Strict tsc on the whole SDK of now and of today, in
 * interleaved rounds. Import: the agent's module compiled by tsc with the same strict settings, then
 * imported and its client constructed in fresh processes, from the whole SDK of now, of today, and from
 * the agent's single-WSDL output; modules and bytes from one more process with module-list.mjs.
 */
export async function measureSdk(workDir: string, runs: SdkRuns, log: (line: string) => void) {
  const started = performance.now();
  const wsdls = services88Wsdls();
  if (wsdls.length === 0) throw new Error(`no Services88-*.wsdl in ${SERVICES88_DIR}`);
  const baseline = baselineCli();
  const base = path.join(workDir, "sdk");
  mkdirSync(base, { recursive: true });
  let outputs = 0;
  const out = (tool: string): string => path.join(base, `${tool}-${outputs++}`);
  const lastOut: Record<string, string> = {};
  const generate = (tool: string, cli: string, exclude: readonly string[]) => () => {
    const dir = (lastOut[tool] = out(tool));
    return runProcess(process.execPath, [cli, ...generateArgs(wsdls, dir, exclude)], COLD);
  };

  log(`whole SDK: wsdl-tsclient on each of the ${wsdls.length} agents (untimed, which it generates) ...`);
  const peerOk: string[] = [];
  const peerFailed: string[] = [];
  const peerRun = (wsdl: string) => () =>
    runProcess(process.execPath, [WSDL_TSCLIENT_CLI, wsdl, "-o", out("wsdl-tsclient"), "--quiet"], COLD);
  for (const wsdl of wsdls) {
    try {
      await peerRun(wsdl)();
      peerOk.push(wsdl);
    } catch {
      peerFailed.push(path.basename(wsdl));
    }
  }

  log(`whole SDK: generation, ${runs.generation} interleaved rounds ...`);
  const now = generate("now", SOAPGEN_CLI, []);
  const today = generate("today", baseline, BASELINE_EXCLUSIONS);
  await now();
  await today();
  const gen = await interleave(
    { now, today, wsdl_tsclient: () => sequence(peerOk.map(peerRun)) },
    runs.generation,
    false,
  );

  const sizes = { now: tsSize(lastOut.now as string), today: tsSize(lastOut.today as string) };

  log("whole SDK: strict tsc and one agent's import ...");
  const emitRoot = path.resolve("node_modules/.cache/soapgen-bench/sdk");
  rmSync(emitRoot, { recursive: true, force: true });
  const single = path.join(base, "single");
  await runProcess(process.execPath, [
    SOAPGEN_CLI,
    ...generateArgs([path.join(SERVICES88_DIR, IMPORTED_AGENT.wsdl)], path.join(single, "sdk")),
  ]);
  const apps = { now: path.join(base, "app-now"), today: path.join(base, "app-today"), single };
  for (const [name, dir] of Object.entries(apps)) {
    if (name !== "single") {
      mkdirSync(dir);
      renameSync(lastOut[name] as string, path.join(dir, "sdk"));
    }
    appFolder(dir, path.join(emitRoot, name));
    execFileSync(TSC, ["-p", path.join(dir, "tsconfig.emit.json")], { stdio: "inherit" });
    writeFileSync(path.join(emitRoot, name, "package.json"), JSON.stringify({ type: "module" }));
  }
  const tscRun = (dir: string) => () => runProcess(TSC, ["-p", dir]);
  const tsc = await interleave({ now: tscRun(apps.now), today: tscRun(apps.today) }, runs.tsc);

  const importArgs = (name: string): string[] => [
    IMPORT_CHILD,
    path.join(emitRoot, name, `${IMPORTED_AGENT.module}.js`),
    IMPORTED_AGENT.client,
  ];
  const importMs = new Map<string, number[]>();
  const importRun = (name: string) => async (): Promise<ProcessRun> => {
    const run = await runProcess(process.execPath, importArgs(name), COLD);
    const list = importMs.get(name) ?? [];
    list.push((JSON.parse(run.stdout) as { ms: number }).ms);
    importMs.set(name, list);
    return run;
  };
  const names = ["single", "now", "today"] as const;
  const imports = await interleave(Object.fromEntries(names.map((n) => [n, importRun(n)])), runs.imports);
  const importFigures = async (name: (typeof names)[number]) => {
    const listFile = path.join(base, `modules-${name}.txt`);
    await runProcess(process.execPath, ["--import", MODULE_LIST, ...importArgs(name)], {
      ...COLD,
      SOAPGEN_BENCH_MODULES: listFile,
    });
    // The first of the samples is interleave's untimed warm-up run.
    const ms = stats((importMs.get(name) ?? []).slice(1));
    return {
      ...loadedModules(listFile, path.join(emitRoot, name)),
      ms: round(ms.median),
      ms_range: [round(ms.min), round(ms.max)],
      process_ms: round(imports[name]?.ms.median ?? Number.NaN),
    };
  };

  return {
    wsdls: wsdls.length,
    baseline: `soapgen ${BASELINE_COMMIT} with --exclude-operations ${BASELINE_EXCLUSIONS.join(" ")}`,
    generation: figures(gen.now, gen.today, gen.wsdl_tsclient, runs.generation),
    wsdl_tsclient_agents: { generated: peerOk.length, failed: peerFailed },
    size: {
      now: sizes.now,
      today: sizes.today,
      lines_ratio: round(sizes.now.lines / sizes.today.lines, 2),
      bytes_ratio: round(sizes.now.bytes / sizes.today.bytes, 2),
    },
    tsc: figures(tsc.now, tsc.today, undefined, runs.tsc),
    import: {
      agent: `${IMPORTED_AGENT.client} of ./sdk/${IMPORTED_AGENT.module}.js`,
      runs_each: runs.imports,
      compiled_by:
        "tsc with STRICT_TSCONFIG's options, emitting the module and its imports (not type stripping)",
      ms_is:
        "import() of the module and `new Client()`, timed inside a fresh process (compile cache off), median",
      single: await importFigures("single"),
      now: await importFigures("now"),
      today: await importFigures("today"),
    },
    /** What these rows add to the bench's time (today's soapgen already built or not). */
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

function figures(
  now: Measured | undefined,
  today: Measured | undefined,
  peer: Measured | undefined,
  runs: number,
) {
  if (!now || !today) throw new Error("a contender of the SDK rows has no figures");
  return {
    runs_each: runs,
    ms: against(now.ms.median, today.ms.median),
    peak_rss_mb: against(now.peakRssMb.median, today.peakRssMb.median),
    ms_range: {
      now: [round(now.ms.min), round(now.ms.max)],
      today: [round(today.ms.min), round(today.ms.max)],
    },
    ...(peer
      ? {
          vs_wsdl_tsclient: {
            ms: against(now.ms.median, peer.ms.median),
            peak_rss_mb: against(now.peakRssMb.median, peer.peakRssMb.median),
          },
        }
      : {}),
  };
}

export type SdkResults = Awaited<ReturnType<typeof measureSdk>>;

type Target = { figure: number; target: string; met: boolean };

/** The targets for the SDK rows, every one against today's soapgen or the single-WSDL output. */
export function sdkTargets(r: SdkResults): Record<string, Target> {
  const target = (figure: number, limit: number, goal: string): Target => ({
    figure: round(figure, 2),
    target: `<= ${limit} (${goal})`,
    met: figure <= limit,
  });
  const single = r.import.single;
  const now = r.import.now;
  return {
    sdk_generation_ms_vs_today: target(r.generation.ms.ratio, 0.5, "whole SDK, soapgen now / today's"),
    sdk_generation_peak_rss_vs_today: target(r.generation.peak_rss_mb.ratio, 0.5, "now / today's"),
    sdk_size_vs_today: target(
      Math.max(r.size.lines_ratio, r.size.bytes_ratio),
      0.6,
      "lines and bytes of the .ts files, now / today's, the larger",
    ),
    sdk_tsc_ms_vs_today: target(r.tsc.ms.ratio, 0.5, "strict tsc on the whole SDK, now / today's"),
    sdk_tsc_peak_rss_vs_today: target(r.tsc.peak_rss_mb.ratio, 0.5, "now / today's"),
    sdk_import_modules_vs_single: target(
      now.modules / single.modules,
      1.5,
      "one agent's client from the whole SDK / its single-WSDL output",
    ),
    sdk_import_bytes_vs_single: target(now.bytes / single.bytes, 1.5, "same"),
    sdk_import_ms_vs_single: target(now.ms / single.ms, 1.5, "same"),
  };
}

/** The SDK rows as tables (a header and rows each) for the printed report. */
export function sdkTables(r: SdkResults): { header: string[]; rows: (string | number)[][] }[] {
  const kb = (bytes: number): number => Math.round(bytes / 1024);
  const failed = r.wsdl_tsclient_agents.failed;
  const g = r.generation;
  const t = r.tsc;
  const row = (name: string, f: { ours: number; theirs: number; ratio: number }, goal: string) => [
    name,
    f.ours,
    f.theirs,
    f.ratio,
    goal,
  ];
  const size = (name: string, key: "lines" | "bytes", scale: (n: number) => number) => [
    name,
    scale(r.size.now[key]),
    scale(r.size.today[key]),
    r.size[`${key}_ratio`],
    "<= 0.6",
  ];
  const ratio = (a: number, b: number): number => round(a / b, 2);
  const imported = (name: string, i: SdkResults["import"]["now"]) => [
    name,
    i.modules,
    kb(i.bytes),
    i.sdk_modules,
    kb(i.sdk_bytes),
    i.ms,
    ratio(i.modules, r.import.single.modules),
    ratio(i.bytes, r.import.single.bytes),
    ratio(i.ms, r.import.single.ms),
  ];
  return [
    {
      header: [
        `whole Services88 SDK (${r.wsdls} WSDLs; these rows took ${r.seconds} s)`,
        "now",
        "today's",
        "ratio",
        "target",
      ],
      rows: [
        row(`generation ms (median of ${g.runs_each}, no compile cache)`, g.ms, "<= 0.5"),
        row("generation peak RSS MB", g.peak_rss_mb, "<= 0.5"),
        size("size: lines of .ts", "lines", (n) => n),
        size("size: KB of .ts", "bytes", kb),
        row(`strict tsc --noEmit ms (median of ${t.runs_each})`, t.ms, "<= 0.5"),
        row("strict tsc peak RSS MB", t.peak_rss_mb, "<= 0.5"),
      ],
    },
    {
      header: [
        `whole SDK: soapgen now vs wsdl-tsclient once per agent (${r.wsdl_tsclient_agents.generated} agents; failed on ${failed.length}: ${failed.join(", ") || "none"})`,
        "soapgen",
        "wsdl-tsclient",
        "ratio",
      ],
      rows: [
        [
          "generation ms (wsdl-tsclient: its runs added)",
          g.vs_wsdl_tsclient?.ms.ours ?? "n/a",
          g.vs_wsdl_tsclient?.ms.theirs ?? "n/a",
          g.vs_wsdl_tsclient?.ms.ratio ?? "",
        ],
        [
          "peak RSS MB (wsdl-tsclient: its largest run)",
          g.vs_wsdl_tsclient?.peak_rss_mb.ours ?? "n/a",
          g.vs_wsdl_tsclient?.peak_rss_mb.theirs ?? "n/a",
          g.vs_wsdl_tsclient?.peak_rss_mb.ratio ?? "",
        ],
      ],
    },
    {
      header: [
        `import ${r.import.agent}, new it (tsc-emitted JS)`,
        "modules",
        "KB",
        "SDK modules",
        "SDK KB",
        "ms",
        "modules vs single",
        "KB vs single",
        "ms vs single",
      ],
      rows: [
        imported("from its single-WSDL output", r.import.single),
        imported("from the whole SDK, now (target <= 1.5x single)", r.import.now),
        imported("from the whole SDK, today's", r.import.today),
      ],
    },
  ];
}
