/**
 * Mixed content (wsdl/mixed.wsdl): the text between child elements is kept with them, in order, as
 * `$mixed` (a string per run of text, `{ Element: value }` per element), through decoding, encoding and
 * the typed stub; mixed content without elements is `$value`.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapDecodeError, SoapEncodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { envelope, generated } from "./generated.js";

const NS = "urn:example:mixed";
type Method = (request: object) => Promise<unknown>;
const { index, stub } = await generated<
  {
    pressServiceTables: ServiceMeta;
    PressServiceClient: new (options: { fetch: typeof fetch }) => { publish: Method };
  },
  { createPressServiceHandler: (handlers: { publish: (request: unknown) => unknown }) => typeof fetch }
>("mixed.wsdl");
const service = index.pressServiceTables;

const response = (content: string) =>
  envelope(`<m:PublishResponse xmlns:m="${NS}">${content}</m:PublishResponse>`);

describe("mixed content", () => {
  it("decodes text and elements in document order, white space, entities and CDATA kept", () => {
    const xml = response(
      `<m:Paragraph lang="en">Hello <m:b>bold</m:b> &amp; <m:a href="http://x/">the <![CDATA[<link>]]></m:a>` +
        `<m:i>it</m:i> <m:i>again</m:i>!</m:Paragraph>`,
    );
    expect(decodeMessage(service, "Publish", "output", xml, { strict: true }).body).toEqual({
      Paragraph: {
        lang: "en",
        $mixed: [
          "Hello ",
          { b: "bold" },
          " & ",
          { a: { href: "http://x/", $value: "the <link>" } },
          { i: "it" },
          " ",
          { i: "again" },
          "!",
        ],
      },
    });
  });

  it("decodes empty mixed content as an empty array, and still refuses text in element-only content", () => {
    expect(decodeMessage(service, "Publish", "output", response(`<m:Paragraph/>`)).body).toEqual({
      Paragraph: { $mixed: [] },
    });
    const greeting = response(`<m:Paragraph/><m:Greeting>Dear <m:Name>Ada</m:Name></m:Greeting>`);
    expect(() => decodeMessage(service, "Publish", "output", greeting)).toThrow(
      "Unexpected text in element-only content",
    );
  });

  it("encodes the items in order, text escaped", () => {
    const xml = encodeMessage(
      service,
      "Publish",
      "input",
      {
        Paragraph: [{ $mixed: ["a < b ", { b: "&" }, " c", { a: { href: "u", $value: "l" } }] }],
        Letter: { $mixed: ["Dear ", { Name: "Ada" }, ",\n\nthanks."] },
      },
      undefined,
    );
    expect(xml).toContain(
      `<ns0:Publish><ns0:Paragraph>a &lt; b <ns0:b>&amp;</ns0:b> c<ns0:a href="u">l</ns0:a></ns0:Paragraph>` +
        `<ns0:Letter>Dear <ns0:Name>Ada</ns0:Name>,\n\nthanks.</ns0:Letter></ns0:Publish>`,
    );
  });

  it("refuses what mixed content cannot hold", () => {
    const encode = (letter: unknown) =>
      encodeMessage(service, "Publish", "input", { Paragraph: [{}], Letter: letter }, undefined);
    expect(() => encode({ $mixed: [{ Name: "Ada" }] })).not.toThrow();
    expect(() => encode({ $mixed: [] })).toThrow(SoapEncodeError);
    expect(() => encode({ $mixed: ["only text"] })).toThrow(
      "At least one element is required: one of Name, Date at body.Letter.$mixed",
    );
    expect(() => encode({ $mixed: ["x", { Name: "a", Date: "2024-01-01" }] })).toThrow(
      "Expected a string or an object with one of Name, Date, got Name, Date at body.Letter.$mixed[1]",
    );
    expect(() => encode({ $mixed: ["\u0001", { Name: "Ada" }] })).toThrow(
      "String contains a character XML cannot carry",
    );
    const strictLetter = envelope(
      `<m:Publish xmlns:m="${NS}"><m:Paragraph/><m:Letter>text only</m:Letter></m:Publish>`,
    );
    expect(() => decodeMessage(service, "Publish", "input", strictLetter)).toThrow(SoapDecodeError);
    expect(() => decodeMessage(service, "Publish", "input", strictLetter)).toThrow(
      "Missing required element: one of <Name>, <Date>",
    );
  });

  it("round-trips through the client and the typed stub", async () => {
    const request = {
      Paragraph: [{ lang: "en", $mixed: [" x ", { i: "y" }, "\n"] }, { $mixed: [] }],
      Letter: { $mixed: [{ Name: "Ada" }, " on ", { Date: "2024-05-06" }] },
    };
    let received: unknown;
    const handler = stub.createPressServiceHandler({
      publish: (body) => {
        received = body;
        return { Paragraph: { $mixed: ["ok ", { a: { href: "h", $value: "" } }] } };
      },
    });
    expect(await new index.PressServiceClient({ fetch: handler }).publish(request)).toEqual({
      Paragraph: { $mixed: ["ok ", { a: { href: "h", $value: "" } }] },
    });
    expect(received).toEqual(request);
  });
});
