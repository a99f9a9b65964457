// `node --import ./bench/module-list.mjs …`: appends the URL of every module the process loads (every
// module Node's ESM loader loads, CommonJS ones included) to the file named by SOAPGEN_BENCH_MODULES, one a
// line. The same file registers itself as the loader hooks and is, in the hooks thread, those hooks.
import { appendFileSync } from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

let listFile;

export function initialize(data) {
  listFile = data.listFile;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  appendFileSync(listFile, `${url}\n`);
  return result;
}

if (isMainThread) register(import.meta.url, { data: { listFile: process.env.SOAPGEN_BENCH_MODULES } });
