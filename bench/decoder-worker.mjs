// One decoder in a worker thread of its own, so that its JIT feedback is its own: in one isolate,
// fast-xml-parser run under the raw floor's four option sets became slower for soapgen's options too.
// Plain JavaScript, and soapgen's client as tsc compiles it (workerData.client), as an app runs it.
// workerData: { kind, xml, operation, client, wsdl, options }, kind one of: "soapgen" (the client's
// decodeMessage), "soapgen-xml" (its XML stage alone: the well-formedness check and fast-xml-parser's
// ordered parse; names and content are resolved as the decoder reads them), "node-soap" (its WSDL object's
// xmlToObject, what its Client calls on a response) and "fxp" (fast-xml-parser alone, with `options`).
// Each message { minMs, chunk } runs a batch and answers { ops, ms }.
import { parentPort, workerData } from "node:worker_threads";

const { kind, xml, operation, client, wsdl, options } = workerData;

async function decoder() {
  switch (kind) {
    case "soapgen": {
      const { customerServiceTables, decodeMessage } = await import(new URL("index.js", client).href);
      return () => decodeMessage(customerServiceTables, operation, "output", xml);
    }
    case "soapgen-xml": {
      const { parseXml } = await import(new URL("runtime/xml.js", client).href);
      return () => parseXml(xml);
    }
    case "node-soap": {
      const { default: soap } = await import("soap");
      const { wsdl: parsed } = await soap.createClientAsync(wsdl);
      return () => parsed.xmlToObject(xml);
    }
    case "fxp": {
      const { XMLParser } = await import("fast-xml-parser");
      const parser = new XMLParser(options);
      return () => parser.parse(xml);
    }
  }
  throw new Error(`unknown decoder ${kind}`);
}

const run = await decoder();
let sink;
parentPort.on("message", ({ minMs, chunk }) => {
  const started = performance.now();
  let ops = 0;
  let elapsed = 0;
  do {
    for (let i = 0; i < chunk; i++) sink = run();
    ops += chunk;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  parentPort.postMessage({ ops, ms: elapsed, kept: sink !== undefined });
});
parentPort.postMessage("ready");
