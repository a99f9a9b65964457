// Loaded with `node --import`: records the URL of every module the process loads, one per line, in the
// file $SOAPGEN_LOAD_LOG (the hooks run in their own thread, which registers nothing).
import { appendFileSync } from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  appendFileSync(process.env.SOAPGEN_LOAD_LOG, `${url}\n`);
  return next(url, context);
}
