/**
 * The committed CustomerService + Contact SDK (`generated/superoffice/`): two agents' WSDLs in one output
 * with one runtime, their shared types once, every operation of both a method, one error hierarchy.
 * (Its strictest compile is in strict-compile.test.ts, which compiles all of generated/.)
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedFiles } from "../../generator/format/index.js";
import { render } from "../../generator/generate.js";
import { loadServiceModel } from "../../generator/parse.js";
import {
  ContactClient,
  CustomerServiceClient,
  SoapError,
  SoapFaultError,
  SoapHttpError,
} from "../../generated/superoffice/index.js";
import { committedFiles } from "./committed.js";
import { clientModules } from "./output.js";

const DOCS = resolve(process.cwd(), "../shared/superoffice-docs/Services88");
const CUSTOMER_SERVICE = join(DOCS, "Services88-CustomerService.wsdl");
const CONTACT = join(DOCS, "Services88-Contact.wsdl");
const OUT = resolve(process.cwd(), "generated/superoffice");

let rendered: GeneratedFiles;
beforeAll(async () => {
  rendered = await render([CUSTOMER_SERVICE, CONTACT]);
});

describe("generated/superoffice", () => {
  it("is exactly what the two WSDLs generate now, in either order", async () => {
    const committed = committedFiles(OUT);
    expect([...rendered.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [name, text] of rendered) expect(committed.get(name), name).toBe(text);
    const reversed = await render([CONTACT, CUSTOMER_SERVICE]);
    expect([...reversed.entries()]).toEqual([...rendered.entries()]);
  });

  it("holds one runtime, the shared types, one module per agent and the index", () => {
    const runtime = readdirSync(resolve(process.cwd(), "templates/runtime")).filter((f) => f.endsWith(".ts"));
    expect([...rendered.keys()].filter((path) => path.includes("/")).sort()).toEqual(
      runtime.map((file) => `runtime/${file}`).sort(),
    );
    expect(clientModules(rendered)).toEqual(["contact.ts", "customer-service.ts"]);
  });

  it("declares each exported name once across its modules, so index.ts re-exports them without collisions", () => {
    // A name may be declared once as a type and once as a value (`SoapFaultError` is both, as a class is).
    const declarations = [...rendered]
      .filter(([path]) => path !== "index.ts")
      .flatMap(([, text]) =>
        [
          ...text.matchAll(
            /^export (?:declare )?(?:abstract )?(interface|type|class|const|function) (\w+)/gm,
          ),
        ].flatMap((m) => {
          const spaces =
            m[1] === "class"
              ? ["type", "value"]
              : m[1] === "interface" || m[1] === "type"
                ? ["type"]
                : ["value"];
          return spaces.map((space) => `${space} ${m[2]!}`);
        }),
      );
    expect(declarations.length).toBeGreaterThan(200);
    expect(declarations.filter((name, i) => declarations.indexOf(name) !== i)).toEqual([]);
  });

  it("emits Carrier and ETableRight once, ETableRight with the values of both WSDLs", () => {
    const all = [...rendered.values()].join("\n");
    expect(all.match(/^export interface Carrier \{/gm)).toHaveLength(1);
    expect(all.match(/^export type ETableRight = /gm)).toHaveLength(1);
    expect(rendered.get("types.ts")).toContain(
      [
        "export type ETableRight = (",
        '  | "Select"',
        '  | "Update"',
        '  | "Insert"',
        '  | "Delete"',
        '  | "Filtering"',
        '  | "RestrictedUpdate"',
        '  | "Unused1"',
        '  | "Uninitialized"',
        '  | "R"',
        '  | "F"',
        "  | UnknownEnumValue",
        ")[];",
      ].join("\n"),
    );
    // The wire table of the item type: the decoder accepts the values of both WSDLs.
    expect(rendered.get("tables.ts")).toContain(
      `      "RestrictedUpdate",\n      "Unused1",\n      "Uninitialized",\n      "R",\n      "F",\n    ],`,
    );
  });

  it("has a method for every operation of both agents", async () => {
    for (const [wsdl, client] of [
      [CUSTOMER_SERVICE, CustomerServiceClient],
      [CONTACT, ContactClient],
    ] as const) {
      const operations = (await loadServiceModel({ location: wsdl })).ports.flatMap((port) =>
        port.operations.map((op) => op.name),
      );
      expect(operations.length).toBeGreaterThan(30);
      const methods = Object.getOwnPropertyNames(client.prototype).filter(
        (name) => name !== "constructor" && name !== "call",
      );
      expect(methods.sort()).toEqual(operations.map((op) => op.charAt(0).toLowerCase() + op.slice(1)).sort());
    }
  });

  it("throws errors of the one SoapError hierarchy from either client", async () => {
    const answer = (status: number, body: string) => async () =>
      new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
      "<faultcode>s:Server</faultcode><faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>";
    const endpoint = "http://127.0.0.1:9/never-called";
    const errors: unknown[] = [];
    for (const [status, body, expected] of [
      [500, fault, SoapFaultError],
      [503, "busy", SoapHttpError],
    ] as const) {
      const contact = new ContactClient({ endpoint, fetch: answer(status, body) });
      const customerService = new CustomerServiceClient({ endpoint, fetch: answer(status, body) });
      for (const call of [
        () => contact.getContactEntity({ ContactEntityId: 1 }),
        () => customerService.getMailboxes(),
      ]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(expected);
        errors.push(error);
      }
    }
    expect(errors).toHaveLength(4);
    for (const error of errors) expect(error).toBeInstanceOf(SoapError);
  });
});
