import { describe, expect, it } from "vitest";
import { DATACONTRACT_ARRAYS_NS, XSD_NS } from "../../generator/lib/namespaces.js";
import { builtin, complex, element, load, named, q, simple } from "./helpers.js";

const NS = "urn:example:dictionary";

describe("dictionary.wsdl: WCF DataContract conventions", async () => {
  const model = await load("dictionary.wsdl");

  it("turns an IsDictionary type into entry/key/value", () => {
    expect(complex(model, NS, "Settings").dictionary).toEqual({
      entry: q(NS, "SettingsKeyValuePair"),
      key: element(q(NS, "Key"), builtin("string"), { nillable: true }),
      value: element(q(NS, "Value"), builtin("int")),
    });
    expect(complex(model, NS, "Settings").arrayItem).toBeUndefined();
  });

  it("keeps the IsDictionary annotation as model data, and only on the annotated type", () => {
    expect(complex(model, NS, "Settings").isDictionary).toBe(true);
    expect(complex(model, NS, "ArrayOfLevel").isDictionary).toBeUndefined();
  });

  it("marks ArrayOfX wrappers, in any namespace, with their item", () => {
    expect(complex(model, NS, "ArrayOfLevel").arrayItem).toEqual(
      element(q(NS, "Level"), named(NS, "Level"), { minOccurs: 0, maxOccurs: "unbounded" }),
    );
    expect(complex(model, DATACONTRACT_ARRAYS_NS, "ArrayOfstring").arrayItem).toEqual(
      element(q(DATACONTRACT_ARRAYS_NS, "string"), builtin("string"), {
        nillable: true,
        minOccurs: 0,
        maxOccurs: "unbounded",
      }),
    );
  });

  it("does not mark an ArrayOf type with attributes", () => {
    const pairs = complex(model, NS, "ArrayOfPair");
    expect(pairs.arrayItem).toBeUndefined();
    expect(pairs.documentation).toBe("Not a wrapper: it has an attribute.");
  });

  it("reads ActualType", () => {
    expect(simple(model, NS, "Level").actualType).toEqual(q(XSD_NS, "short"));
  });
});
