/**
 * Formatting of emitted TypeScript with prettier, loading only the parser TypeScript needs.
 *
 * A cold prettier spends most of its first format compiling its own code. With SOAPGEN_FORMAT_WORKER=1,
 * `startFormatter` loads it and formats a sample in a worker thread, which on a free second core happens
 * while this thread loads ts-morph and parses the WSDL; `formatTypeScript` then hands the source over.
 * It is opt-in because on the shared two-core machine it was measured on, with the babel-ts parser, the
 * worker saved no time and added up to 20 MB of peak memory (`npm run bench`, the format-worker lever).
 * Formatting also stays in this thread on one core, and where the worker's compiled script is not beside
 * this module (soapgen run from its TypeScript sources).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export const PRINT_WIDTH = 110;

/**
 * Prettier's `format` with soapgen's options, from prettier's standalone build. The parser is prettier's
 * `babel-ts`: the printer is the same as with its `typescript` parser, and on soapgen's output it loads
 * and runs about a third faster. The tests check that the `typescript` parser leaves every generated
 * file unchanged, so the layout is the one either parser gives.
 */
export async function loadPrettier(): Promise<(source: string) => Promise<string>> {
  const [{ format }, estree, babel] = await Promise.all([
    import("prettier/standalone"),
    import("prettier/plugins/estree"),
    import("prettier/plugins/babel"),
  ]);
  const options = { parser: "babel-ts", printWidth: PRINT_WIDTH, plugins: [estree, babel] };
  return (source) => format(source, options);
}

export type FormatReply = { id: number; text: string } | { id: number; error: string };

const WORKER_SCRIPT = new URL("./format-worker.js", import.meta.url);

let worker: Worker | undefined;
let inProcess: Promise<(source: string) => Promise<string>> | undefined;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
let nextId = 0;

/** Starts the formatting worker if asked for and not running (see above). */
export function startFormatter(): void {
  if (worker !== undefined || process.env.SOAPGEN_FORMAT_WORKER !== "1" || availableParallelism() < 2) return;
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) return;
  // A small young generation: prettier's garbage is short-lived, and the default's room is peak memory.
  const started = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  started.on("message", (reply: FormatReply) => {
    const request = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if ("text" in reply) request?.resolve(reply.text);
    else request?.reject(new Error(reply.error));
  });
  const fail = (error: Error): void => {
    worker = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the formatting worker exited with code ${code}`)));
  // Idle, it must not keep the process alive; it is referenced again while a request is pending.
  started.unref();
  worker = started;
}

export async function formatTypeScript(source: string): Promise<string> {
  const running = worker;
  if (running === undefined) {
    inProcess ??= loadPrettier();
    return (await inProcess)(source);
  }
  const id = nextId++;
  running.ref();
  running.postMessage({ id, source });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
