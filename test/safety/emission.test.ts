/**
 * Names and text from the WSDL can be anything. The hand-written hostile WSDLs in wsdl/hostile/ must give
 * clients that compile under the strictest settings, whose code (everything outside comments and string
 * literals) holds nothing that came from the WSDL's text, and whose tables keep every name as an own key.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Project, ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNTIME_EXPORTS, SERVER_EXPORTS } from "../../generator/emit/context.js";
import { render } from "../../generator/generate.js";
import { outputParts } from "../generator/output.js";
import { docText, lineCommentText, memberName, objectKey, toTypeName } from "../../generator/lib/names.js";
import { decodeMessage, encodeMessage, type ServiceMeta } from "../../templates/runtime/index.js";
import { codeTokens, compileAll, generatedSources, injectedCode, ROOT, tempDir } from "./harness.js";
import { wsdlWithSchema } from "../generator/given-want.js";

const HOSTILE = ["names.wsdl", "injection.wsdl", "cycle/service.wsdl"].map((name) =>
  resolve(ROOT, "wsdl/hostile", name),
);
const outputs = new Map<string, Map<string, string>>();
const dir = tempDir("emission");

beforeAll(async () => {
  for (const wsdl of HOSTILE)
    outputs.set(wsdl.slice(ROOT.length + 1).replace(/\W/g, "_"), await render(wsdl));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = (name: string): Map<string, string> =>
  outputs.get(`wsdl_hostile_${name.replace(/\W/g, "_")}`)!;
const file = (name: string, path: string): string => output(name).get(path)!;

describe("hostile WSDLs", () => {
  it("compile under the strictest compiler options, in one tsc run", async () => {
    const diagnostics = await compileAll(outputs);
    expect(Object.fromEntries(diagnostics)).toEqual(
      Object.fromEntries([...outputs.keys()].map((name) => [name, []])),
    );
  });

  it("keep every payload inside comments and string literals", () => {
    const injection = output("injection.wsdl");
    // The payloads did reach the output, as text: otherwise this test would prove nothing.
    const everything = generatedSources(injection)
      .map(([, text]) => text)
      .join("\n");
    for (const marker of [
      "PWNED_ENUM_DQ",
      "PWNED_ENUM_TPL",
      "PWNED_ACTION_BT",
      "PWNED_ADDRESS_LS",
      "PWNED_NS2",
      "PWNED_LS",
      "PWNED_PORT_DOC",
      "PWNED_CDATA2",
      "PWNED_PROPERTY_DOC",
      "PWNED_FAULT_DOC",
      "PWNED_OPERATION_LS",
      "PWNED_SERVICE_LS",
    ]) {
      expect(everything).toContain(marker);
    }
    for (const [name, files] of outputs) {
      for (const [path, text] of generatedSources(files))
        expect(injectedCode(text), `${name}/${path}`).toEqual([]);
    }
  });

  it("write documentation with line breaks and comment terminators neutralised", () => {
    const types = outputParts(output("injection.wsdl")).types;
    expect(types).toContain(
      " * *\\/ PWNED_TYPE_DOC(); /*\n * PWNED_LS(); PWNED_PS(); // *\\/ PWNED_AFTER_LINE_COMMENT();\n",
    );
    expect(types).toContain(`  | "e\\nPWNED_ENUM_NL();"\n  | "f\\u2028PWNED_ENUM_LS();"\n`);
  });

  it("rename what would clash and keep names that are merely unusual", () => {
    const types = outputParts(output("names.wsdl")).types;
    for (const declaration of [
      "export interface Item2 {\n  Other: string;\n}", // tns:Item came first; o:Item is the other namespace's
      "export interface Item3 {\n  lower: string;\n}", // differs only in case: PascalCase, then numbered
      "export interface Date_ {",
      "export interface Promise_ {",
      "export interface Record_ {",
      "export interface Omit_ {",
      "export interface SoapError {", // a runtime export: the schema's name wins (index.ts exports it)
      "export interface FieldMeta {",
      "export type String_ = string;",
      'export type __proto___ = "a" | UnknownEnumValue;', // every object inherits __proto__, ...: names get a _
      'export type _1_kind_x = "b" | UnknownEnumValue;',
      "/**\n * Made by\n * new Item()\n * , shown by\n *\n * .\n */\nexport interface Item {",
      '  "1st": number;\n  "first-name": string;\n  "last.name": string;\n  Größe: number;\n  größe: number;',
      "  class: string;\n  constructor_: string;\n  __proto___: string;\n  delete: string;\n  default: string;",
      "  hasOwnProperty_: string;\n  toString_: string;",
      "  __proto___2?: string;\n  class2?: string;",
    ]) {
      expect(types).toContain(declaration);
    }
    expect(file("names.wsdl", "index.ts")).toContain(
      'export { type SoapError, type FieldMeta } from "./types.js";',
    );
    const index = file("names.wsdl", "class.ts");
    const methods = [...index.matchAll(/^  (?:async )?(\w+)[<(]/gm)].map((m) => m[1]);
    expect(methods).toEqual([
      "constructor",
      "call",
      "call2",
      "constructor2",
      "__proto__2",
      "item",
      "item2",
      "toString2",
      "delete",
    ]);
    const imported = /import type \{([^}]*)\} from "\.\/types\.js"/
      .exec(index)![1]!
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // The types the message declarations use; not K (only the call() type parameter) nor options.
    expect(imported).toEqual(["Everything", "Item"]);
  });

  it("keep __proto__ an own key of the tables, and inherited names plain properties of values", async () => {
    // The tables as the generated modules build them at run time: the client's tables spread the shared ones.
    for (const [path, text] of output("names.wsdl")) {
      mkdirSync(dirname(join(dir, "names", path)), { recursive: true });
      writeFileSync(join(dir, "names", path), text);
    }
    const service = (
      (await import(pathToFileURL(join(dir, "names/class.ts")).href)) as { classTables: ServiceMeta }
    ).classTables;
    expect(Object.hasOwn(service.operations, "__proto__")).toBe(true);
    const { getOperation } = (await import(
      pathToFileURL(join(dir, "names/runtime/envelope.ts")).href
    )) as typeof import("../../templates/runtime/envelope.js");
    expect(getOperation(service, "__proto__").name).toBe("__proto__");
    expect(Object.hasOwn(service.types, "__proto___")).toBe(true);

    const item = {
      class: "c",
      constructor_: "k",
      __proto___: "p",
      delete: "d",
      default: "f",
      "1st": 1,
      "first-name": "a",
      "last.name": "b",
      Größe: 1.5,
      größe: 2.5,
      hasOwnProperty_: "h",
      toString_: "t",
      other: { Other: "o" },
      lower: { lower: "l" },
      __proto___2: "attribute",
    };
    const xml = encodeMessage(service, "Item", "input", item, {});
    expect(xml).toMatch(/<(\w+:)?Item __proto__="attribute"/);
    expect(xml).toMatch(/<(\w+:)?__proto__>p<\/(\w+:)?__proto__>/);
    expect(xml).toMatch(/<(\w+:)?toString>t<\/(\w+:)?toString>/);
    const decoded = decodeMessage(service, "Item", "input", xml).body as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toEqual(item);
  });

  it("write a source name with line terminators as one comment line", async () => {
    const files = await render({
      text: readFileSync(resolve(ROOT, "wsdl/choice.wsdl"), "utf8"),
      name: "evil\u2028PWNED_BANNER();\u2029x\ny.wsdl",
    });
    for (const [path, text] of files) {
      if (!path.endsWith(".ts")) continue;
      expect(codeTokens(text.slice(0, text.indexOf("\n") + 1)), path).toEqual([]);
    }
    // The digest is JSON, not code: the name is a JSON string there, read back as it was given.
    expect(JSON.parse(files.get(".soapgen.json")!).wsdl).toEqual([
      "evil\u2028PWNED_BANNER();\u2029x\ny.wsdl",
    ]);
    expect(files.get("index.ts")!.split("\n")[0]).toBe(
      "// Generated by soapgen from evil PWNED_BANNER(); x y.wsdl. Do not edit: regenerate with soapgen.",
    );
  });
});

