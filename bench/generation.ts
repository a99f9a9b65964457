/** Generation measured from the outside: fresh processes of both generators, a scaling series, and where soapgen's time goes. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadServiceModel } from "../generator/parse.js";
import { type ProcessRun, runProcess, type Stats, stats } from "./harness.js";
import { replicateWsdl } from "./replicate.js";

const SOAPGEN_CLI = path.resolve("dist/generator/cli.js");
const WSDL_TSCLIENT_CLI = path.resolve("node_modules/.bin/wsdl-tsclient");
const CHILD = path.resolve("bench/child.mjs");

export interface GeneratorComparison {
  soapgenMs: Stats;
  wsdlTsclientMs: Stats;
  soapgenPeakRssMb: Stats;
  wsdlTsclientPeakRssMb: Stats;
}

/**
 * `soapgen generate` against `wsdl-tsclient` on the same WSDL, each a fresh process writing to a folder of
 * its own, alternating A B A B after one untimed run each (which fills the file cache).
 */
export async function compareGenerators(
  wsdl: string,
  workDir: string,
  runs: number,
): Promise<GeneratorComparison> {
  let outputs = 0;
  const soapgen = (): Promise<ProcessRun> =>
    runProcess(process.execPath, [
      SOAPGEN_CLI,
      "generate",
      "--wsdl",
      wsdl,
      "--out",
      path.join(workDir, `soapgen-${outputs++}`),
    ]);
  const wsdlTsclient = (): Promise<ProcessRun> =>
    runProcess(WSDL_TSCLIENT_CLI, [wsdl, "-o", path.join(workDir, `wsdl-tsclient-${outputs++}`), "--quiet"]);
  await soapgen();
  await wsdlTsclient();
  const a: ProcessRun[] = [];
  const b: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await soapgen());
    b.push(await wsdlTsclient());
  }
  return {
    soapgenMs: stats(a.map((r) => r.wallMs)),
    wsdlTsclientMs: stats(b.map((r) => r.wallMs)),
    soapgenPeakRssMb: stats(a.map((r) => r.peakRssMb)),
    wsdlTsclientPeakRssMb: stats(b.map((r) => r.peakRssMb)),
  };
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
  import_yargs: number;
  import_fast_xml_parser: number;
  import_ts_morph: number;
  import_prettier: number;
  import_generator: number;
  wsdl_parse: number;
  model_build: number;
  emit_ts_morph: number;
  prettier_format: number;
  write: number;
  /** The steps above added up: compare with the CLI's wall time. */
  sum: number;
}

/**
 * `steps` runs the CLI's pipeline one step at a time in a fresh process, every step cold as in the CLI.
 * loadServiceModel includes the XML parse and emitFiles formats with prettier inside; `split` times those
 * two, cold too, in another fresh process, so they can be taken out: model build = load − parse, emission
 * = emitFiles − prettier.
 */
export async function measureBreakdown(wsdl: string, workDir: string, repeats: number): Promise<Breakdown> {
  const starts: number[] = [];
  const steps: Record<string, number>[] = [];
  const splits: Record<string, number>[] = [];
  for (let i = 0; i < repeats; i++) {
    starts.push((await runProcess(process.execPath, ["-e", ""])).wallMs);
    const out = path.join(workDir, `breakdown-${i}`);
    steps.push(childTimings(await runProcess(process.execPath, [CHILD, "steps", wsdl, out])));
    splits.push(childTimings(await runProcess(process.execPath, [CHILD, "split", wsdl, out])));
  }
  const median = (list: Record<string, number>[], key: string): number =>
    stats(list.map((t) => t[key] ?? Number.NaN)).median;
  const parse = median(splits, "read_wsdl") + median(splits, "parse_xml");
  const prettier = median(splits, "prettier");
  const parts = {
    process_start: stats(starts).median,
    import_yargs: median(steps, "import_yargs"),
    import_fast_xml_parser: median(steps, "import_fast_xml_parser"),
    import_ts_morph: median(steps, "import_ts_morph"),
    import_prettier: median(steps, "import_prettier"),
    import_generator: median(steps, "import_generator"),
    wsdl_parse: parse,
    model_build: median(steps, "load_model") - parse,
    emit_ts_morph: median(steps, "emit_and_format") - prettier,
    prettier_format: prettier,
    write: median(steps, "write"),
  };
  return { ...parts, sum: Object.values(parts).reduce((a, b) => a + b, 0) };
}

function childTimings(run: ProcessRun): Record<string, number> {
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
}
