/**
 * The consumer test (`npm run consumer`): soapgen as an app gets it, from the npm registry and a tarball.
 *
 * Packs soapgen and installs the tarball as a dev dependency of a fresh app that depends on fast-xml-parser
 * itself; generates the CustomerService client with the installed `soapgen`; type-checks and builds it with
 * every supported TypeScript, module setting and lib; installs the app again as a deployment does
 * (`npm ci --omit=dev`, so no soapgen and no TypeScript) and runs every build on every supported Node
 * (20.19.0, 22, 24 and the machine's) against a local stub. The SuperOffice SDK (CustomerService + Contact)
 * generated with `--import-extension ts` runs as it is, `node main.ts`, on every Node that strips types
 * (22.18+, 24), and compiled by each TypeScript that has `rewriteRelativeImportExtensions` (5.7+) on every
 * Node. soapgen installed from git (this repository's HEAD) builds itself and generates. The runtime's own
 * tests also run against the oldest and newest fast-xml-parser of each supported major. One row per
 * combination, then `N passed, M failed`; exit code 1 on any failure.
 *
 * "CommonJS" here is an app whose package.json says `"type": "commonjs"`, compiled with `module: nodenext`
 * (TypeScript then emits `require`) and run by Node as CommonJS. `verbatimModuleSyntax` is off there: it
 * forbids `import` statements in CommonJS files by design, and the generated code is written with them.
 * `erasableSyntaxOnly` is on from TypeScript 5.8, the first version that knows it.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { STRICT_TSCONFIG } from "../safety/harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SERVICES88 = resolve(ROOT, "../shared/superoffice-docs/Services88");
const WSDL = join(SERVICES88, "Services88-CustomerService.wsdl");
const CONTACT_WSDL = join(SERVICES88, "Services88-Contact.wsdl");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  devDependencies: Record<string, string>;
};

/** The TypeScript versions supported: the oldest, the newest 5.x, and the 7 soapgen itself is built with. */
const TYPESCRIPTS = [
  { alias: "ts50", spec: "typescript@5.0" },
  { alias: "ts5", spec: "typescript@5" },
  { alias: "ts7", spec: `typescript@${manifest.devDependencies["typescript"]}` },
];
/** The oldest and newest fast-xml-parser of each supported major (the app itself gets the newest 5.x). */
const PARSERS = [
  { alias: "fxp409", spec: "fast-xml-parser@4.0.9" },
  { alias: "fxp4", spec: "fast-xml-parser@4" },
  { alias: "fxp500", spec: "fast-xml-parser@5.0.0" },
  { alias: "fxp5", spec: "fast-xml-parser@5" },
];
const MODULES = ["nodenext", "commonjs", "bundler"] as const;
const LIBS = ["@types/node", "DOM"] as const;

const SOAP_ACTION = "http://www.superoffice.net/ws/crm/NetServer/Services88/CustomerService/SessionIsValid";

interface Outcome {
  ok: boolean;
  output: string;
}

async function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Outcome> {
  const options = { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 };
  return promisify(execFile)(command, args, options).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout?: string; stderr?: string; message: string }) => ({
      ok: false,
      output: (error.stdout ?? "") + (error.stderr ?? "") || error.message,
    }),
  );
}

async function must(command: string, args: string[], cwd: string): Promise<string> {
  const outcome = await run(command, args, cwd);
  if (!outcome.ok) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${outcome.output}`);
  return outcome.output;
}

const npm = (args: string[], cwd: string): Promise<string> =>
  must("npm", [...args, "--no-audit", "--no-fund"], cwd);

const rows: { name: string; ok: boolean; detail: string }[] = [];
function row(name: string, ok: boolean, detail: string): void {
  rows.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"}  ${name.padEnd(44)}  ${detail}`);
}
const firstLines = (text: string): string => text.trim().split("\n").slice(0, 6).join(" | ");
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), "soapgen-consumer-"));
const tools = join(work, "tools");
const app = join(work, "app");
const deploy = join(work, "deploy");
const gitApp = join(work, "git-app");

