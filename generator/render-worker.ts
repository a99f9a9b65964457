/**
 * `render` on a worker thread, for the CLI. A JavaScript signal handler runs only between tasks, so while
 * the generator computed on the main thread a SIGINT or SIGTERM waited for it, forever if it never
 * finished. With the work here the main thread stays free: its handler exits at once, which stops the
 * worker, and since the main thread writes the output itself, a signal never lands in the middle of a
 * write (the write is synchronous; the handler runs after it).
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { GeneratedFiles } from "./format/index.js";
import { SoapgenError, type ErrorPlace } from "./errors.js";
import type { RenderOptions, ResolvedRenderOptions, WsdlSource } from "./generate.js";

type Reply =
  | { kind: "warning"; warning: string }
  | { kind: "files"; files: [string, string][] }
  | { kind: "rejected"; place: ErrorPlace; detail: string }
  | { kind: "crashed"; message: string; stack: string | undefined };

interface Job {
  /** Marks the thread as this module's worker, not another thread that happens to import it. */
  soapgenRender: true;
  wsdl: WsdlSource | WsdlSource[];
  options: Omit<RenderOptions, "onWarning">;
}

/** `render(wsdl, options)`, computed on a worker thread: the same files, warnings and errors. */
export function renderInWorker(
  wsdl: WsdlSource | WsdlSource[],
  { onWarning, ...options }: ResolvedRenderOptions,
): Promise<GeneratedFiles> {
  const job: Job = { soapgenRender: true, wsdl, options };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  return new Promise((resolve, reject) => {
    worker.on("message", (reply: Reply) => {
      if (reply.kind === "warning") onWarning(reply.warning);
      else if (reply.kind === "files") resolve(new Map(reply.files));
      else if (reply.kind === "rejected") reject(new SoapgenError(reply.place, reply.detail));
      else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
    });
    // What the worker could not report itself (a rejection nobody awaited, a failed start) ends it.
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the generator's worker thread exited with code ${code}`)));
  });
}

async function work(job: Job): Promise<void> {
  const port = parentPort!;
  const { enableCompileCache } = await import("./lib/compile-cache.js");
  enableCompileCache();
  const { render } = await import("./generate.js");
  let reply: Reply;
  try {
    const onWarning = (warning: string): void =>
      port.postMessage({ kind: "warning", warning } satisfies Reply);
    const files = await render(job.wsdl, { ...job.options, onWarning });
    reply = { kind: "files", files: [...files] };
  } catch (error) {
    reply =
      error instanceof SoapgenError
        ? {
            kind: "rejected",
            place: {
              file: error.file,
              ...(error.where !== undefined && { where: error.where }),
              ...(error.line !== undefined && { line: error.line }),
              ...(error.column !== undefined && { column: error.column }),
            },
            detail: error.detail,
          }
        : {
            kind: "crashed",
            message: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined,
          };
  }
  port.postMessage(reply);
}

if (!isMainThread && (workerData as Partial<Job> | undefined)?.soapgenRender === true)
  await work(workerData as Job);
