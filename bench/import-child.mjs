// A fresh process that imports one client module of a compiled SDK and constructs its client, as an app's
// start-up does, and prints {"ms": …} on stdout: the import and the constructor, timed inside the process.
//
//   node [--import ./bench/module-list.mjs] bench/import-child.mjs <module.js> <ClientClass>
const [modulePath, className] = process.argv.slice(2);
const { pathToFileURL } = await import("node:url");
const url = pathToFileURL(modulePath).href;
const started = performance.now();
const module = await import(url);
new module[className]();
console.log(JSON.stringify({ ms: performance.now() - started }));
