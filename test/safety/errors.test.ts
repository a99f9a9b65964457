/**
 * Every way the input can be wrong, through the command a user runs (`node dist/generator/cli.js`): exit
 * code 1, nothing on stdout, exactly one line on stderr naming the file and the problem, no stack trace
 * unless --verbose, and the output folder neither created nor touched.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SoapgenError } from "../../generator/errors.js";
import { generate } from "../../generator/generate.js";
import { ensureBuilt, leftovers, ROOT, runCli, snapshot, tempDir, type CliRun } from "./harness.js";

const invalid = (name: string): string => resolve(ROOT, "wsdl/invalid", name);
const dir = tempDir("errors");
let silentServer: Server;
let silentUrl = "";
let closedUrl = "";

beforeAll(async () => {
  await ensureBuilt();
  // Accepts connections and never answers.
  silentServer = createServer(() => undefined);
  await new Promise<void>((done) => silentServer.listen(0, "127.0.0.1", done));
  silentUrl = `http://127.0.0.1:${(silentServer.address() as AddressInfo).port}/service.wsdl`;
  // A port that was free a moment ago and has nobody listening now.
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/service.wsdl`;
  await new Promise((done) => closed.close(done));
}, 60_000);

afterAll(async () => {
  silentServer.closeAllConnections();
  await new Promise((done) => silentServer.close(done));
  rmSync(dir, { recursive: true, force: true });
});

/** Asserts the one-line failure and returns that line. */
function oneLineFailure(run: CliRun): string {
  expect(run.signal).toBe(null);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n");
  expect(lines.length, run.stderr).toBe(2);
  expect(lines[1]).toBe("");
  expect(lines[0]).toMatch(/^soapgen: /);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

let caseNumber = 0;

/** Runs `generate` into a fresh output path and checks it failed in one line without creating it. */
async function generateFails(wsdl: string, extra: string[] = []): Promise<string> {
  const out = join(dir, `out-${caseNumber++}`);
  const line = oneLineFailure(await runCli(["generate", "--wsdl", wsdl, "--out", out, ...extra]));
  expect(snapshot(out)).toBe(undefined);
  expect(leftovers(out)).toEqual([]);
  return line;
}

describe.concurrent("soapgen generate with bad input", () => {
  it.each([
    ["a missing file", "nope.wsdl", ": file not found"],
    ["an empty file", "empty.wsdl", ": the document is empty; expected a WSDL (XML) document"],
    ["text that is not XML", "malformed.xml", ":4:3: not well-formed XML: Expected closing tag 'wsdl:types'"],
    [
      "XML that is not a WSDL",
      "not-wsdl.xml",
      ": not a WSDL: expected root element {http://schemas.xmlsoap.org/wsdl/}definitions, found {}catalog",
    ],
    ["a WSDL 2.0 document", "wsdl2.wsdl", ":2:1: this is a WSDL 2.0 document"],
    ["a DOCTYPE", "doctype.wsdl", ":2:1: DOCTYPE declarations are not allowed"],
    [
      "an rpc/encoded binding, by name",
      "rpc-encoded.wsdl",
      ":24:19: rpc/encoded binding 'LegacyBinding' is not supported (operation 'Legacy')",
    ],
    [
      "an rpc/encoded binding whose schema uses soapenc:Array, by the binding first",
      "rpc-encoded-array.wsdl",
      ":32:19: rpc/encoded binding 'LegacyBinding' is not supported (operation 'List'): soapgen supports literal use",
    ],
    [
      "a reference into the namespace an xs:import claimed, whose document declares another",
      "import-namespace.wsdl",
      ":11:36: element='c:Echo': global element {urn:example:common}Echo is not defined in any schema",
    ],
    [
      "a schema in the pre-2001 XML Schema namespace",
      "pre-2001-schema.wsdl",
      ":7:5: xs:schema is in the pre-2001 XML Schema namespace http://www.w3.org/1999/XMLSchema; soapgen reads XML Schema 1.0",
    ],
    [
      "a portType of notifications only",
      "only-notifications.wsdl",
      ":13:5: operation 'Tick' has no leading wsdl:input: notification and solicit-response operations are not supported",
    ],
    [
      "a dangling type=",
      "dangling-type.wsdl",
      ":10:11: dangling type reference: type 'tns:Missing' ({urn:example:dangling}Missing) is not defined",
    ],
    [
      "a dangling element=",
      "dangling-element.wsdl",
      ":12:35: element='tns:Missing': global element {urn:example:dangling-element}Missing is not defined in any schema",
    ],
    [
      "a dangling message=",
      "undefined-message.wsdl",
      ":16:7: message='tns:NoSuchRequest': wsdl:message {urn:example:undefined}NoSuchRequest is not defined",
    ],
    [
      "an import that cannot be loaded, of a namespace the schema refers to",
      "missing-import.wsdl",
      `:8:7: dangling type reference: type 'o:Thing' ({urn:example:other}Thing) is not defined: its namespace's import failed: ${invalid("missing-import.wsdl")}:7:7: cannot read imported document ${invalid("no-such-file.xsd")}: file not found`,
    ],
    [
      "two types of one name",
      "duplicate-type.wsdl",
      ":11:7: duplicate type {urn:example:duplicate}Order: already defined at",
    ],
    [
      "two messages of one name",
      "duplicate-message.wsdl",
      ":14:3: duplicate wsdl:message {urn:example:duplicate-message}GetRequest: already defined at",
    ],
    ["two parts of one name", "duplicate-part.wsdl", ":12:77: duplicate part 'body' in message 'GetRequest'"],
    [
      "an operation without a binding",
      "unbound-operation.wsdl",
      ":24:3: binding 'UnboundBinding' has no operation 'Put' of portType 'UnboundService'",
    ],
    [
      "a binding operation without a portType operation",
      "unknown-binding-operation.wsdl",
      ":27:5: binding 'UnknownOperationBinding' has operation 'Delete', which portType 'UnknownOperationService' does not declare",
    ],
    [
      "no SOAP binding at all",
      "no-binding.wsdl",
      ": no wsdl:binding with a SOAP 1.1 or 1.2 binding: there is no client to generate",
    ],
    [
      "a type deriving from itself",
      "circular-extension.wsdl",
      ":9:28: circular type derivation: {urn:example:circular}Animal extends {urn:example:circular}Pet extends {urn:example:circular}Animal",
    ],
    [
      "a name that is not an XML name",
      "bad-name.wsdl",
      `:9:22: name "Id\\"><Injected/><x" is not an XML name`,
    ],
    [
      "one fault name for two detail elements",
      "fault-name-clash.wsdl",
      ":27:7: fault 'Problem' carries {urn:example:fault-clash}Missing here but {urn:example:fault-clash}NotFound",
    ],
  ])("%s (%s)", async (_, file, detail) => {
    const line = await generateFails(invalid(file));
    expect(line.startsWith(`soapgen: ${invalid(file)}${detail}`), line).toBe(true);
  });

  it.each([
    ["not XML", "malformed.xml", "<input>:4:3: not well-formed XML: Expected closing tag 'wsdl:types'"],
    [
      "without a SOAP binding",
      "no-binding.wsdl",
      "<input>: no wsdl:binding with a SOAP 1.1 or 1.2 binding: there is no client to generate",
    ],
  ])("names WSDL text given without a name <input>, not a path (%s)", async (_, file, message) => {
    const out = join(dir, `out-${caseNumber++}`);
    const text = readFileSync(invalid(file), "utf8");
    const error = await generate({ wsdl: { text }, out }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SoapgenError);
    expect((error as SoapgenError).message.startsWith(message), (error as SoapgenError).message).toBe(true);
    expect(snapshot(out)).toBe(undefined);
  });

  it("names an unknown binding style", async () => {
    const wsdl = join(dir, "weird-style.wsdl");
    writeFileSync(
      wsdl,
      readFileSync(resolve(ROOT, "wsdl/choice.wsdl"), "utf8").replace('style="document"', 'style="message"'),
    );
    const line = await generateFails(wsdl);
    expect(line).toMatch(
      /^soapgen: .*weird-style\.wsdl:\d+:\d+: message\/literal binding 'PaymentBinding' is not supported \(operation 'Pay'\): soapgen supports document\/literal and rpc\/literal \(at /,
    );
  });

  it("gives up on a server that never answers, within --timeout", async () => {
    const line = await generateFails(silentUrl, ["--timeout", "300"]);
    expect(line).toBe(`soapgen: ${silentUrl}: no response within 300 ms`);
  });

  it("reports a closed port", async () => {
    const line = await generateFails(closedUrl);
    expect(line).toMatch(
      new RegExp(
        `^soapgen: ${closedUrl.replace(/[.?]/g, "\\$&")}: cannot fetch: fetch failed: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`,
      ),
    );
  });

  it("loads import cycles once instead of failing or looping", async () => {
    const out = join(dir, "cycle");
    const run = await runCli([
      "generate",
      "--wsdl",
      resolve(ROOT, "wsdl/hostile/cycle/service.wsdl"),
      "--out",
      out,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(out, "types.ts"), "utf8")).toContain(
      "export interface Edge {\n  To: Node;\n  Weight: number;\n}",
    );
  });

  it("leaves an existing output exactly as it was", async () => {
    const out = join(dir, "previous");
    cpSync(resolve(ROOT, "generated/customer-service"), out, { recursive: true });
    const before = snapshot(out);
    oneLineFailure(await runCli(["generate", "--wsdl", invalid("dangling-type.wsdl"), "--out", out]));
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it("adds the stack with --verbose, and only then", async () => {
    const run = await runCli([
      "generate",
      "--wsdl",
      invalid("dangling-type.wsdl"),
      "--out",
      join(dir, "verbose"),
      "--verbose",
    ]);
    expect(run.code).toBe(1);
    const [first, ...rest] = run.stderr.trimEnd().split("\n");
    expect(first).toMatch(/^soapgen: .*dangling-type\.wsdl:10:11: dangling type reference/);
    expect(rest[0]).toMatch(/^SoapgenError: /);
    expect(rest.some((line) => /^\s+at /.test(line))).toBe(true);
  });
});

describe("error messages", () => {
  it("are one line a terminal prints as is, whatever characters the input smuggles in", () => {
    const error = new SoapgenError(
      { file: "a.wsdl", where: "x[@name='\u001b[2J']", line: 3, column: 4 },
      "name 'a\nb\u2028c\td\u0007' is bad",
    );
    expect(error.message).toBe("a.wsdl:3:4: name 'a b c d\\x07' is bad (at x[@name='\\x1b[2J'])");
  });
});

describe.concurrent("soapgen with a bug inside", () => {
  const fault = (name: string): string[] => ["--import", resolve(ROOT, "test/safety/faults", name)];

  it("reports an unexpected exception as an internal error, in one line", async () => {
    const out = join(dir, "internal");
    const run = await runCli(
      ["generate", "--wsdl", resolve(ROOT, "wsdl/choice.wsdl"), "--out", out],
      fault("broken-clock.mjs"),
    );
    expect(oneLineFailure(run)).toBe(
      "soapgen: internal error: the clock is broken (run with --verbose for the stack trace)",
    );
    expect(snapshot(out)).toBe(undefined);

    const verbose = await runCli(
      ["generate", "--wsdl", resolve(ROOT, "wsdl/choice.wsdl"), "--out", out, "--verbose"],
      fault("broken-clock.mjs"),
    );
    expect(verbose.code).toBe(1);
    expect(verbose.stderr.split("\n").slice(0, 2)).toEqual([
      "soapgen: internal error: the clock is broken",
      "TypeError: the clock is broken",
    ]);
  });

  it("reports a promise that rejects unobserved, in one line", async () => {
    const out = join(dir, "unhandled");
    const run = await runCli(
      ["generate", "--wsdl", resolve(ROOT, "wsdl/choice.wsdl"), "--out", out],
      fault("stray-rejection.mjs"),
    );
    expect(oneLineFailure(run)).toBe(
      "soapgen: internal error: a promise nobody awaited (run with --verbose for the stack trace)",
    );
    expect(snapshot(out)).toBe(undefined);
  });
});
