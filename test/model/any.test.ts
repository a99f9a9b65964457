import { describe, expect, it } from "vitest";
import { builtin, complex, element, load, q } from "./helpers.js";

const NS = "urn:example:any";

describe("any.wsdl: wildcards", async () => {
  const model = await load("any.wsdl");

  it("keeps xs:any and maps xs:anyType and untyped elements to anyType", () => {
    const envelope = complex(model, NS, "Envelope");
    expect(envelope.content?.particles).toEqual([
      element(q(NS, "Payload"), builtin("anyType")),
      element(q(NS, "Untyped"), builtin("anyType")),
      { kind: "any", namespace: "##other", processContents: "lax", minOccurs: 0, maxOccurs: "unbounded" },
      { kind: "any", namespace: "##any", processContents: "strict", minOccurs: 1, maxOccurs: 1 },
    ]);
    expect(envelope.anyAttribute).toBe(true);
    expect(model.elements.get(`{${NS}}AnyResponse`)?.type).toEqual(builtin("anyType"));
  });
});