/** A WSDL with one operation `Op` whose element `Op` the given schema text declares. */

// Each of these took minutes or ran out of memory before: the test timeout is their time bound.
describe("schemas built to make generation blow up", () => {
  it("a chain of 200 extensions", async () => {
    const chain = Array.from({ length: 200 }, (_, i) =>
      i === 0
        ? `<xs:complexType name="T0"><xs:sequence><xs:element name="a0" type="xs:string"/></xs:sequence></xs:complexType>`
        : `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="tns:T${i - 1}"><xs:sequence><xs:element name="a${i}" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`,
    );
    const types = outputParts(
      await render({ text: wsdlWithSchema(`${chain.join("")}<xs:element name="Op" type="tns:T199"/>`) }),
    ).types;
    expect(types).toContain(
      'export interface T199 extends T198 {\n  /** This type or a derived one, read from and sent as `xsi:type`. */\n  $type?: "T199";\n  a199: string;\n}',
    );
    // Types with more than 64 descendants do not list them: the output stays linear in the chain.
    expect(types).toContain(
      "export interface T0 {\n  /** This type or a derived one, read from and sent as `xsi:type`. */\n  $type?: string;\n",
    );
    // A few lines a type, plus at most 64 listed names for each of the last 64 types.
    expect(types.split("\n").length).toBeLessThan(200 * 8 + 64 * 64);
  });

  it("a choice of 2,000 elements, and choices nested 300 deep, have their elements optional", async () => {
    const wide = Array.from({ length: 2000 }, (_, i) => `<xs:element name="e${i}" type="xs:string"/>`).join(
      "",
    );
    const wideTypes = outputParts(
      await render({
        text: wsdlWithSchema(
          `<xs:element name="Op"><xs:complexType><xs:choice>${wide}</xs:choice></xs:complexType></xs:element>`,
        ),
      }),
    ).types;
    expect(wideTypes).toContain("export interface OpRequest {\n  e0?: string;\n  e1?: string;\n");
    expect(wideTypes).toContain("  e1999?: string;\n}");
    expect(wideTypes).not.toContain("never");

    const deep = `${'<xs:choice><xs:element name="a" type="xs:string"/>'.repeat(300)}<xs:element name="z" type="xs:int"/>${"</xs:choice>".repeat(300)}`;
    const deepTypes = outputParts(
      await render({
        text: wsdlWithSchema(`<xs:element name="Op"><xs:complexType>${deep}</xs:complexType></xs:element>`),
      }),
    ).types;
    expect(deepTypes).toContain("  a300?: string;\n  z?: number;\n}");
    expect(deepTypes).not.toContain("never");
  });

  it("keeps exclusive alternatives for a choice of 64 elements", async () => {
    const choice = Array.from({ length: 64 }, (_, i) => `<xs:element name="e${i}" type="xs:string"/>`).join(
      "",
    );
    const types = outputParts(
      await render({
        text: wsdlWithSchema(
          `<xs:element name="Op"><xs:complexType><xs:choice>${choice}</xs:choice></xs:complexType></xs:element>`,
        ),
      }),
    ).types;
    expect(types).toContain("export type OpRequest =\n  | {\n      e0: string;\n      e1?: never;");
  });
});

