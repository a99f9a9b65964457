/**
 * `importExtension`: the output's relative imports end in `.js` (the default), `.ts` (Node's type
 * stripping, TypeScript's rewriteRelativeImportExtensions) or nothing (bundlers), in every file, the
 * runtime's included; the rest of each file is the same, its layout still prettier's, and the option is
 * part of the digest.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check, generate, render } from "../../generator/generate.js";
import type { GeneratedFiles } from "../../generator/format/index.js";
import { STRICT_TSCONFIG } from "../safety/harness.js";
import { formatWithTypescriptParser } from "./prettier-typescript.js";

const ROOT = process.cwd();
const SERVICES88 = resolve(ROOT, "../shared/superoffice-docs/Services88");
const WSDLS = ["CustomerService", "Contact"].map((agent) => join(SERVICES88, `Services88-${agent}.wsdl`));
const EXTENSIONS = ["js", "ts", "none"] as const;

const dir = mkdtempSync(join(tmpdir(), "soapgen-import-extension-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outputs = new Map<string, GeneratedFiles>();
beforeAll(async () => {
  outputs.set("default", await render(WSDLS));
  for (const extension of EXTENSIONS)
    outputs.set(extension, await render(WSDLS, { importExtension: extension }));
}, 60_000);
const output = (name: string): GeneratedFiles => outputs.get(name)!;
const typeScriptFiles = (files: GeneratedFiles): [string, string][] =>
  [...files].filter(([path]) => path.endsWith(".ts"));

/** The module specifiers of a file's imports and exports, as TypeScript's pre-processor reads them. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, false).importedFiles.map((file) => file.fileName);
}

function write(files: GeneratedFiles, folder: string): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

async function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return promisify(execFile)(command, args, { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe("importExtension", () => {
  it("is .js by default", () => {
    expect([...output("js")]).toEqual([...output("default")]);
    const relative = typeScriptFiles(output("js")).flatMap(([, text]) =>
      specifiers(text).filter((s) => s.startsWith(".")),
    );
    expect(relative.length).toBeGreaterThan(50);
    expect(relative.filter((s) => !/^\.\.?\/[\w./-]+\.js$/.test(s))).toEqual([]);
  });

  for (const [extension, suffix] of [
    ["ts", ".ts"],
    ["none", ""],
  ] as const) {
    it(`"${extension}" gives every relative import of every file, the runtime's too, ${suffix || "no extension"}`, () => {
      const files = output(extension);
      expect([...files.keys()]).toEqual([...output("js").keys()]);
      for (const [path, text] of typeScriptFiles(files)) {
        const js = output("js").get(path)!;
        const expected = specifiers(js).map((s) => (s.startsWith(".") ? s.replace(/\.js$/, suffix) : s));
        expect(specifiers(text), path).toEqual(expected);
        // Each names a file of the output.
        for (const specifier of expected.filter((s) => s.startsWith("."))) {
          const target = join(dirname(path), specifier.replace(/\.ts$/, "")).replace(/\\/g, "/");
          expect(files.has(`${target}.ts`), `${path}: ${specifier}`).toBe(true);
        }
        // Nothing else differs, but the layout of an import that now fits on one line.
        const neutral = (code: string) =>
          code
            .replace(/(from ")(\.\.?\/[\w./-]+?)(\.js|\.ts)?(";)/g, "$1$2$4")
            .replace(/,\s*\}/g, " }")
            .replace(/\s+/g, " ");
        expect(neutral(text), path).toBe(neutral(js));
      }
      expect(files.get("runtime/client.ts")).toContain(`from "./envelope${suffix}";`);
      expect(files.get("index.ts")).toContain(`export * from "./runtime/index${suffix}";`);
    });

    it(`"${extension}" keeps prettier's layout`, async () => {
      for (const [path, text] of typeScriptFiles(output(extension))) {
        expect(await formatWithTypescriptParser(text), path).toBe(text);
      }
    }, 60_000);
  }

  it('"ts" compiles under the strictest options with allowImportingTsExtensions, and "none" with Bundler', async () => {
    const folder = join(dir, "compile");
    write(output("ts"), join(folder, "ts"));
    write(output("none"), join(folder, "none"));
    symlinkSync(resolve(ROOT, "node_modules"), join(folder, "node_modules"));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module" }));
    const project = (name: string, options: object) => {
      const compilerOptions = { ...STRICT_TSCONFIG.compilerOptions, ...options };
      writeFileSync(
        join(folder, name),
        JSON.stringify({ compilerOptions, include: [name.split(".")[1] + "/**/*.ts"] }),
      );
      return join(folder, name);
    };
    const tsc = resolve(ROOT, "node_modules/.bin/tsc");
    const typeStripping = project("tsconfig.ts.json", { allowImportingTsExtensions: true });
    const bundler = project("tsconfig.none.json", { module: "ESNext", moduleResolution: "Bundler" });
    expect(await run(tsc, ["-p", typeStripping], folder)).toEqual({ code: 0, output: "" });
    expect(await run(tsc, ["-p", bundler], folder)).toEqual({ code: 0, output: "" });
    // The control: the .ts specifiers are what allowImportingTsExtensions is needed for.
    const without = project("tsconfig.ts-plain.json", {});
    writeFileSync(
      without,
      JSON.stringify({ compilerOptions: STRICT_TSCONFIG.compilerOptions, include: ["ts/**/*.ts"] }),
    );
    const refused = await run(tsc, ["-p", without], folder);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/TS5097/);
  }, 120_000);

  it('"ts" output compiled with rewriteRelativeImportExtensions runs: client and stub over node:http', async () => {
    const folder = join(dir, "rewrite");
    write(output("ts"), join(folder, "src/superoffice"));
    writeFileSync(join(folder, "src/main.ts"), MAIN_TS);
    symlinkSync(resolve(ROOT, "node_modules"), join(folder, "node_modules"));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module" }));
    const { noEmit: _noEmit, ...compilerOptions } = STRICT_TSCONFIG.compilerOptions;
    writeFileSync(
      join(folder, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          rewriteRelativeImportExtensions: true,
          rootDir: "src",
          outDir: "dist",
        },
        include: ["src"],
      }),
    );
    expect(await run(resolve(ROOT, "node_modules/.bin/tsc"), ["-p", folder], folder)).toEqual({
      code: 0,
      output: "",
    });
    expect(readFileSync(join(folder, "dist/superoffice/index.js"), "utf8")).toContain(
      `export * from "./runtime/index.js";`,
    );
    expect(await run(process.execPath, ["dist/main.js"], folder)).toEqual({
      code: 0,
      output: "SessionIsValid: true\n",
    });
  }, 120_000);
});

