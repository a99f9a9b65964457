/**
 * Several WSDLs into one output: the merge rule per construct, each case it refuses, portType clashes,
 * independence of the input order, and operation selection pruning what no kept operation needs.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { render, type RenderOptions } from "../../generator/generate.js";
import { SoapgenError } from "../../generator/errors.js";
import { outputParts } from "./output.js";
import { declaration } from "./given-want.js";

const merge = (name: string): string => resolve(process.cwd(), "wsdl/merge", name);
const AGENT_A = merge("agent-a.wsdl");
const AGENT_B = merge("agent-b.wsdl");

async function failure(wsdls: string[], options: RenderOptions = {}): Promise<string> {
  const error: unknown = await render(wsdls, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SoapgenError);
  return (error as SoapgenError).message;
}

describe("merging two agents' WSDLs", async () => {
  const files = await render([AGENT_A, AGENT_B]);
  const types = files.get("types.ts")!;

  it("takes the union of an enumeration's values, the first WSDL's first", () => {
    expect(declaration(types, "Right")).toBe(
      'export type Right = "Read" | "Write" | "Delete" | UnknownEnumValue;\n',
    );
    expect(files.get("tables.ts")).toContain(
      '    base: "string",\n    enumeration: ["Read", "Write", "Delete"],\n',
    );
  });

  it("takes the union of an xs:list flag's values", () => {
    expect(declaration(types, "Flags")).toBe(
      '/** An `xs:list`: sent as the items separated by spaces (WCF flag enums). */\nexport type Flags = ("Bold" | "Italic" | "Underline" | UnknownEnumValue)[];\n',
    );
  });

  it("takes the union of a complex type's fields: one only some WSDLs have becomes optional, in both orders", () => {
    expect(declaration(types, "Carrier")).toBe(
      [
        "export interface Carrier {",
        "  Id: number;",
        "  Extra?: string;", // agent-b only, between Id and Name as there
        "  Name: string | null;",
        "  OnlyA?: string;", // agent-a only
        "  Shared?: Shared;", // optional in agent-a, required in agent-b: optional
        "  version?: number;", // a required attribute of agent-a only
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes the wire tables of the merged type", () => {
    expect(files.get("tables.ts")).toContain(
      [
        "    xmlNs: nsmerge,",
        "    fields: [",
        '      { name: "Id", type: "int" },',
        '      { name: "Extra", type: "string", optional: true },',
        '      { name: "Name", type: "string", nillable: true },',
        '      { name: "OnlyA", type: "string", optional: true },',
        '      { name: "Shared", type: "Shared", optional: true },',
        "    ],",
        '    attributes: [{ name: "version", ns: "", type: "int", optional: true }],',
      ].join("\n"),
    );
  });

  it("emits a type both define alike once, and each client in its own module", () => {
    const everything = [...files].filter(([path]) => !path.startsWith("runtime/")).map(([, text]) => text);
    expect(everything.join("\n").match(/^export interface Shared \{/gm)).toHaveLength(1);
    expect([...files.keys()].filter((path) => !path.startsWith("runtime/")).sort()).toEqual([
      ".soapgen.json",
      "agent-a.stub.ts",
      "agent-a.ts",
      "agent-b.stub.ts",
      "agent-b.ts",
      "index.ts",
      "stub.ts",
      "tables.ts",
      "types.ts",
    ]);
    expect(files.get("index.ts")!.split("\n").slice(1).join("\n")).toBe(
      [
        'export * from "./runtime/index.js";',
        'export * from "./types.js";',
        'export * from "./agent-a.js";',
        'export * from "./agent-b.js";',
        'export type * from "./stub.js";',
        "",
      ].join("\n"),
    );
  });

  it("writes the same files whatever order the WSDLs are given in, run to run", async () => {
    const reversed = await render([AGENT_B, AGENT_A]);
    expect([...reversed.entries()]).toEqual([...files.entries()]);
  });
});

describe("what the merge refuses, in one line naming both WSDLs, the type and the difference", () => {
  it.each([
    [
      "conflict-field-type.wsdl",
      "type {urn:merge}Carrier cannot be merged: field Id is xs:int in agent-a.wsdl but xs:string in conflict-field-type.wsdl",
    ],
    [
      "conflict-repeated.wsdl",
      "type {urn:merge}Carrier cannot be merged: field Id is xs:int in agent-a.wsdl but xs:int[] in conflict-repeated.wsdl",
    ],
    [
      "conflict-kind.wsdl",
      "type {urn:merge}Right cannot be merged: it is a simple type in agent-a.wsdl but a complex type in conflict-kind.wsdl",
    ],
    [
      "conflict-base.wsdl",
      "type {urn:merge}Right cannot be merged: its value type is xs:string in agent-a.wsdl but xs:int in conflict-base.wsdl",
    ],
    [
      "conflict-order.wsdl",
      "type {urn:merge}Carrier cannot be merged: fields Name and Id are in a different order in agent-a.wsdl and conflict-order.wsdl",
    ],
    [
      "conflict-choice.wsdl",
      "type {urn:merge}Carrier cannot be merged: its content differs and is not a plain sequence of elements (a sequence vs a choice)",
    ],
  ])("%s", async (name, difference) => {
    const message = await failure([merge(name), AGENT_A]);
    expect(message).toBe(
      `agent-a.wsdl and ${name}: ${difference}. agent-a.wsdl needs it for AgentA.GetCarrier, ${name} for ` +
        "Conflicting.Use: generate the two into separate outputs, or leave one side's operations out (excludeOperations)",
    );
  });

  it("a global element other than a body element keeps the rule: a header block of two types", async () => {
    const message = await failure([merge("header-b.wsdl"), merge("header-a.wsdl")]);
    expect(message).toBe(
      "header-a.wsdl and header-b.wsdl: element {urn:merge}Session cannot be merged: its type is xs:string in " +
        "header-a.wsdl but xs:int in header-b.wsdl. header-a.wsdl needs it for HeaderA.Ping, header-b.wsdl for " +
        "HeaderB.Ping: generate the two into separate outputs, or leave one side's operations out (excludeOperations)",
    );
  });

  it("refuses the same WSDL given twice", async () => {
    expect(await failure([AGENT_A, AGENT_A])).toBe(`${AGENT_A}: the same WSDL is given twice`);
  });
});

describe("an operation's messages belong to its port", () => {
  it("two WSDLs' wrapper elements of one name stay two messages, each in its client's module", async () => {
    const files = await render([merge("same-wrapper.wsdl"), AGENT_A]);
    expect(declaration(files.get("agent-a.ts")!, "GetCarrierRequest")).toBe(
      "export interface GetCarrierRequest {\n  Id: number;\n}\n",
    );
    // Here GetCarrier is an xs:string: a part, not a wrapper.
    expect(declaration(files.get("conflicting.ts")!, "FetchRequest")).toMatch(/parameters: string;/);
  });
});

describe("portType names two WSDLs share", () => {
  it("number the later WSDL's client (by WSDL name): AgentAClient, AgentA2Client", async () => {
    const files = await render([merge("clash-agent.wsdl"), AGENT_A]);
    expect(files.get("agent-a.ts")).toContain("export class AgentAClient {");
    expect(files.get("agent-a.ts")).toContain("async getCarrier(");
    expect(files.get("agent-a2.ts")).toContain("export class AgentA2Client {");
    expect(files.get("agent-a2.ts")).toContain("async ping(");
  });
});

describe("operation selection", () => {
  const methods = (text: string): string[] => [...text.matchAll(/^ {2}async (\w+)\(/gm)].map((m) => m[1]!);

  it("keeps only the named operations and leaves out the types no kept operation needs", async () => {
    const files = await render([AGENT_A, AGENT_B], { operations: ["GetRight"] });
    expect([...files.keys()].filter((path) => !path.startsWith("runtime/")).sort()).toEqual([
      ".soapgen.json",
      "agent-b.stub.ts",
      "agent-b.ts",
      "index.ts",
      "stub.ts",
      "tables.ts",
      "types.ts",
    ]);
    expect(methods(files.get("agent-b.ts")!)).toEqual(["getRight"]);
    const { types, schema } = outputParts(files);
    expect(types.match(/^export (?:interface|type) \w+/gm)).toEqual([
      "export type Right",
      "export interface GetRightRequest",
      "export interface GetRightResponse",
      "export interface AgentBRequestHeaders",
      "export interface AgentBResponseHeaders",
      "export interface AgentBOperations",
      "export type AgentBClientOptions",
    ]);
    expect(schema).not.toMatch(/Carrier|Shared|Flags/);
  });

  it("drops the operations excludeOperations globs match, after portType-qualified includes", async () => {
    const files = await render([AGENT_A, AGENT_B], {
      operations: ["AgentB.*", "GetCarrier"],
      excludeOperations: ["*Carrier"],
    });
    expect(files.has("agent-a.ts")).toBe(false);
    expect(methods(files.get("agent-b.ts")!)).toEqual(["getRight"]);
  });

  it("keeps the types the kept operations reach through other types", async () => {
    const files = await render([AGENT_B], { operations: ["Save?arrier"] });
    expect(methods(files.get("agent-b.ts")!)).toEqual(["saveCarrier"]);
    expect(files.get("types.ts")!.match(/^export (?:interface|type) \w+/gm)).toEqual([
      "export type Flags",
      "export interface Carrier",
      "export interface Shared",
    ]);
  });

  it("names the closest operations when a pattern matches none", async () => {
    expect(await failure([AGENT_A, AGENT_B], { operations: ["GetRigth"] })).toBe(
      'agent-a.wsdl, agent-b.wsdl: operations "GetRigth" matches no operation; closest: GetRight, GetCarrier, SaveCarrier',
    );
    expect(await failure([AGENT_B], { excludeOperations: ["Remove*"] })).toBe(
      'agent-b.wsdl: excludeOperations "Remove*" matches no operation; closest: GetRight, SaveCarrier, DeleteCarrier',
    );
  });

  it("refuses a selection that keeps nothing", async () => {
    expect(await failure([AGENT_B], { operations: ["GetRight"], excludeOperations: ["Get*"] })).toBe(
      "agent-b.wsdl: the operation selection keeps no operation: there is no client to generate",
    );
  });
});

describe("types derived from a shared base", () => {
  const agent = (name: string, derived: string) => `<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:derived" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:derived" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types><xs:schema targetNamespace="urn:derived" elementFormDefault="qualified">
    <xs:complexType name="Carrier"><xs:sequence><xs:element name="Id" type="xs:int"/></xs:sequence></xs:complexType>
    <xs:complexType name="${derived}"><xs:complexContent><xs:extension base="tns:Carrier"><xs:sequence><xs:element name="${derived}Name" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
    <xs:element name="Get"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    <xs:element name="GetResponse"><xs:complexType><xs:sequence><xs:element name="Response" type="tns:Carrier"/></xs:sequence></xs:complexType></xs:element>
  </xs:schema></wsdl:types>
  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Get"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:GetResponse"/></wsdl:message>
  <wsdl:portType name="${name}"><wsdl:operation name="Get"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="${name}Binding" type="tns:${name}"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Get"><soap:operation soapAction="urn:derived/${name}/Get"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;

  it("live with the one agent that defines them: an app importing the other loads none of their tables", async () => {
    const files = await render([
      { text: agent("Contacts", "ContactCarrier"), name: "contacts.wsdl" },
      { text: agent("Persons", "PersonCarrier"), name: "persons.wsdl" },
    ]);
    // Carrier is both agents': shared. Each derived type is its own agent's, tables included.
    expect(files.get("types.ts")).toMatch(/export interface Carrier \{/);
    expect(files.get("types.ts")).not.toMatch(/ContactCarrier \{|PersonCarrier \{/);
    expect(files.get("tables.ts")).not.toMatch(/ContactCarrier: \{|PersonCarrier: \{/);
    expect(files.get("contacts.ts")).toMatch(/export interface ContactCarrier extends Carrier \{/);
    expect(files.get("contacts.ts")).toMatch(/ {2}ContactCarrier: \{/);
    expect(files.get("contacts.ts")).not.toMatch(/PersonCarrier: \{/);
    expect(files.get("persons.ts")).toMatch(/ {2}PersonCarrier: \{/);
    expect(files.get("persons.ts")).not.toMatch(/ContactCarrier: \{/);
  });
});
