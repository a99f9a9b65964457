/** The `soapgen` command as a user runs it: generate, check, config targets, URL input, help and version. */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committedFiles } from "./committed.js";

const ROOT = process.cwd();
const CLI = resolve(ROOT, "dist/generator/cli.js");
const CHOICE = resolve(ROOT, "wsdl/choice.wsdl");
const AGENT_A = resolve(ROOT, "wsdl/merge/agent-a.wsdl");
const AGENT_B = resolve(ROOT, "wsdl/merge/agent-b.wsdl");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function soapgen(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<Run> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), "soapgen-cli-"));
let server: Server;
let wsdlUrl: string;

beforeAll(async () => {
  // `npm test` builds dist/ first; this suite runs the built command like a user would.
  server = createServer((request, response) => {
    if (request.url?.split("?")[0] === "/choice.wsdl") response.end(readFileSync(CHOICE));
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  wsdlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/choice.wsdl`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe("soapgen", () => {
  it("generates from a file, then check passes, then names the file an edit made stale", async () => {
    const out = join(dir, "from-file");
    const generated = await soapgen(["generate", "--wsdl", CHOICE, "--out", out]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/^soapgen: wrote 21 files to .*from-file in \d+ ms\n$/);

    expect((await soapgen(["check", "--wsdl", CHOICE, "--out", out])).code).toBe(0);

    writeFileSync(join(out, "types.ts"), "// edited\n", { flag: "a" });
    writeFileSync(join(out, "leftover.ts"), "export {};\n");
    const stale = await soapgen(["check", "--wsdl", CHOICE, "--out", out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(
      [
        `soapgen: stale: ${relative(ROOT, join(out, "leftover.ts"))}`,
        `soapgen: stale: ${relative(ROOT, join(out, "types.ts"))}`,
        "soapgen: 2 generated file(s) differ from the WSDL: run soapgen generate",
        "",
      ].join("\n"),
    );
  });

  it("writes one warning line per operation it leaves out, and still generates", async () => {
    const wsdl = resolve(ROOT, "wsdl/notification.wsdl");
    const run = await soapgen(["generate", "--wsdl", wsdl, "--out", join(dir, "notification")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^soapgen: wrote \d+ files to /);
    const lines = run.stderr.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(
        `^soapgen: warning: ${wsdl}:37:5: notification operation 'Alert' of portType 'Alerts' left out`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^soapgen: warning: ${wsdl}:40:5: solicit-response operation 'Confirm' of portType 'Alerts' left out`,
      ),
    );
    expect(lines[2]).toBe("");
  });

  it("writes the committed CustomerService output byte for byte", async () => {
    const wsdl = resolve(ROOT, "../shared/superoffice-docs/Services88/Services88-CustomerService.wsdl");
    const out = join(dir, "customer-service");
    const run = await soapgen(["generate", "--wsdl", wsdl, "--out", out], ROOT);
    expect(run.code).toBe(0);
    expect(committedFiles(out)).toEqual(committedFiles(resolve(ROOT, "generated/customer-service")));
  });

  it("generates from an http URL the same files as from the file", async () => {
    const fromUrl = join(dir, "from-url");
    const fromFile = join(dir, "from-file-2");
    const withQuery = `${wsdlUrl}?wsdl&token=abc#part`;
    expect((await soapgen(["generate", "--wsdl", withQuery, "--out", fromUrl])).code).toBe(0);
    expect((await soapgen(["generate", "--wsdl", CHOICE, "--out", fromFile])).code).toBe(0);
    const read = (folder: string, file: string) => readFileSync(join(folder, file), "utf8");
    const types = (folder: string) => read(folder, "types.ts");
    // Only the banner differs: it names the URL, without query or fragment, instead of the file.
    expect(types(fromUrl).split("\n").slice(1)).toEqual(types(fromFile).split("\n").slice(1));
    expect(types(fromUrl).split("\n")[0]).toBe(
      `// Generated by soapgen from ${wsdlUrl}. Do not edit: regenerate with soapgen.`,
    );
    // The runtime is the same whatever the source: its banner names none.
    expect(read(fromUrl, "runtime/client.ts")).toBe(read(fromFile, "runtime/client.ts"));
    expect(read(fromUrl, "runtime/client.ts").split("\n")[0]).toBe(
      "// Generated by soapgen: the SOAP runtime every generated client shares. Do not edit: regenerate with soapgen.",
    );
  });

  it("check says an output folder that does not exist is missing, instead of listing its files", async () => {
    const out = join(dir, "never-generated");
    const run = await soapgen(["check", "--wsdl", CHOICE, "--out", out]);
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: `soapgen: ${relative(ROOT, out)}: the output folder does not exist: run soapgen generate\n`,
    });
  });

  it("handles every target of the config file when given no --wsdl", async () => {
    const project = join(dir, "project");
    cpSync(CHOICE, join(project, "service.wsdl"));
    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({ targets: [{ wsdl: "service.wsdl", out: "src/generated" }] }),
    );
    expect((await soapgen(["generate"], project)).code).toBe(0);
    expect(readFileSync(join(project, "src/generated/payment-service.ts"), "utf8")).toContain(
      "export class PaymentServiceClient",
    );
    expect(await soapgen(["check"], project)).toMatchObject({
      code: 0,
      stdout: "soapgen: src/generated is up to date\n",
    });
  });

  it("puts several --wsdl into one output and keeps only the --operations given", async () => {
    const out = join(dir, "agents");
    const args = ["--wsdl", AGENT_A, "--wsdl", AGENT_B, "--out", out, "--operations", "GetRight,Get*"];
    const run = await soapgen(["generate", ...args, "--exclude-operations", "GetCarrier"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(out).sort()).toEqual([
      ".soapgen.json",
      "agent-b.stub.ts",
      "agent-b.ts",
      "index.ts",
      "runtime",
      "stub.ts",
      "tables.ts",
      "types.ts",
    ]);
    expect(readFileSync(join(out, "agent-b.ts"), "utf8")).toContain("async getRight(");
    expect(readFileSync(join(out, "agent-b.ts"), "utf8")).not.toContain("async saveCarrier(");
    // check takes the same input: the same selection is up to date, none names the left-out client.
    expect((await soapgen(["check", ...args, "--exclude-operations", "GetCarrier"])).code).toBe(0);
    const stale = await soapgen(["check", "--wsdl", AGENT_A, "--wsdl", AGENT_B, "--out", out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`soapgen: stale: ${relative(ROOT, join(out, "agent-a.ts"))}`);
  });

  it("reads a config target with several WSDLs and an operation selection", async () => {
    const project = join(dir, "agents-project");
    cpSync(AGENT_A, join(project, "wsdl/agent-a.wsdl"));
    cpSync(AGENT_B, join(project, "wsdl/agent-b.wsdl"));
    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({
        targets: [
          {
            wsdl: ["wsdl/agent-b.wsdl", "wsdl/agent-a.wsdl"],
            out: "sdk",
            operations: ["*Carrier"],
            excludeOperations: ["Delete*"],
          },
        ],
      }),
    );
    expect((await soapgen(["generate"], project)).code).toBe(0);
    const methods = (file: string) =>
      [...readFileSync(join(project, "sdk", file), "utf8").matchAll(/^ {2}async (\w+)\(/gm)].map((m) => m[1]);
    expect(methods("agent-a.ts")).toEqual(["getCarrier"]);
    expect(methods("agent-b.ts")).toEqual(["saveCarrier"]);
    expect(await soapgen(["check"], project)).toMatchObject({
      code: 0,
      stdout: "soapgen: sdk is up to date\n",
    });

    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({ targets: [{ wsdl: ["wsdl/agent-a.wsdl"], out: "sdk", operations: "GetCarrier" }] }),
    );
    expect((await soapgen(["generate"], project)).stderr).toBe(
      `soapgen: ${join(project, "soapgen.config.json")}: expected "operations" to be an array of names or globs (at targets[0])\n`,
    );
  });

  it("warns in one line when the app does not depend on fast-xml-parser, unless --quiet", async () => {
    const project = join(dir, "app-without-parser");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ devDependencies: { soapgen: "^0.1.0" } }));
    const out = join(project, "src/crm");
    const run = await soapgen(["generate", "--wsdl", CHOICE, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^soapgen: wrote 21 files to .*src\/crm in \d+ ms\n$/);
    expect(run.stderr).toBe(
      `soapgen: warning: ${join(project, "package.json")}: fast-xml-parser is not in "dependencies"; the generated client imports it at run time (supported: >=4.0.9 <6.0.0)\n`,
    );
    expect(await soapgen(["generate", "--wsdl", CHOICE, "--out", out, "--quiet"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    // check, the usual CI step, warns the same: the app would fail only once deployed.
    const checked = await soapgen(["check", "--wsdl", CHOICE, "--out", out]);
    expect(checked).toMatchObject({ code: 0, stderr: run.stderr });
    expect(checked.stdout).toMatch(/^soapgen: .*src\/crm is up to date\n$/);
    expect(await soapgen(["check", "--wsdl", CHOICE, "--out", out, "--quiet"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("writes the import extension --import-extension or the config's importExtension asks for", async () => {
    const out = join(dir, "import-extension");
    const run = await soapgen(["generate", "--wsdl", CHOICE, "--out", out, "--import-extension", "ts"]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, "index.ts"), "utf8")).toContain(`export * from "./types.ts";`);
    const wrong = await soapgen(["generate", "--wsdl", CHOICE, "--out", out, "--import-extension", "mjs"]);
    expect(wrong).toMatchObject({ code: 1, stdout: "" });
    expect(wrong.stderr).toMatch(/^soapgen: command line: Invalid values:.*import-extension.*"mjs".*"none"/s);

    const project = join(dir, "import-extension-config");
    cpSync(CHOICE, join(project, "service.wsdl"));
    const config = (importExtension: string) =>
      writeFileSync(
        join(project, "soapgen.config.json"),
        JSON.stringify({ targets: [{ wsdl: "service.wsdl", out: "sdk", importExtension }] }),
      );
    config("none");
    expect((await soapgen(["generate"], project)).code).toBe(0);
    expect(readFileSync(join(project, "sdk/index.ts"), "utf8")).toContain(`export * from "./types";`);
    config("mjs");
    expect(await soapgen(["generate"], project)).toMatchObject({
      code: 1,
      stderr: `soapgen: ${join(project, "soapgen.config.json")}: expected "importExtension" to be "js", "ts" or "none" (at targets[0])\n`,
    });
    expect(await soapgen(["generate", "--import-extension", "ts"], project)).toMatchObject({
      code: 1,
      stderr:
        "soapgen: command line: --operations, --exclude-operations and --import-extension need --wsdl and --out (in the config file, give them per target)\n",
    });
  });

  it("says what is wrong with a config file in one line", async () => {
    const project = join(dir, "bad-config");
    cpSync(CHOICE, join(project, "service.wsdl"));
    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({ targets: [{ wsdl: "service.wsdl" }] }),
    );
    const run = await soapgen(["generate"], project);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `soapgen: ${join(project, "soapgen.config.json")}: expected "wsdl" (a string or a non-empty array of strings) and a string "out" (at targets[0])\n`,
    );
  });

  it("prints its version and help", async () => {
    const version = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).version as string;
    expect(await soapgen(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await soapgen(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("soapgen generate");
    expect(help.stdout).toContain("soapgen check");
    // check writes nothing, so its --out is described as what it compares with.
    const checkHelp = await soapgen(["check", "--help"]);
    expect(checkHelp.stdout).toMatch(/--out +output folder to compare with \(nothing is written\)/);
    expect(checkHelp.stdout).not.toContain("replaced");
    expect((await soapgen(["generate", "--help"])).stdout).toMatch(
      /--out +output folder \(replaced as a whole on success\)/,
    );
  });

  it("rejects a command it does not know, in one line", async () => {
    const run = await soapgen(["generat"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^soapgen: /);
  });
});
