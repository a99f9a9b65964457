/**
 * The generated CustomerService client against what a newer Services88 sends: the published Contact
 * WSDL's ETableRight/EFieldRight values (which the CustomerService WSDL lacks), an enumeration value and
 * an element that do not exist yet. The call succeeds, the values are kept, and they can be sent back.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CustomerServiceClient,
  customerServiceTables,
  encodeMessage,
  SoapDecodeError,
} from "../../generated/customer-service/index.js";
import type {
  CustomerCenterConfig,
  EFieldRight,
  ETableRight,
} from "../../generated/customer-service/index.js";

const DOCS = resolve(process.cwd(), "../shared/superoffice-docs/Services88");

/** The enumeration values of a named `xs:list` simple type, read from a WSDL's text. */
function listValues(wsdlFile: string, typeName: string): string[] {
  const text = readFileSync(resolve(DOCS, wsdlFile), "utf8");
  const start = text.indexOf(`<xs:simpleType name="${typeName}">`);
  const block = text.slice(start, text.indexOf("</xs:list>", start));
  return [...block.matchAll(/<xs:enumeration value="([^"]+)"/g)].map((match) => match[1] as string);
}

function newerValues(typeName: string): string[] {
  const old = new Set(listValues("Services88-CustomerService.wsdl", typeName));
  return listValues("Services88-Contact.wsdl", typeName).filter((value) => !old.has(value));
}

const config: CustomerCenterConfig = {
  CustConfigId: 7,
  Type: "Style",
  TableRight: { Mask: ["Select", "Update"], Reason: "" },
  FieldProperties: {
    Name: { FieldRight: { Mask: ["Read"], Reason: null }, FieldType: "string", FieldLength: 40 },
  },
};

/** A GetCustomerCenterConfig response as a newer server writes it. */
function newerResponse(tableRights: string[], fieldRights: string[]): string {
  return encodeMessage(
    customerServiceTables,
    "GetCustomerCenterConfig",
    "output",
    { Response: config },
    { Succeeded: true },
  )
    .replace(
      "<ns0:Mask>Select Update</ns0:Mask>",
      `<ns0:Mask>${["Select", "Update", ...tableRights].join(" ")}</ns0:Mask>`,
    )
    .replace("<ns0:Mask>Read</ns0:Mask>", `<ns0:Mask>${["Read", ...fieldRights].join(" ")}</ns0:Mask>`)
    .replace("<ns0:Type>Style</ns0:Type>", "<ns0:Type>Layout</ns0:Type><ns0:NewSetting>on</ns0:NewSetting>");
}

function serving(xml: string, sent: string[] = []): typeof fetch {
  return async (_input, init) => {
    sent.push(String(init?.body));
    return new Response(xml, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
}

describe("the CustomerService client against a newer Services88", () => {
  const tableRights = newerValues("ETableRight");
  const fieldRights = newerValues("EFieldRight");

  it("types flags open to decoded values but closed to misspelt literals", () => {
    const known: ETableRight = ["Select", "Insert"];
    // @ts-expect-error a misspelt flag is not an ETableRight: only the decoder makes UnknownEnumValues
    const misspelt: ETableRight = ["Selct"];
    expect([known, misspelt]).toHaveLength(2);
  });

  it("finds the values the Contact WSDL added", () => {
    expect(tableRights).toEqual(["Unused1", "Uninitialized", "R", "F"]);
    expect(fieldRights).toEqual(["Nullable"]);
  });

  it("decodes them, an unknown enumeration value and an added element, and says what it tolerated", async () => {
    const client = new CustomerServiceClient({ fetch: serving(newerResponse(tableRights, fieldRights)) });
    const { body, deviations } = await client.call("GetCustomerCenterConfig", { CustomerCenterConfigId: 7 });
    const mask: ETableRight | undefined = body.Response?.TableRight?.Mask;
    expect(mask).toEqual(["Select", "Update", ...tableRights]);
    const fieldMask: EFieldRight | undefined = body.Response?.FieldProperties?.["Name"]?.FieldRight?.Mask;
    expect(fieldMask).toEqual(["Read", "Nullable"]);
    expect(body.Response?.Type).toBe("Layout");
    expect(body.Response).not.toHaveProperty("NewSetting");
    // In document order: Carrier's fields come first.
    expect(deviations.map((d) => `${d.kind} ${d.detail}`)).toEqual([
      ...tableRights.map((value) => `unknownValue ${value}`),
      "unknownValue Nullable",
      "unknownValue Layout",
      "unknownElement http://www.superoffice.net/ws/crm/NetServer/Services88",
    ]);
  });

  it("sends the fetched entity back unchanged", async () => {
    const sent: string[] = [];
    const client = new CustomerServiceClient({
      fetch: serving(newerResponse(tableRights, fieldRights), sent),
    });
    const fetched = await client.getCustomerCenterConfig({ CustomerCenterConfigId: 7 });
    await client.saveCustomerCenterConfig({ CustomerCenterConfig: fetched.Response ?? null }).catch(() => {});
    expect(sent[1]).toContain(`<ns0:Mask>${["Select", "Update", ...tableRights].join(" ")}</ns0:Mask>`);
    expect(sent[1]).toContain("<ns0:Type>Layout</ns0:Type>");
  });

  it("refuses all of it when strict", async () => {
    const client = new CustomerServiceClient({
      fetch: serving(newerResponse(tableRights, [])),
      strict: true,
    });
    await expect(client.getCustomerCenterConfig({ CustomerCenterConfigId: 7 })).rejects.toThrow(
      SoapDecodeError,
    );
  });
});
