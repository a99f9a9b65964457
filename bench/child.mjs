// A fresh process that times the generator from the outside, by importing its compiled modules from dist/.
// Plain JavaScript run by plain node on purpose: under tsx's loader, importing ts-morph alone costs ~100 ms
// more, which would be charged to soapgen. Prints one JSON object of milliseconds on stdout.
//
//   node bench/child.mjs steps <wsdl> <out>     the CLI's pipeline step by step, every step cold
//   node bench/child.mjs split <wsdl>           cold XML parse of the WSDL
//   node bench/child.mjs generate <wsdl> <out>  generate() as one call, modules preloaded (for the scaling series)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";

const [mode, wsdl, dir] = process.argv.slice(2);
const dist = (module) => new URL(`../dist/generator/${module}`, import.meta.url).href;

/** Runs `step` and records its wall time under `name`. */
const timings = { boot: performance.now() };
async function timed(name, step) {
  const started = performance.now();
  const result = await step();
  timings[name] = performance.now() - started;
  return result;
}

/**
 * Every library and generator module the generation path uses (yargs is not one), imported (and timed)
 * one at a time before any work, in the order the CLI's module graph reaches them; the generator may load
 * some of them lazily, and this keeps module loading out of the steps timed after it whatever the
 * generator does.
 */
async function preload() {
  await timed("import_fast_xml_parser", () => import("fast-xml-parser"));
  // Required, as the generator requires it (an import would add Node's scan of its exports).
  await timed("import_ts_morph", () => createRequire(import.meta.url)("ts-morph"));
  // What formatting loads: prettier's standalone build and its babel-ts parser.
  await timed("import_prettier", () =>
    Promise.all(
      ["prettier/standalone", "prettier/plugins/estree", "prettier/plugins/babel"].map((m) => import(m)),
    ),
  );
  const modules = [
    "index.js",
    "generate.js",
    "parse.js",
    "combine/index.js",
    "emit/index.js",
    "format/index.js",
    "write.js",
  ];
  const [generator, , load, combine, emit, format, write] = await timed("import_generator", () =>
    Promise.all(modules.map((m) => import(dist(m)))),
  );
  return {
    generate: generator.generate,
    loadServiceModel: load.loadServiceModel,
    combineModels: combine.combineModels,
    emitFiles: emit.emitFiles,
    formatFiles: format.formatFiles,
    writeOutputAtomically: write.writeOutputAtomically,
  };
}

if (mode === "steps") {
  const { loadServiceModel, combineModels, emitFiles, formatFiles, writeOutputAtomically } = await preload();
  const model = await timed("load_model", () => loadServiceModel({ location: wsdl }));
  const combined = await timed("combine", () => combineModels([model], {}));
  const emitted = await timed("emit", () => emitFiles(combined, basename(wsdl)));
  const files = await timed("format", () => formatFiles(emitted, "js"));
  await timed("write", () => writeOutputAtomically(dir, files));
} else if (mode === "split") {
  const { parseXml } = await import(dist("load/xml.js"));
  const text = await timed("read_wsdl", () => readFileSync(wsdl, "utf8"));
  await timed("parse_xml", () => parseXml(text, wsdl));
} else if (mode === "generate") {
  const { generate } = await preload();
  await timed("generate", () => generate({ wsdl, out: dir }));
} else {
  throw new Error(`unknown mode ${mode}: steps, split or generate`);
}
console.log(JSON.stringify(timings));
