import { describe, expect, it } from "vitest";
import { builtin, element, load, named, q } from "./helpers.js";

const NS = "urn:example:rpc";
const TYPES = "urn:example:rpc:types";
const WIRE = "urn:example:rpc:wire";

describe("rpc-literal.wsdl", async () => {
  const model = await load("rpc-literal.wsdl");
  const port = model.ports[0]!;
  const [getQuote, log] = port.operations;

  it("makes the port of the SOAP 1.1 binding, the first of the two, in rpc style", () => {
    expect(model.ports.map((p) => [p.binding.local, p.soapVersion])).toEqual([["QuotesBinding", "1.1"]]);
    expect(getQuote?.style).toBe("rpc");
  });

  it("wraps the request parts in an element named after the operation, in the soap:body namespace", () => {
    const key = `binding {${NS}}QuotesBinding GetQuote input`;
    expect(getQuote?.input.body).toEqual([{ name: "GetQuote", element: key }]);
    expect(model.elements.get(key)).toEqual({
      name: q(WIRE, "GetQuote"),
      type: { kind: "named", key },
      nillable: false,
      abstract: false,
    });
    const wrapper = model.types.get(key);
    expect(wrapper).toMatchObject({ kind: "complex", name: q(WIRE, "GetQuote"), anonymous: true });
    // type= parts are unqualified accessors named after the part; the element= part is its element.
    expect(wrapper?.kind === "complex" && wrapper.content?.particles).toEqual([
      element(q("", "symbol"), builtin("string")),
      element(q("", "count"), builtin("int")),
      element(q(TYPES, "Note"), builtin("string")),
    ]);
  });

  it("names the response wrapper <op>Response, and keeps headers and faults as in document style", () => {
    const key = `binding {${NS}}QuotesBinding GetQuote output`;
    expect(getQuote?.output?.body).toEqual([{ name: "GetQuoteResponse", element: key }]);
    const wrapper = model.types.get(key);
    expect(wrapper?.name).toEqual(q(WIRE, "GetQuoteResponse"));
    expect(wrapper?.kind === "complex" && wrapper.content?.particles).toEqual([
      element(q("", "quote"), named(TYPES, "Quote")),
      element(q("", "total"), builtin("int")),
    ]);
    expect(getQuote?.input.headers).toEqual([{ name: "auth", element: `{${TYPES}}Auth` }]);
    expect(getQuote?.faults).toEqual([
      { name: "UnknownSymbol", part: { name: "fault", element: `{${TYPES}}UnknownSymbol` } },
    ]);
  });

  it("models a one-way rpc operation with an input wrapper only", () => {
    expect(log?.output).toBeUndefined();
    expect(log?.input.body[0]?.element).toBe(`binding {${NS}}QuotesBinding Log input`);
  });

  it("falls back to the binding's namespace when soap:body names none", async () => {
    const { readFileSync } = await import("node:fs");
    const { loadServiceModel } = await import("../../generator/parse.js");
    const text = readFileSync("wsdl/rpc-literal.wsdl", "utf8").replaceAll(
      ' namespace="urn:example:rpc:wire"',
      "",
    );
    const bare = await loadServiceModel({ text });
    const wrapper = bare.elements.get(bare.ports[0]!.operations[0]!.input.body[0]!.element);
    expect(wrapper?.name).toEqual(q(NS, "GetQuote"));
  });
});
