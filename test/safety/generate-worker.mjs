// The worker behind IsolatedGenerator (harness.ts): runs the built generator on one case at a time and
// reports what happened. Plain JavaScript so that a worker thread can load it under vitest and tsx alike.
import { parentPort } from "node:worker_threads";

const { generate, render } = await import(new URL("../../dist/generator/generate.js", import.meta.url).href);
const { SoapgenError } = await import(new URL("../../dist/generator/errors.js", import.meta.url).href);

parentPort.on("message", async ({ id, text, out, name }) => {
  const wsdl = { text, name: name ?? "fuzz.wsdl" };
  try {
    const files =
      out === undefined
        ? [...(await render(wsdl))]
        : (await generate({ wsdl, out })).files.map((path) => [path, ""]);
    parentPort.postMessage({ id, kind: "generated", files });
  } catch (error) {
    const kind = error instanceof SoapgenError ? "rejected" : "crashed";
    parentPort.postMessage({
      id,
      kind,
      message: String(error?.message ?? error),
      stack: String(error?.stack ?? ""),
    });
  }
});
