import { describe, expect, it } from "vitest";
import { builtin, complex, load, named, q, simple } from "./helpers.js";

const NS = "urn:example:attributes";

describe("attributes.wsdl", async () => {
  const model = await load("attributes.wsdl");

  it("reads attributes in order, with groups inlined where referenced", () => {
    const doc = complex(model, NS, "Document");
    expect(doc.attributes).toEqual([
      { name: q(NS, "id"), type: builtin("ID"), use: "required" },
      { name: q(NS, "status"), type: named(NS, "DocumentStatus"), use: "optional", default: "draft" },
      { name: q(NS, "kind"), type: builtin("string"), use: "optional", fixed: "document" },
      { name: q(NS, "version"), type: builtin("int"), use: "optional" },
      { name: q("http://www.w3.org/XML/1998/namespace", "lang"), type: builtin("string"), use: "optional" },
      { name: q("", "createdBy"), type: builtin("string"), use: "optional" },
      { name: q(NS, "stamp"), type: builtin("dateTime"), use: "optional" },
    ]);
    expect(doc.anyAttribute).toBe(true);
  });

  it("hoists an attribute's anonymous type as <Owner><Attribute>", () => {
    expect(simple(model, NS, "DocumentStatus")).toMatchObject({
      anonymous: true,
      builtin: "string",
      enumeration: ["draft", "final"],
    });
  });
});