/** Node 22.18+, 23.6+ and 24 strip types by default (`process.features.typescript` is "strip"). */
const typeStripping = (process.features as { typescript?: unknown }).typescript === "strip";

describe("the .ts output under Node's type stripping", () => {
  it.runIf(typeStripping)(
    "runs as it is: node main.ts, client and stub over node:http",
    async () => {
      const folder = join(dir, "strip");
      write(output("ts"), join(folder, "superoffice"));
      writeFileSync(join(folder, "main.ts"), MAIN_TS);
      symlinkSync(resolve(ROOT, "node_modules"), join(folder, "node_modules"));
      writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module" }));
      expect(await run(process.execPath, ["main.ts"], folder)).toEqual({
        code: 0,
        output: "SessionIsValid: true\n",
      });
    },
    60_000,
  );
});

/** A client calling a typed stub over node:http, in one process. */
const MAIN_TS = `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CustomerServiceClient } from "./superoffice/index.ts";
import { createCustomerServiceHandler, nodeListener } from "./superoffice/stub.ts";

const server = createServer(
  nodeListener(createCustomerServiceHandler({ sessionIsValid: (request) => ({ Response: request.CsSessionKey === "key-1" }) })),
);
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const endpoint = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}/CustomerService.svc\`;
const { Response } = await new CustomerServiceClient({ endpoint }).sessionIsValid({ CsSessionKey: "key-1" });
console.log(\`SessionIsValid: \${String(Response)}\`);
server.close();
`;

describe("the import extension in the digest", () => {
  it("regenerates an output when it changes, and check finds the files stale", async () => {
    const out = join(dir, "digest");
    expect((await generate({ wsdl: WSDLS, out })).upToDate).toBe(false);
    expect(JSON.parse(readFileSync(join(out, ".soapgen.json"), "utf8")).options).toEqual({});
    expect((await generate({ wsdl: WSDLS, out, importExtension: "js" })).upToDate).toBe(true);
    expect(await check({ wsdl: WSDLS, out, importExtension: "ts" })).toContain(join(out, "index.ts"));
    expect((await generate({ wsdl: WSDLS, out, importExtension: "ts" })).upToDate).toBe(false);
    expect(JSON.parse(readFileSync(join(out, ".soapgen.json"), "utf8")).options).toEqual({
      importExtension: "ts",
    });
    expect(readFileSync(join(out, "index.ts"), "utf8")).toContain(`export * from "./types.ts";`);
    expect((await generate({ wsdl: WSDLS, out, importExtension: "ts" })).upToDate).toBe(true);
    expect((await generate({ wsdl: WSDLS, out })).upToDate).toBe(false);
  }, 60_000);

  it("is refused in one line when it is none of js, ts and none", async () => {
    await expect(render(WSDLS, { importExtension: "mjs" as unknown as "js" })).rejects.toThrow(
      `options: importExtension is "mjs"; expected "js", "ts" or "none"`,
    );
  });
});
