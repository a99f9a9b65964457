/**
 * Attribute wildcards (wsdl/any-attribute.wsdl): undeclared attributes of a type with `xs:anyAttribute`
 * are kept in `$attributes`, keyed `local` or `{namespace}local`, on body types, inherited ones and
 * header blocks, through decoding, encoding and the typed stub.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapEncodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { envelope, generated } from "./generated.js";

const NS = "urn:example:any-attribute";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
type Method = (request: object, options?: { headers?: object }) => Promise<unknown>;
const { index, stub } = await generated<
  {
    tokenServiceTables: ServiceMeta;
    TokenServiceClient: new (options: { fetch: typeof fetch; headers?: object }) => { verify: Method };
  },
  {
    createTokenServiceHandler: (handlers: {
      verify: (request: unknown, context: { headers: unknown }) => unknown;
    }) => typeof fetch;
  }
>("any-attribute.wsdl");
const service = index.tokenServiceTables;

describe("xs:anyAttribute", () => {
  it("decodes undeclared attributes by local name or Clark name, leaving out xmlns and xsi", () => {
    const xml = envelope(
      `<t:VerifyResponse xmlns:t="${NS}" xmlns:w="urn:w" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<t:Token id="T" w:Id="T-1" plain="a &amp; b" xml:lang="en" xsi:type="t:Token"><t:Value>v</t:Value></t:Token>` +
        `</t:VerifyResponse>`,
    );
    const body = decodeMessage(service, "Verify", "output", xml, { strict: true }).body as {
      Token: { $attributes: Record<string, string> };
    };
    expect(body).toEqual({
      Token: {
        Value: "v",
        id: "T",
        $attributes: { "{urn:w}Id": "T-1", plain: "a & b", [`{${XML_NS}}lang`]: "en" },
      },
    });
    // Keys are the server's: `__proto__` is an ordinary one.
    const hostile = envelope(
      `<t:VerifyResponse xmlns:t="${NS}"><t:Token __proto__="x"><t:Value>v</t:Value></t:Token></t:VerifyResponse>`,
    );
    const token = (decodeMessage(service, "Verify", "output", hostile).body as typeof body).Token;
    expect(Object.keys(token.$attributes)).toEqual(["__proto__"]);
    expect(token.$attributes["__proto__"]).toBe("x");
  });

  it("leaves $attributes out when there are none", () => {
    const xml = envelope(
      `<t:VerifyResponse xmlns:t="${NS}"><t:Token><t:Value>v</t:Value></t:Token></t:VerifyResponse>`,
    );
    expect(decodeMessage(service, "Verify", "output", xml).body).toEqual({ Token: { Value: "v" } });
  });

  it("encodes them, qualified ones with a declared prefix, xml:lang as xml:", () => {
    const xml = encodeMessage(
      service,
      "Verify",
      "input",
      {
        Token: {
          Value: "v",
          id: "T",
          $attributes: { "{urn:w}Id": "T-1", plain: 'a"<', [`{${XML_NS}}lang`]: "en" },
        },
        Signed: { Value: "s", Signature: new Uint8Array([1]), $attributes: { "{urn:w}Id": "S-1" } },
      },
      { context: { Tenant: "acme", $attributes: { "{urn:w}mustSee": "1" } } },
    );
    expect(xml).toContain(`xmlns:ns1="urn:w"`);
    expect(xml).toContain(`<ns0:Context ns1:mustSee="1"><ns0:Tenant>acme</ns0:Tenant></ns0:Context>`);
    expect(xml).toContain(
      `<ns0:Token id="T" ns1:Id="T-1" plain="a&quot;&lt;" xml:lang="en"><ns0:Value>v</ns0:Value>`,
    );
    expect(xml).toContain(
      `<ns0:Signed ns1:Id="S-1"><ns0:Value>s</ns0:Value><ns0:Signature>AQ==</ns0:Signature>`,
    );
    expect(xml).not.toContain(`="${XML_NS}"`);
  });

  it("refuses names that are no attribute, namespace declarations, xsi attributes and declared ones", () => {
    const encode = (attributes: Record<string, unknown>) =>
      encodeMessage(
        service,
        "Verify",
        "output",
        { Token: { Value: "v", $attributes: attributes } },
        undefined,
      );
    for (const key of [
      "a b",
      "p:local",
      "1a",
      "{urn:w}",
      "xmlns",
      "{http://www.w3.org/2000/xmlns/}p",
      "{http://www.w3.org/2001/XMLSchema-instance}type",
      'x="1" y',
    ])
      expect(() => encode({ [key]: "v" }), key).toThrow(SoapEncodeError);
    expect(() => encode({ id: "i" })).toThrow("Declared attribute id belongs in its own property");
    expect(() => encode({ a: 1 })).toThrow("Expected a value of kind string, got 1");
    expect(() => encode({ a: "\u0000" })).toThrow("String contains a character XML cannot carry");
  });

  it("round-trips through the client and the typed stub, header block included", async () => {
    let received: unknown;
    const handler = stub.createTokenServiceHandler({
      verify: (request, { headers }) => {
        received = { request, headers };
        return { Token: { Value: "r", $attributes: { "{urn:w}Id": "R" } } };
      },
    });
    const client = new index.TokenServiceClient({
      fetch: handler,
      headers: { context: { Tenant: "acme", $attributes: { mode: "test" } } },
    });
    const request = { Token: { Value: "v", id: "1", $attributes: { "{urn:w}Id": "T-1" } } };
    expect(await client.verify(request)).toEqual({
      Token: { Value: "r", $attributes: { "{urn:w}Id": "R" } },
    });
    expect(received).toEqual({
      request,
      headers: { context: { Tenant: "acme", $attributes: { mode: "test" } } },
    });
  });
});
