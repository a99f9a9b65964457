/**
 * Timing machinery: throughput with interleaved time-boxed batches (in this process, or each contender in
 * a worker thread of its own), and timed child processes.
 */
import { spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

export interface Contender {
  name: string;
  run: () => unknown;
}

export interface ThroughputOptions {
  /** Untimed running of each contender before the batches (JIT, inline caches, heap growth). */
  warmupMs: number;
  /** Each batch runs one contender for at least this long. */
  batchMs: number;
  batches: number;
}

/** Results are kept here so no call can be optimised away. */
let sink: unknown;

/** One time-boxed batch of a contender: `chunk` calls between clock reads until `minMs` have passed. */
type Batch = (name: string, minMs: number, chunk: number) => Promise<{ ops: number; ms: number }>;

/**
 * Operations per second of each contender: warm-up, then `batches` rounds in which every contender runs
 * one time-boxed batch, the order rotating each round so no contender always follows the same one.
 */
async function interleavedBatches(
  names: readonly string[],
  batch: Batch,
  options: ThroughputOptions,
): Promise<Map<string, Stats>> {
  // Calls between clock reads, sized from the warm-up to about 1 ms, so reading the clock costs nothing measurable.
  const chunk = new Map<string, number>();
  for (const name of names) {
    const { ops, ms } = await batch(name, options.warmupMs, 1);
    chunk.set(name, Math.max(1, Math.floor(ops / ms)));
  }
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < options.batches; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as string;
      const { ops, ms } = await batch(name, options.batchMs, chunk.get(name) ?? 1);
      samples.get(name)?.push((ops * 1000) / ms);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, stats(values)]));
}

/** Throughput of contenders run in this process. */
export function measureThroughput(
  contenders: readonly Contender[],
  options: ThroughputOptions,
): Promise<Map<string, Stats>> {
  const byName = new Map(contenders.map((contender) => [contender.name, contender]));
  return interleavedBatches(
    contenders.map((c) => c.name),
    async (name, minMs, chunk) => runFor(byName.get(name) as Contender, minMs, chunk),
    options,
  );
}

function runFor(contender: Contender, minMs: number, chunk: number): { ops: number; ms: number } {
  const started = performance.now();
  let ops = 0;
  let elapsed = 0;
  do {
    for (let i = 0; i < chunk; i++) sink = contender.run();
    ops += chunk;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return { ops, ms: elapsed };
}

/** A contender run in a worker thread of its own: `script` builds it from `workerData` (bench/decoder-worker.mjs). */
export interface IsolatedContender {
  name: string;
  workerData: unknown;
}

/**
 * Throughput of contenders each in a worker thread of its own (its own V8 isolate and JIT feedback). Only
 * one runs at a time: the main thread asks each for one batch in turn.
 */
export async function measureIsolatedThroughput(
  script: URL,
  contenders: readonly IsolatedContender[],
  options: ThroughputOptions,
): Promise<Map<string, Stats>> {
  const workers = new Map<string, Worker>();
  try {
    for (const contender of contenders) {
      const worker = new Worker(script, { workerData: contender.workerData });
      await new Promise<void>((resolve, reject) => {
        worker.once("message", () => resolve());
        worker.once("error", reject);
      });
      workers.set(contender.name, worker);
    }
    const batch: Batch = (name, minMs, chunk) => {
      const worker = workers.get(name) as Worker;
      return new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.postMessage({ minMs, chunk });
      });
    };
    return await interleavedBatches(
      contenders.map((c) => c.name),
      batch,
      options,
    );
  } finally {
    await Promise.all([...workers.values()].map((worker) => worker.terminate()));
  }
}

export interface ProcessRun {
  wallMs: number;
  peakRssMb: number;
  stdout: string;
}

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = ((): boolean => {
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
})();

/** How peak RSS is measured on this machine, for the report. */
export const PEAK_RSS_METHOD = hasGnuTime
  ? `${GNU_TIME} -f %M`
  : "VmHWM of /proc/<pid>/status, polled every 5 ms";

/**
 * Runs a command to completion as a fresh process (`env` added to this one's): wall time from spawn to
 * exit, and its peak resident set. Throws when the command fails. `/usr/bin/time` adds the same ~1 ms to every command it wraps.
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ProcessRun> {
  const rssDir = mkdtempSync(path.join(tmpdir(), "soapgen-bench-rss-"));
  const rssFile = path.join(rssDir, "rss");
  const [file, argv] = hasGnuTime
    ? [GNU_TIME, ["-f", "%M", "-o", rssFile, command, ...args]]
    : [command, [...args]];
  try {
    const started = performance.now();
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let polledKb = 0;
    const poll = hasGnuTime
      ? undefined
      : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid))), 5);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    const wallMs = performance.now() - started;
    clearInterval(poll);
    if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr}`);
    const peakKb = hasGnuTime
      ? Number.parseInt(readFileSync(rssFile, "utf8").trim().split("\n").at(-1) ?? "", 10)
      : polledKb;
    return { wallMs, peakRssMb: peakKb / 1024, stdout };
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has just exited
  }
}
