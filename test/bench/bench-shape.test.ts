/**
 * The bench's pieces that could go wrong without anyone noticing, checked without timing anything: the
 * replicated WSDLs of the scaling series, the SOAP 1.2 → 1.1 conversion of the documented envelopes,
 * the decoders and encoders seeing the same content, and the pieces of the whole-Services88 SDK rows.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import {
  countRawElements,
  nodeSoap,
  nodeSoapRequest,
  RAW_PARSER_CONFIGS,
  rawParser,
  soapgenDecoder,
  soapgenEncoder,
  soapgenRequest,
} from "../../bench/codec.js";
import {
  documentedPage,
  readDocumentedPages,
  replicateArrayItems,
  SOAP11_ENVELOPE,
  toSoap11,
  WSDL_PATH,
} from "../../bench/docs.js";
import { replicateWsdl } from "../../bench/replicate.js";
import {
  BASELINE_EXCLUSIONS,
  baselineCli,
  generateArgs,
  loadedModules,
  services88Wsdls,
  tsSize,
} from "../../bench/sdk.js";
import { customerServiceTables, decodeMessage } from "../../generated/customer-service/index.js";
import { render } from "../../generator/generate.js";
import { loadServiceModel } from "../../generator/parse.js";
import type { ServiceModel } from "../../generator/model.js";

const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const SOAP12_ENVELOPE = "http://www.w3.org/2003/05/soap-envelope";

describe("the replicated WSDL of the scaling series", async () => {
  const wsdl = readFileSync(WSDL_PATH, "utf8");
  const original = await loadServiceModel({ location: WSDL_PATH });
  const replicated = replicateWsdl(wsdl, 4);
  const x4 = await loadServiceModel({ text: replicated, location: WSDL_PATH });
  const operationNames = (model: ServiceModel): string[] =>
    model.ports.flatMap((port) => port.operations.map((op) => op.name)).sort();
  const typeCount = (model: ServiceModel, inServiceNamespace: boolean): number =>
    [...model.types.keys()].filter((key) => key.startsWith(`{${NS}}`) === inServiceNamespace).length;

  it("has each operation four times, renamed _1 to _4", () => {
    const expected = operationNames(original).flatMap((name) => [1, 2, 3, 4].map((k) => `${name}_${k}`));
    expect(operationNames(x4)).toHaveLength(4 * 33);
    expect(operationNames(x4)).toEqual(expected.sort());
  });

  it("has the service's types four times and the imported DataContract types once", () => {
    expect(typeCount(x4, true)).toBe(4 * typeCount(original, true));
    expect(typeCount(x4, false)).toBe(typeCount(original, false));
  });

  it("points each copy's references into the same copy", () => {
    const op = x4.ports[0]?.operations.find((o) => o.name === "ChatSessionsForUser_3");
    expect(op?.input.body).toEqual([{ name: "parameters", element: `{${NS}}ChatSessionsForUser_3` }]);
    expect(op?.input.headers.map((h) => h.element)).toEqual([
      `{${NS}}ApplicationToken_3`,
      `{${NS}}Credentials_3`,
      `{${NS}}TimeZone_3`,
    ]);
    expect(op?.soapAction).toBe(`${NS}/CustomerService/ChatSessionsForUser_3`);
  });

  it("generates a client with one method per replicated operation", async () => {
    const files = await render({ text: replicated, name: "replicated-x4.wsdl" });
    const client = files.get("customer-service.ts") ?? "";
    for (const k of [1, 2, 3, 4]) expect(client).toContain(`async chatSessionsForUser_${k}(`);
    expect(client.match(/^ {2}async \w+\(/gm)).toHaveLength(4 * 33);
  });
});

describe("the SOAP 1.2 → 1.1 conversion of the documented envelopes", () => {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    trimValues: false,
    parseTagValue: false,
    processEntities: false,
  });
  type Node = Record<string, unknown>;
  const children = (node: Node | undefined, name: string): Node[] =>
    (node?.[name] as Node[] | undefined) ?? [];
  const envelopeOf = (xml: string): Node | undefined =>
    (parser.parse(xml) as Node[]).find((n) => "SOAP-ENV:Envelope" in n);
  const named = (nodes: Node[], name: string): Node[] => nodes.filter((n) => name in n);
  const elements = (nodes: Node[]): Node[] => nodes.filter((n) => !("#text" in n));
  const pages = readDocumentedPages();

  it.each(pages.flatMap((page) => [`${page.operation} request`, `${page.operation} response`]))(
    "keeps the payload of %s",
    (label) => {
      const [operation, direction] = label.split(" ") as [string, "request" | "response"];
      const documented = documentedPage(pages, operation)[direction];
      const converted = toSoap11(documented);
      const before = envelopeOf(documented);
      const after = envelopeOf(converted);
      expect((before?.[":@"] as Record<string, string>)["@_xmlns:SOAP-ENV"]).toBe(SOAP12_ENVELOPE);
      expect((after?.[":@"] as Record<string, string>)["@_xmlns:SOAP-ENV"]).toBe(SOAP11_ENVELOPE);
      // The Body, byte for byte, and the header blocks, now inside Header.
      expect(converted.slice(converted.indexOf("<SOAP-ENV:Body>"))).toBe(
        documented.slice(documented.indexOf("<SOAP-ENV:Body>")),
      );
      const headerBlocks = elements(children(before, "SOAP-ENV:Envelope")).filter(
        (n) => !("SOAP-ENV:Body" in n),
      );
      const header = named(children(after, "SOAP-ENV:Envelope"), "SOAP-ENV:Header");
      expect(elements(children(header[0], "SOAP-ENV:Header"))).toEqual(headerBlocks);
      expect(header).toHaveLength(headerBlocks.length > 0 ? 1 : 0);
    },
  );

  it("gives soapgen's decoder the documented headers", () => {
    const xml = toSoap11(documentedPage(pages, "ChatSessionsForUser").request);
    const documentedTicket = /<CustomerService:Ticket>([^<]*)</.exec(xml)?.[1];
    expect(documentedTicket).toBeDefined();
    expect(decodeMessage(customerServiceTables, "ChatSessionsForUser", "input", xml).headers).toMatchObject({
      Credentials: { Ticket: documentedTicket },
    });
  });
});

describe("the decoders and encoders under comparison", async () => {
  const pages = readDocumentedPages();
  const peer = await nodeSoap(WSDL_PATH);
  const synthetic = replicateArrayItems(
    toSoap11(documentedPage(pages, "GetAllCustomerCenterConfigs").response),
    "CustomerCenterConfig",
    1 << 20,
  );

  it("makes a synthetic response of about 1 MB", () => {
    expect(Math.abs(synthetic.xml.length - (1 << 20))).toBeLessThan(1000);
    expect(synthetic.items).toBeGreaterThan(1000);
  });

  it("all read every CustomerCenterConfig item of the synthetic response", () => {
    const soapgen = soapgenDecoder("GetAllCustomerCenterConfigs")(synthetic.xml) as {
      body: { Response: unknown[] };
    };
    const nodeSoapResult = peer.decode(synthetic.xml) as {
      Body: { GetAllCustomerCenterConfigsResponse: { Response: { CustomerCenterConfig: unknown[] } } };
    };
    expect(soapgen.body.Response).toHaveLength(synthetic.items);
    expect(
      nodeSoapResult.Body.GetAllCustomerCenterConfigsResponse.Response.CustomerCenterConfig,
    ).toHaveLength(synthetic.items);
    for (const config of RAW_PARSER_CONFIGS) {
      expect(
        countRawElements(
          rawParser(config.options)(synthetic.xml),
          "CustomerCenterConfig",
          config.options.preserveOrder === true,
        ),
        config.name,
      ).toBe(synthetic.items);
    }
  });

  it("all read the one ChatSession of the seed response", () => {
    const xml = toSoap11(documentedPage(pages, "ChatSessionsForUser").response);
    const soapgen = soapgenDecoder("ChatSessionsForUser")(xml) as { body: { Response: unknown[] } };
    const nodeSoapResult = peer.decode(xml) as {
      Body: { ChatSessionsForUserResponse: { Response: { ChatSession: unknown[] } } };
    };
    expect(soapgen.body.Response).toEqual([{ ChatSessionId: 0 }]);
    expect(nodeSoapResult.Body.ChatSessionsForUserResponse.Response.ChatSession).toHaveLength(1);
    for (const config of RAW_PARSER_CONFIGS) {
      expect(
        countRawElements(
          rawParser(config.options)(xml),
          "ChatSession",
          config.options.preserveOrder === true,
        ),
        config.name,
      ).toBe(1);
    }
  });

  it.each(["ExecuteEventHandlers", "SaveAllCustomerCenterConfigs"])(
    "encode the same %s request",
    (operation) => {
      const xml = toSoap11(documentedPage(pages, operation).request);
      const soapgenXml = soapgenEncoder(operation, soapgenRequest(operation, xml))();
      const nodeSoapXml = peer.encode(operation, nodeSoapRequest(peer.decode, operation, xml));
      const read = (encoded: string) => decodeMessage(customerServiceTables, operation, "input", encoded);
      expect(read(nodeSoapXml)).toEqual(read(soapgenXml));
      expect(read(soapgenXml)).toEqual(read(xml));
    },
  );
});

describe("the whole-Services88 SDK rows", () => {
  const dir = mkdtempSync(join(tmpdir(), "soapgen-bench-shape-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const wsdls = services88Wsdls();
  const contactAndPerson = wsdls.filter((wsdl) => /-(Contact|Person)\.wsdl$/.test(wsdl));

  it("takes the 60 agent WSDLs, sorted", () => {
    expect(wsdls).toHaveLength(60);
    expect(wsdls).toEqual([...wsdls].sort());
    expect(contactAndPerson).toHaveLength(2);
  });

  it("passes each excluded operation as a flag of its own", () => {
    expect(generateArgs(contactAndPerson, "out", ["Person.ChangeCountry", "EMail.Save"])).toEqual([
      "generate",
      "--wsdl",
      contactAndPerson[0],
      "--wsdl",
      contactAndPerson[1],
      "--exclude-operations",
      "Person.ChangeCountry",
      "--exclude-operations",
      "EMail.Save",
      "--out",
      "out",
    ]);
  });

  // Today's soapgen, as the bench builds it, fails where the issue says it does and generates without the
  // operation it cannot merge: it is the soapgen of before, not this one.
  it("builds today's soapgen, which cannot merge Contact's and Person's ChangeCountry", async () => {
    const cli = baselineCli();
    expect(BASELINE_EXCLUSIONS).toContain("Person.ChangeCountry");
    const run = (exclude: string[], out: string) =>
      promisify(execFile)(process.execPath, [
        cli,
        ...generateArgs(contactAndPerson, join(dir, out), exclude),
      ]);
    await expect(run([], "merged")).rejects.toMatchObject({
      stderr: expect.stringContaining("ChangeCountryResponse cannot be merged"),
    });
    await run(["Person.ChangeCountry"], "today");
    expect(readdirSync(join(dir, "today"))).toEqual(expect.arrayContaining(["contact.ts", "person.ts"]));
    expect(readFileSync(join(dir, "today", "person.ts"), "utf8")).not.toContain("async changeCountry(");
    await promisify(execFile)(process.execPath, [
      resolve("dist/generator/cli.js"),
      ...generateArgs(contactAndPerson, join(dir, "now"), []),
    ]);
    expect(readFileSync(join(dir, "now", "person.ts"), "utf8")).toContain("async changeCountry(");
  }, 120_000);

  it("counts the lines and bytes of the .ts files, nested ones too, and nothing else", () => {
    const sdk = join(dir, "size");
    mkdirSync(join(sdk, "runtime"), { recursive: true });
    writeFileSync(join(sdk, "a.ts"), "one\ntwo\n");
    writeFileSync(join(sdk, "runtime", "b.ts"), "three é");
    writeFileSync(join(sdk, "c.js"), "not counted\n");
    expect(tsSize(sdk)).toEqual({ files: 2, lines: 3, bytes: 8 + 8 });
  });

  it("counts the modules an import loads, those of the SDK apart, and not the bench's own", async () => {
    // Inside the project's node_modules, so that `fast-xml-parser` resolves, as the bench's compiled SDKs are.
    mkdirSync(resolve("node_modules/.cache"), { recursive: true });
    const sdk = mkdtempSync(resolve("node_modules/.cache/soapgen-bench-shape-"));
    afterAll(() => rmSync(sdk, { recursive: true, force: true }));
    mkdirSync(join(sdk, "runtime"));
    writeFileSync(join(sdk, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(sdk, "contact.js"),
      'import { base } from "./runtime/base.js";\nexport class ContactClient { x = base; }\n',
    );
    writeFileSync(
      join(sdk, "runtime", "base.js"),
      'export { XMLParser } from "fast-xml-parser";\nexport const base = 1;\n',
    );
    writeFileSync(join(sdk, "unused.js"), "export const unused = 1;\n");
    const list = join(dir, "modules.txt");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        resolve("bench/module-list.mjs"),
        resolve("bench/import-child.mjs"),
        join(sdk, "contact.js"),
        "ContactClient",
      ],
      { env: { ...process.env, SOAPGEN_BENCH_MODULES: list } },
    );
    expect(JSON.parse(stdout)).toEqual({ ms: expect.any(Number) });
    const loaded = loadedModules(list, sdk);
    const sdkBytes = ["contact.js", "runtime/base.js"].reduce(
      (n, file) => n + statSync(join(sdk, file)).size,
      0,
    );
    expect(loaded).toMatchObject({ sdk_modules: 2, sdk_bytes: sdkBytes });
    expect(loaded.modules).toBeGreaterThan(2); // fast-xml-parser and its dependencies
    expect(loaded.bytes).toBeGreaterThan(sdkBytes);
    expect(readFileSync(list, "utf8")).toContain("import-child.mjs");
  });
});