describe("name rules", () => {
  it("write __proto__ as a computed key in object literals, where it would set the prototype", () => {
    expect(objectKey("__proto__")).toBe('["__proto__"]');
    expect(objectKey("constructor")).toBe("constructor");
    expect(objectKey("a-b")).toBe('"a-b"');
  });

  it("suffix property names every object inherits", () => {
    expect(
      [
        "__proto__",
        "constructor",
        "toString",
        "valueOf",
        "hasOwnProperty",
        "isPrototypeOf",
        "class",
        "then",
        "Item",
      ].map(memberName),
    ).toEqual([
      "__proto___",
      "constructor_",
      "toString_",
      "valueOf_",
      "hasOwnProperty_",
      "isPrototypeOf_",
      "class",
      "then",
      "Item",
    ]);
  });

  it("keep comments closed and on their lines", () => {
    expect(docText("a */ b\u2028c\u2029d\u0007e")).toBe("a *\\/ b c d e");
    expect(lineCommentText("a\nb\r\u2028c\u2029d\u0000e")).toBe("a b  c d e");
  });

  it("suffix type names that are keywords or globals the output uses", () => {
    expect(
      [
        "class",
        "string",
        "Date",
        "Promise",
        "Record",
        "Omit",
        "Uint8Array",
        "toString",
        "1st",
        "a-b.c",
        "Größe",
      ].map(toTypeName),
    ).toEqual([
      "class_",
      "string_",
      "Date_",
      "Promise_",
      "Record_",
      "Omit_",
      "Uint8Array_",
      "toString_",
      "_1st",
      "a_b_c",
      "Gr__e",
    ]);
  });

  it("reserve exactly the names the runtime exports", () => {
    const project = new Project({
      skipAddingFilesFromTsConfig: true,
      compilerOptions: { allowImportingTsExtensions: false },
    });
    const index = project.addSourceFileAtPath(resolve(ROOT, "templates/runtime/index.ts"));
    project.resolveSourceFileDependencies();
    expect([...index.getExportedDeclarations().keys()].sort()).toEqual([...RUNTIME_EXPORTS].sort());
    // The stub's server module is re-exported by stub.ts, and as types by index.ts.
    const server = project.addSourceFileAtPath(resolve(ROOT, "templates/runtime/server.ts"));
    expect([...server.getExportedDeclarations().keys()].sort()).toEqual([...SERVER_EXPORTS].sort());
  });
});
