/** Generation measured from the outside: fresh processes of both generators, a scaling series, and where soapgen's time goes. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadServiceModel } from "../generator/parse.js";
import { type ProcessRun, runProcess, type Stats, stats } from "./harness.js";
import { replicateWsdl } from "./replicate.js";

const SOAPGEN_CLI = path.resolve("dist/generator/cli.js");
/** wsdl-tsclient's own entry point, so it runs on the same Node as soapgen (its bin would pick the machine's). */
const WSDL_TSCLIENT_CLI = path.resolve("node_modules/wsdl-tsclient/dist/src/cli.js");
const CHILD = path.resolve("bench/child.mjs");

/** A Node binary the generators are compared on. */
export interface Runtime {
  node: string;
  version: string;
  /** `module.enableCompileCache` exists (Node 22.1+): the compile-cache rows are measured. */
  compileCache: boolean;
}

export function runtime(node: string): Runtime {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  const [major = 0, minor = 0] = version.slice(1).split(".").map(Number);
  return { node, version, compileCache: major > 22 || (major === 22 && minor >= 1) };
}

export interface Measured {
  ms: Stats;
  peakRssMb: Stats;
}

/**
 * Runs every contender once untimed (unless the caller has just run each, `warmUp: false`), then `runs`
 * rounds of all of them, the order rotating each round.
 */
export async function interleave(
  contenders: Record<string, () => Promise<ProcessRun>>,
  runs: number,
  warmUp = true,
): Promise<Record<string, Measured>> {
  const entries = Object.entries(contenders);
  if (warmUp) for (const [, run] of entries) await run();
  const samples = new Map<string, ProcessRun[]>(entries.map(([name]) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, run] = entries[(round + i) % entries.length] as [string, () => Promise<ProcessRun>];
      samples.get(name)?.push(await run());
    }
  }
  return Object.fromEntries(
    [...samples].map(([name, list]) => [
      name,
      { ms: stats(list.map((r) => r.wallMs)), peakRssMb: stats(list.map((r) => r.peakRssMb)) },
    ]),
  );
}

/** Both runs of a pair, one after the other: times add up, the peak is the larger one. */
export async function sequence(runs: (() => Promise<ProcessRun>)[]): Promise<ProcessRun> {
  const done: ProcessRun[] = [];
  for (const run of runs) done.push(await run());
  return {
    wallMs: done.reduce((sum, r) => sum + r.wallMs, 0),
    peakRssMb: Math.max(...done.map((r) => r.peakRssMb)),
    stdout: done.map((r) => r.stdout).join(""),
  };
}

/**
 * soapgen against wsdl-tsclient on one Node, every figure from the same interleaved rounds of fresh
 * processes, each writing to a folder of its own:
 * - cold: Node's compile cache disabled (NODE_DISABLE_COMPILE_CACHE=1), for both;
 * - warm compile cache (Node 22.1+): each generator with a cache folder of its own, filled by the untimed
 *   first run (soapgen would use its own folder anyway; wsdl-tsclient gets the same help);
 * - unchanged input: soapgen on an output it generated before, against wsdl-tsclient's normal run;
 * - the CustomerService + Contact pair: soapgen once with both WSDLs (one SDK, as a SuperOffice user
 *   generates it), wsdl-tsclient on each WSDL with the times added (it takes one WSDL a run);
 * - each lever alone, by taking it away: ts-morph required rather than imported (`node --import
 *   ts-morph` imports it up front, so Node scans its exports as an import does), and the lazy loading of
 *   yargs (`node --import yargs` loads it up front, as the CLI did before).
 * Rows other than cold run as a user's would: with the warm cache where the Node has one.
 */
export async function compareOnRuntime(
  rt: Runtime,
  wsdls: { main: string; pair: readonly string[] },
  workDir: string,
  runs: number,
): Promise<Record<string, Measured>> {
  let outputs = 0;
  const out = (tool: string): string => path.join(workDir, `${tool}-${rt.version}-${outputs++}`);
  const cold = { NODE_DISABLE_COMPILE_CACHE: "1" };
  const cache = (tool: string): Record<string, string> =>
    rt.compileCache ? { NODE_COMPILE_CACHE: path.join(workDir, `cache-${tool}-${rt.version}`) } : cold;
  const soapgen =
    (wsdl: string | readonly string[], env: Record<string, string>, nodeArgs: string[] = []) =>
    () =>
      runProcess(
        rt.node,
        [
          ...nodeArgs,
          SOAPGEN_CLI,
          "generate",
          ...[wsdl].flat().flatMap((one) => ["--wsdl", one]),
          "--out",
          out("soapgen"),
        ],
        env,
      );
  const wsdlTsclient = (wsdl: string, env: Record<string, string>) => () =>
    runProcess(rt.node, [WSDL_TSCLIENT_CLI, wsdl, "-o", out("wsdl-tsclient"), "--quiet"], env);

  const upToDate = out("soapgen-unchanged");
  await runProcess(rt.node, [SOAPGEN_CLI, "generate", "--wsdl", wsdls.main, "--out", upToDate]);
  const contenders: Record<string, () => Promise<ProcessRun>> = {
    soapgen_cold: soapgen(wsdls.main, cold),
    wsdl_tsclient_cold: wsdlTsclient(wsdls.main, cold),
    soapgen_unchanged: () =>
      runProcess(
        rt.node,
        [SOAPGEN_CLI, "generate", "--wsdl", wsdls.main, "--out", upToDate],
        cache("soapgen"),
      ),
    soapgen_pair: soapgen(wsdls.pair, cache("soapgen")),
    wsdl_tsclient_pair: () => sequence(wsdls.pair.map((wsdl) => wsdlTsclient(wsdl, cache("wsdl-tsclient")))),
    soapgen_with_ts_morph_imported: soapgen(wsdls.main, cache("soapgen"), ["--import", "ts-morph"]),
    soapgen_with_eager_yargs: soapgen(wsdls.main, cache("soapgen"), ["--import", "yargs"]),
  };
  if (rt.compileCache) {
    contenders.soapgen_warm = soapgen(wsdls.main, cache("soapgen"));
    contenders.wsdl_tsclient_warm = wsdlTsclient(wsdls.main, cache("wsdl-tsclient"));
  }
  return interleave(contenders, runs);
}

