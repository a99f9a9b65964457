import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadServiceModel } from "../../generator/parse.js";
import { DATACONTRACT_ARRAYS_NS, DATACONTRACT_NS, XSD_NS } from "../../generator/lib/namespaces.js";
import { builtin, complex, element, named, q, simple } from "./helpers.js";

const WSDL = path.resolve("../shared/superoffice-docs/Services88/Services88-CustomerService.wsdl");
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const el = (local: string) => `{${NS}}${local}`;

describe("SuperOffice Services88 CustomerService", async () => {
  const model = await loadServiceModel({ location: WSDL });

  it("has one SOAP 1.1 port with 33 operations", () => {
    expect(model.ports).toHaveLength(1);
    const [port] = model.ports;
    expect(port?.soapVersion).toBe("1.1");
    expect(port?.portType).toEqual(q(NS, "CustomerService"));
    expect(port?.address).toBe("https://sod.superoffice.com/Cust12345/Remote/Services88/CustomerService.svc");
    expect(port?.operations).toHaveLength(33);
  });

  it("reads ChatSessionsForUser's soapAction, documentation, body and headers", () => {
    const op = model.ports[0]?.operations.find((o) => o.name === "ChatSessionsForUser");
    expect(op?.soapAction).toBe(`${NS}/CustomerService/ChatSessionsForUser`);
    expect(op?.documentation).toBe(
      "Get all chat TOPICS which this user is a member of. Members means that you have at least one of: Can Respond, Notifications, Listen or Manager",
    );
    expect(op?.input.body).toEqual([{ name: "parameters", element: el("ChatSessionsForUser") }]);
    expect(op?.input.headers.map((h) => h.element)).toEqual([
      el("ApplicationToken"),
      el("Credentials"),
      el("TimeZone"),
    ]);
    expect(op?.output?.headers.map((h) => h.name)).toEqual([
      "ExceptionInfo",
      "ExtraInfo",
      "Succeeded",
      "TimeZone",
    ]);
  });

  it("finds the failure headers NetServer answers in place of a fault", () => {
    expect(model.ports[0]?.failureHeaders).toEqual({
      succeeded: el("Succeeded"),
      exceptionInfo: el("ExceptionInfo"),
    });
  });

  it("reads the DataContract shapes", () => {
    expect(complex(model, NS, "CustomerCenterConfig").base).toEqual(q(NS, "Carrier"));
    expect(simple(model, NS, "ETableRight")).toMatchObject({
      variety: "list",
      builtin: "string",
      itemType: named(NS, "ETableRightItem"),
      enumeration: ["Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate"],
    });
    expect(complex(model, NS, "FieldPropertyDictionary").dictionary).toEqual({
      entry: q(NS, "FieldPropertyDictionaryKeyValuePair"),
      key: element(q(NS, "Key"), builtin("string"), { nillable: true }),
      value: element(q(NS, "Value"), named(NS, "FieldProperty"), { nillable: true }),
    });
    expect(complex(model, NS, "ArrayOfChatSession").arrayItem).toEqual(
      element(q(NS, "ChatSession"), named(NS, "ChatSession"), {
        nillable: true,
        minOccurs: 0,
        maxOccurs: "unbounded",
      }),
    );
    expect(simple(model, NS, "ConfigType").actualType).toEqual(q(XSD_NS, "short"));
    expect(complex(model, DATACONTRACT_ARRAYS_NS, "ArrayOfint").arrayItem?.type).toEqual(builtin("int"));
    expect(simple(model, DATACONTRACT_NS, "guid").builtin).toBe("string");
  });
});
