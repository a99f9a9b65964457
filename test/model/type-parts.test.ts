import { describe, expect, it } from "vitest";
import { loadServiceModel } from "../../generator/parse.js";
import { builtin, load, named, q } from "./helpers.js";

const NS = "urn:example:type-parts";

describe("type-parts.wsdl", async () => {
  const model = await load("type-parts.wsdl");
  const format = model.ports[0]!.operations[0]!;

  it("sends each type= part as an unqualified element named after the part, in part order", () => {
    expect(format.style).toBe("document");
    expect(format.input.body).toEqual([
      { name: "name", element: `part {${NS}}FormatRequest name` },
      { name: "address", element: `part {${NS}}FormatRequest address` },
    ]);
    expect(model.elements.get(`part {${NS}}FormatRequest name`)).toEqual({
      name: q("", "name"),
      type: builtin("string"),
      nillable: false,
      abstract: false,
    });
    expect(model.elements.get(`part {${NS}}FormatRequest address`)?.type).toEqual(named(NS, "Address"));
  });

  it("does the same for a header part and a response part", () => {
    expect(format.input.headers).toEqual([{ name: "locale", element: `part {${NS}}Headers locale` }]);
    expect(model.elements.get(`part {${NS}}Headers locale`)?.name).toEqual(q("", "locale"));
    expect(model.elements.get(format.output!.body[0]!.element)).toMatchObject({
      name: q("", "label"),
      type: named(NS, "Label"),
    });
  });

  it("names the file and part of a type= that no schema defines", async () => {
    const text = (await import("node:fs")).readFileSync("wsdl/type-parts.wsdl", "utf8");
    const dangling = loadServiceModel({ text: text.replace('type="tns:Address"', 'type="tns:Nowhere"') });
    await expect(dangling).rejects.toThrow(
      /^<input>:25:5: type='tns:Nowhere': type \{urn:example:type-parts\}Nowhere is not defined in any schema \(at .*wsdl:part\[@name='address'\]\)$/,
    );
    const encoded = loadServiceModel({
      text: text
        .replace('type="tns:Address"', 'type="enc:Array"')
        .replace(
          "<wsdl:definitions",
          '<wsdl:definitions xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/"',
        ),
    });
    await expect(encoded).rejects.toThrow(
      "type='enc:Array': 'enc:Array' is a SOAP encoding type, which only rpc/encoded messages use; soapgen supports literal use only",
    );
  });
});