export interface ScalingPoint {
  factor: number;
  operations: number;
  wsdlBytes: number;
  /** `generate()` inside a fresh process whose modules are already loaded, median: the pipeline alone. */
  ms: number;
  /** The whole fresh process, median. */
  wallMs: number;
  peakRssMb: number;
}

/** Generation of the WSDL replicated ×factor (see replicate.ts), rounds interleaving the factors. */
export async function measureScaling(
  wsdl: string,
  factors: readonly number[],
  runs: number,
  workDir: string,
): Promise<ScalingPoint[]> {
  const text = readFileSync(wsdl, "utf8");
  const files = factors.map((factor) => {
    const file = path.join(workDir, `replicated-x${factor}.wsdl`);
    writeFileSync(file, replicateWsdl(text, factor));
    return file;
  });
  const samples = factors.map(() => [] as { ms: number; run: ProcessRun }[]);
  let outputs = 0;
  for (let round = 0; round < runs; round++) {
    for (const [i, file] of files.entries()) {
      const run = await runProcess(process.execPath, [
        CHILD,
        "generate",
        file,
        path.join(workDir, `scaling-${outputs++}`),
      ]);
      samples[i]?.push({ ms: childTimings(run).generate ?? Number.NaN, run });
    }
  }
  const operations = await Promise.all(
    files.map(async (file) =>
      (await loadServiceModel({ location: file })).ports.reduce((n, port) => n + port.operations.length, 0),
    ),
  );
  return factors.map((factor, i) => {
    const runsOfFactor = samples[i] ?? [];
    return {
      factor,
      operations: operations[i] ?? 0,
      wsdlBytes: Buffer.byteLength(readFileSync(files[i] as string)),
      ms: stats(runsOfFactor.map((s) => s.ms)).median,
      wallMs: stats(runsOfFactor.map((s) => s.run.wallMs)).median,
      peakRssMb: stats(runsOfFactor.map((s) => s.run.peakRssMb)).median,
    };
  });
}

/** Where one cold generation's time goes, in ms (medians over `repeats` fresh processes of each kind). */
export interface Breakdown {
  process_start: number;
  import_fast_xml_parser: number;
  import_ts_morph: number;
  /** prettier's standalone build and its babel-ts parser, what formatting loads. */
  import_prettier: number;
  import_generator: number;
  wsdl_parse: number;
  model_build: number;
  emit_ts_morph: number;
  /** The format stage: prettier on the code, format/literal.ts on the tables. */
  format: number;
  write: number;
  /** The steps above added up: compare with the CLI's wall time. */
  sum: number;
}

/**
 * `steps` runs the CLI's pipeline one step at a time in a fresh process, every step cold as in the CLI.
 * loadServiceModel includes the XML parse; `split` times that, cold too, in another fresh process, so it
 * can be taken out: model build = load − parse + combine.
 */
export async function measureBreakdown(wsdl: string, workDir: string, repeats: number): Promise<Breakdown> {
  const starts: number[] = [];
  const steps: Record<string, number>[] = [];
  const splits: Record<string, number>[] = [];
  for (let i = 0; i < repeats; i++) {
    starts.push((await runProcess(process.execPath, ["-e", ""])).wallMs);
    const out = path.join(workDir, `breakdown-${i}`);
    steps.push(childTimings(await runProcess(process.execPath, [CHILD, "steps", wsdl, out])));
    splits.push(childTimings(await runProcess(process.execPath, [CHILD, "split", wsdl])));
  }
  const median = (list: Record<string, number>[], key: string): number =>
    stats(list.map((t) => t[key] ?? Number.NaN)).median;
  const parse = median(splits, "read_wsdl") + median(splits, "parse_xml");
  const parts = {
    process_start: stats(starts).median,
    import_fast_xml_parser: median(steps, "import_fast_xml_parser"),
    import_ts_morph: median(steps, "import_ts_morph"),
    import_prettier: median(steps, "import_prettier"),
    import_generator: median(steps, "import_generator"),
    wsdl_parse: parse,
    model_build: median(steps, "load_model") - parse + median(steps, "combine"),
    emit_ts_morph: median(steps, "emit"),
    format: median(steps, "format"),
    write: median(steps, "write"),
  };
  return { ...parts, sum: Object.values(parts).reduce((a, b) => a + b, 0) };
}

function childTimings(run: ProcessRun): Record<string, number> {
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
}
