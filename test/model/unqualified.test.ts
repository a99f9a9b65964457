import { describe, expect, it } from "vitest";
import { builtin, complex, element, load, named, q } from "./helpers.js";

const NS = "urn:example:unqualified";

describe("unqualified.wsdl: element forms", async () => {
  const model = await load("unqualified.wsdl");

  it("leaves local elements unqualified unless form=qualified; refs keep the global name", () => {
    expect(complex(model, NS, "Unqualified").content?.particles).toEqual([
      element(q("", "plain"), builtin("string")),
      element(q(NS, "qualified"), builtin("string")),
      element(q(NS, "Note"), builtin("string"), { minOccurs: 0 }),
      element(q("", "nested"), named(NS, "UnqualifiedNested")),
    ]);
    expect(complex(model, NS, "UnqualifiedNested").content?.particles).toEqual([
      element(q("", "inner"), builtin("int")),
    ]);
  });
});