/** A stub CustomerService answering SessionIsValid: true for the key "key-1", checking the SOAPAction. */
const stub = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    if (request.headers["soapaction"] !== `"${SOAP_ACTION}"`) {
      response.writeHead(400).end(`unexpected SOAPAction ${String(request.headers["soapaction"])}`);
      return;
    }
    const valid = /<(\w+:)?CsSessionKey>key-1<\//.test(body);
    response
      .writeHead(200, { "content-type": "text/xml; charset=utf-8" })
      .end(
        `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
          `<SessionIsValidResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">` +
          `<Response>${valid}</Response></SessionIsValidResponse></s:Body></s:Envelope>`,
      );
  });
});

/** What every build's main.ts does, compiled by each combination and run by each Node. */
const MAIN_TS = `import { CustomerServiceClient } from "./crm/index.js";

export async function call(endpoint: string): Promise<string> {
  const crm = new CustomerServiceClient({ endpoint, timeoutMs: 10_000 });
  const { Response } = await crm.sessionIsValid({ CsSessionKey: "key-1" });
  return \`SessionIsValid: \${String(Response)}\`;
}
`;
const EXPECTED_OUTPUT = "SessionIsValid: true\n";
/** The SDK generated with `--import-extension ts`, run as it is by `node main.ts <endpoint>`. */
const STRIPPED_MAIN_TS = `import { CustomerServiceClient } from "./superoffice/index.ts";

const crm = new CustomerServiceClient({ endpoint: process.argv[2]!, timeoutMs: 10_000 });
const { Response } = await crm.sessionIsValid({ CsSessionKey: "key-1" });
console.log(\`SessionIsValid: \${String(Response)}\`);
`;
const LAUNCH_MJS = `import { pathToFileURL } from "node:url";
const [, , file, endpoint] = process.argv;
const { call } = await import(pathToFileURL(file).href);
console.log(await call(endpoint));
`;

/** Node strips TypeScript types by default from 22.18 and 23.6. */
function strips(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, "").split(".").map(Number);
  return major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
}

function tsconfig(
  typescriptVersion: string,
  module: (typeof MODULES)[number],
  lib: (typeof LIBS)[number],
  outDir: string,
) {
  const [major = 0, minor = 0] = typescriptVersion.split(".").map(Number);
  const { noEmit: _noEmit, ...strictest } = STRICT_TSCONFIG.compilerOptions;
  return {
    compilerOptions: {
      ...strictest,
      ...(module === "bundler"
        ? { module: "ESNext", moduleResolution: "Bundler" }
        : { module: "NodeNext", moduleResolution: "NodeNext" }),
      verbatimModuleSyntax: module !== "commonjs",
      ...(major > 5 || (major === 5 && minor >= 8) ? { erasableSyntaxOnly: true } : {}),
      lib: lib === "DOM" ? ["ES2022", "DOM"] : ["ES2022"],
      types: lib === "DOM" ? [] : ["node"],
      rootDir: "src",
      outDir,
    },
    include: ["src"],
  };
}

