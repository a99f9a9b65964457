/** The formatting worker (see format.ts): loads prettier, warms it up on a sample, then formats each request. */
import { parentPort } from "node:worker_threads";
import { type FormatReply, loadPrettier } from "./format.js";
import { enableCompileCache } from "./lib/compile-cache.js";

/** A little of everything emitted code has, so the first real format finds prettier's paths compiled. */
const SAMPLE = `import { type A, B } from "./b.js";
/** Doc. */
export interface Sample extends A { name?: string | null; items: (Item | null)[]; choice?: never; "quoted-key": number }
export type Kind = "One" | "Two" | "Three";
export class Client extends B<Sample> {
  constructor(options: Options = {}) { super(meta, options); }
  /** Doc. */
  async call(request: Request = {}, options?: CallOptions): Promise<Response> { return (await this.invoke("Call", request, options)).body; }
}
`;

const port = parentPort;
if (port === null) throw new Error("format-worker.js runs as a worker thread");
enableCompileCache();
const format = await loadPrettier();
await format(SAMPLE);
port.on("message", ({ id, source }: { id: number; source: string }) => {
  format(source).then(
    (text) => port.postMessage({ id, text } satisfies FormatReply),
    (error: unknown) =>
      port.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies FormatReply),
  );
});
