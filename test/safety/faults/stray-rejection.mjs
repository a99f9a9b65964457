// Preloaded (`node --import`) by errors.test.ts to stand in for a bug in soapgen: reading the WSDL also
// rejects a promise that nobody awaits.
import fs from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";

const readFile = fs.readFile;
fs.readFile = (path, ...rest) => {
  if (String(path).endsWith(".wsdl")) void Promise.reject(new RangeError("a promise nobody awaited"));
  return readFile(path, ...rest);
};
syncBuiltinESMExports();