async function main(): Promise<number> {
  // Tools, each installed once for the whole run: the TypeScript versions, the parsers the runtime tests
  // use, and the Nodes besides the machine's: the oldest supported (20.19.0) and 22; Node 24 comes from
  // .ci/node24.sh, as for the test suite.
  let phase = performance.now();
  mkdirSync(tools);
  writeFileSync(join(tools, "package.json"), JSON.stringify({ private: true }));
  await npm(
    ["install", "--silent", ...[...TYPESCRIPTS, ...PARSERS].map((t) => `${t.alias}@npm:${t.spec}`)],
    tools,
  );
  const nodes = [process.execPath];
  for (const node of ["20.19.0", "22"]) {
    const prefix = join(tools, `node-${node}`);
    mkdirSync(prefix);
    await npm(["install", "--silent", "--prefix", prefix, `node@${node}`], tools);
    nodes.push(join(prefix, "node_modules/.bin/node"));
  }
  nodes.push((await must(join(ROOT, ".ci/node24.sh"), [], ROOT)).trim());
  const nodeVersions = await Promise.all(
    nodes.map(async (node) => (await must(node, ["--version"], ROOT)).trim()),
  );
  const version = (alias: string): string =>
    (
      JSON.parse(readFileSync(join(tools, "node_modules", alias, "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
  console.log(`tools installed in ${seconds(phase)}: Node ${nodeVersions.join(", ")}`);

  // The package, as a user installs it.
  phase = performance.now();
  const packed = await npm(["pack", "--silent", "--pack-destination", work], ROOT);
  const tarball = join(work, packed.trim().split("\n").pop() ?? "");
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "consumer-app",
      private: true,
      type: "module",
      dependencies: { "fast-xml-parser": "^5" },
    }),
  );
  await npm(["install", "--save-dev", `@types/node@${manifest.devDependencies["@types/node"]}`], app);
  // --foreground-scripts prints a banner (`> soapgen@0.1.0 prepare`) for every script npm runs. npm 11's
  // advisory list of unreviewed scripts names soapgen's prepare for any non-registry source, a tarball too,
  // though npm runs it only for git and local installs: the list is reported, the banner fails the row.
  const installed = await npm(["install", "--save-dev", "--foreground-scripts", tarball], app);
  const ran = /^> soapgen@\S+ (\w+)$/m.exec(installed);
  row(
    "install the tarball: runs no script",
    ran === null,
    ran !== null
      ? `ran ${ran[1]}`
      : /install-scripts/.test(installed)
        ? "none ran (npm's unreviewed-scripts notice lists prepare)"
        : "none ran",
  );
  const soapgenVersion = await run("npx", ["soapgen", "--version"], app);
  row(
    "npx soapgen --version",
    soapgenVersion.ok && soapgenVersion.output === `${manifest.version}\n`,
    firstLines(soapgenVersion.output),
  );
  const generated = await run("npx", ["soapgen", "generate", "--wsdl", WSDL, "--out", "src/crm"], app);
  row(
    "npx soapgen generate: no warning",
    generated.ok && /^soapgen: wrote \d+ files to src\/crm in \d+ ms\n$/.test(generated.output),
    firstLines(generated.output),
  );
  writeFileSync(join(app, "src/main.ts"), MAIN_TS);
  const sdk = [
    "--wsdl",
    WSDL,
    "--wsdl",
    CONTACT_WSDL,
    "--out",
    "stripped/superoffice",
    "--import-extension",
    "ts",
  ];
  const strippedGenerated = await run("npx", ["soapgen", "generate", ...sdk], app);
  row(
    "npx soapgen generate --import-extension ts",
    strippedGenerated.ok &&
      /^soapgen: wrote \d+ files to stripped\/superoffice in \d+ ms\n$/.test(strippedGenerated.output),
    firstLines(strippedGenerated.output),
  );
  writeFileSync(join(app, "stripped/main.ts"), STRIPPED_MAIN_TS);
  // The CommonJS app: the same sources under a package.json that says so.
  cpSync(join(app, "src"), join(app, "cjs/src"), { recursive: true });
  writeFileSync(join(app, "cjs/package.json"), JSON.stringify({ type: "commonjs" }));
  console.log(`packed, installed and generated in ${seconds(phase)}`);

  // Every combination compiles (type-check and emit) ...
  phase = performance.now();
  /** `script`: main.js runs itself (`node main.js <endpoint>`); otherwise launch.mjs calls its `call`. */
  const builds: {
    name: string;
    out: string;
    module: string;
    compiled: boolean;
    detail: string;
    script?: boolean;
  }[] = [];
  for (const ts of TYPESCRIPTS) {
    const tsVersion = version(ts.alias);
    for (const module of MODULES) {
      for (const lib of LIBS) {
        const project = join(
          module === "commonjs" ? join(app, "cjs") : app,
          `tsconfig.${ts.alias}.${lib === "DOM" ? "dom" : "node"}.json`,
        );
        const out = join(app, "builds", `${ts.alias}-${module}-${lib === "DOM" ? "dom" : "node"}`);
        writeFileSync(project, JSON.stringify(tsconfig(tsVersion, module, lib, out), null, 2));
        const compiled = await run(join(tools, "node_modules", ts.alias, "bin/tsc"), ["-p", project], app);
        builds.push({
          name: `TypeScript ${tsVersion.padEnd(6)} ${module.padEnd(9)} ${lib}`,
          out,
          module,
          compiled: compiled.ok && compiled.output.trim() === "",
          detail: compiled.ok ? "" : firstLines(compiled.output),
        });
      }
    }
  }
  // The .ts variant, compiled by each TypeScript that can rewrite its specifiers to .js (5.7+).
  for (const ts of TYPESCRIPTS) {
    const tsVersion = version(ts.alias);
    const [major = 0, minor = 0] = tsVersion.split(".").map(Number);
    if (major < 5 || (major === 5 && minor < 7)) continue;
    const project = join(app, `tsconfig.${ts.alias}.rewrite.json`);
    const out = join(app, "builds", `${ts.alias}-rewrite`);
    const config = tsconfig(tsVersion, "nodenext", "@types/node", out);
    config.compilerOptions.rootDir = "stripped";
    config.include = ["stripped"];
    writeFileSync(
      project,
      JSON.stringify({
        ...config,
        compilerOptions: { ...config.compilerOptions, rewriteRelativeImportExtensions: true },
      }),
    );
    const compiled = await run(join(tools, "node_modules", ts.alias, "bin/tsc"), ["-p", project], app);
    builds.push({
      name: `TypeScript ${tsVersion.padEnd(6)} .ts imports, rewriteRelativeImportExtensions`,
      out,
      module: "nodenext",
      compiled: compiled.ok && compiled.output.trim() === "",
      detail: compiled.ok ? "" : firstLines(compiled.output),
      script: true,
    });
  }
  console.log(`compiled ${builds.length} combinations in ${seconds(phase)}`);

  // ... and runs, installed as deployments are, on every Node.
  phase = performance.now();
  mkdirSync(deploy);
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(app, file), join(deploy, file));
  await npm(["ci", "--omit=dev", "--silent"], deploy);
  const deployed = ["soapgen", "typescript", "fast-xml-parser"].map((name) =>
    existsSync(join(deploy, "node_modules", name)),
  );
  row(
    "npm ci --omit=dev: fast-xml-parser only",
    deployed.join() === "false,false,true",
    `soapgen ${deployed[0] ? "present" : "absent"}, fast-xml-parser ${deployed[2] ? "present" : "absent"}`,
  );
  writeFileSync(join(deploy, "launch.mjs"), LAUNCH_MJS);
  await new Promise<void>((done) => stub.listen(0, "127.0.0.1", done));
  const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/CustomerService.svc`;
  for (const build of builds) {
    if (!build.compiled) {
      row(build.name, false, `does not compile: ${build.detail}`);
      continue;
    }
    const target = join(deploy, "builds", build.name.replace(/\W+/g, "-"));
    cpSync(build.out, target, { recursive: true });
    if (build.module === "commonjs")
      writeFileSync(join(target, "package.json"), JSON.stringify({ type: "commonjs" }));
    const main = join(target, "main.js");
    const results = await Promise.all(
      nodes.map((node) => run(node, [...(build.script ? [] : ["launch.mjs"]), main, endpoint], deploy)),
    );
    const failed = results.findIndex((result) => result.output !== EXPECTED_OUTPUT);
    row(
      build.name,
      failed === -1,
      failed === -1
        ? `compiles; runs on Node ${nodeVersions.map((v) => v.replace(/^v/, "")).join(", ")}`
        : `Node ${nodeVersions[failed]}: ${firstLines(results[failed]!.output)}`,
    );
  }
  // The .ts variant as it is, on every Node that strips types by default.
  cpSync(join(app, "stripped"), join(deploy, "stripped"), { recursive: true });
  for (const [i, node] of nodes.entries()) {
    if (!strips(nodeVersions[i]!)) continue;
    const ran = await run(node, ["stripped/main.ts", endpoint], deploy);
    row(
      `node main.ts (.ts imports), Node ${nodeVersions[i]}`,
      ran.ok && ran.output === EXPECTED_OUTPUT,
      firstLines(ran.output),
    );
  }
  console.log(`deployed and ran in ${seconds(phase)}`);

  // soapgen from git: npm clones it, installs its dev dependencies and runs \`prepare\`, which builds dist/.
  phase = performance.now();
  const head = (await must("git", ["rev-parse", "HEAD"], ROOT)).trim();
  mkdirSync(gitApp);
  writeFileSync(
    join(gitApp, "package.json"),
    JSON.stringify({
      name: "git-app",
      private: true,
      type: "module",
      dependencies: { "fast-xml-parser": "^5" },
    }),
  );
  await npm(["install", "--silent"], gitApp);
  const fromGit = await run("npm", ["install", "--save-dev", `git+file://${ROOT}#${head}`], gitApp);
  const bin = join(gitApp, "node_modules/soapgen/dist/generator/cli.js");
  row(
    "install from git: prepare builds dist/",
    fromGit.ok && existsSync(bin),
    fromGit.ok
      ? `HEAD ${head.slice(0, 10)}, dist/ ${existsSync(bin) ? "built" : "missing"}`
      : firstLines(fromGit.output),
  );
  const gitVersion = await run("npx", ["soapgen", "--version"], gitApp);
  row(
    "install from git: npx soapgen --version",
    gitVersion.ok && gitVersion.output === `${manifest.version}\n`,
    firstLines(gitVersion.output),
  );
  const gitGenerated = await run("npx", ["soapgen", "generate", ...sdk], gitApp);
  if (gitGenerated.ok) writeFileSync(join(gitApp, "stripped/main.ts"), STRIPPED_MAIN_TS);
  const node24 = nodes[nodeVersions.findIndex((v) => v.startsWith("v24."))]!;
  const gitRan = gitGenerated.ok
    ? await run(node24, ["stripped/main.ts", endpoint], gitApp)
    : { ok: false, output: gitGenerated.output };
  row(
    "install from git: generate, node main.ts (24)",
    gitRan.ok && gitRan.output === EXPECTED_OUTPUT,
    firstLines(gitRan.output),
  );
  await new Promise((done) => stub.close(done));
  console.log(`installed from git and ran in ${seconds(phase)}`);

  // The runtime's tests against each supported major's oldest and newest fast-xml-parser.
  phase = performance.now();
  for (const parser of PARSERS) {
    const folder = join(tools, "node_modules", parser.alias);
    const tests = await run(
      join(ROOT, "node_modules/.bin/vitest"),
      ["run", "--config", "test/consumer/runtime-with.config.ts", "test/runtime"],
      ROOT,
      { SOAPGEN_FAST_XML_PARSER: folder },
    );
    const redirected = tests.output.includes(
      `runtime uses fast-xml-parser ${version(parser.alias)} from ${folder}`,
    );
    const summary = /Tests\s+(.*)\n/.exec(tests.output.replace(/\x1b\[[0-9;]*m/g, ""))?.[1] ?? "";
    row(
      `runtime tests, fast-xml-parser ${version(parser.alias)}`,
      tests.ok && redirected,
      summary || firstLines(tests.output),
    );
  }
  console.log(`runtime tests in ${seconds(phase)}`);

  const failed = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - failed} passed, ${failed} failed (${seconds(started)} in all)`);
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`consumer test: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (stub.listening) stub.close();
  if (process.env["SOAPGEN_CONSUMER_KEEP"] === undefined) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
