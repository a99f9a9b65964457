/**
 * The runtime's tests against another fast-xml-parser than soapgen's own: `SOAPGEN_FAST_XML_PARSER` names
 * the folder of the version to use. Only imports from runtime files are redirected; the generator keeps
 * its pinned version.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.js";

const folder = process.env["SOAPGEN_FAST_XML_PARSER"];
if (folder === undefined) throw new Error("set SOAPGEN_FAST_XML_PARSER to a fast-xml-parser folder");
const version = (JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { version: string })
  .version;
const RUNTIME_FILE = /[\\/](templates|generated[\\/][^\\/]+)[\\/]runtime[\\/][^\\/]+\.ts$/;
let announced = false;

export default mergeConfig(
  base,
  defineConfig({
    plugins: [
      {
        name: "runtime-fast-xml-parser",
        enforce: "pre",
        async resolveId(id, importer) {
          if (id !== "fast-xml-parser" || importer === undefined || !RUNTIME_FILE.test(importer)) return null;
          // Printed so the caller can tell the redirection happened.
          if (!announced) console.error(`runtime uses fast-xml-parser ${version} from ${resolve(folder)}`);
          announced = true;
          return this.resolve(resolve(folder), importer, { skipSelf: true });
        },
      },
    ],
  }),
);
