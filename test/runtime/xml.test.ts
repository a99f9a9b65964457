import { describe, expect, it } from "vitest";
import { SoapDecodeError } from "../../templates/runtime/errors.js";
import { parseXml, serializeElement, type XmlElement } from "../../templates/runtime/xml.js";

/** Reads every element's text, as a decoder reading the whole document does: content is read lazily. */
function readAll(element: XmlElement): void {
  void element.text;
  element.children.forEach(readAll);
}

function parseError(xml: string, limits?: { maxBodyBytes?: number; maxDepth?: number }): SoapDecodeError {
  try {
    readAll(parseXml(xml, limits));
  } catch (error) {
    if (error instanceof SoapDecodeError) return error;
    throw error;
  }
  throw new Error("expected a SoapDecodeError");
}

describe("parseXml", () => {
  it("resolves element and attribute names through the declarations in scope", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a:r xmlns:a="urn:a" xmlns="urn:d" a:x="1" y="2"><c/><b:c xmlns:b="urn:b"/></a:r>`,
    );
    expect([root.ns, root.local, root.name]).toEqual(["urn:a", "r", "a:r"]);
    expect(
      root.attributes.filter((a) => !a.name.startsWith("xmlns")).map((a) => [a.ns, a.local, a.value]),
    ).toEqual([
      ["urn:a", "x", "1"],
      ["", "y", "2"],
    ]);
    expect(root.children.map((c) => [c.ns, c.local])).toEqual([
      ["urn:d", "c"],
      ["urn:b", "c"],
    ]);
  });

  it("keeps whitespace of text values but drops blank text between children", () => {
    const root = parseXml(`<r>\n  <v>  a </v>\n  <w>   </w>\r\n</r>`);
    expect(root.text).toBe("");
    expect(root.children.map((c) => c.text)).toEqual(["  a ", "   "]);
  });

  it("writes an element back with the bindings it inherited", () => {
    const root = parseXml(
      `<r xmlns="urn:d" xmlns:p="urn:p" xmlns:unused="urn:u"><p:e a="&lt;&quot;">x &amp; y<c/></p:e></r>`,
    );
    expect(serializeElement(root.children[0]!)).toBe(
      `<p:e xmlns:p="urn:p" xmlns="urn:d" a="&lt;&quot;">x &amp; y<c/></p:e>`,
    );
  });

  it.each([
    [`<!DOCTYPE r [<!ENTITY e "boom">]><r>&e;</r>`, "DOCTYPE and entity declarations are not allowed"],
    [
      `<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "http://example.com/x.dtd"><r/>`,
      "DOCTYPE and entity declarations are not allowed",
    ],
    [`<r>&e;</r>`, "Undefined or malformed entity reference"],
    [`<r>a & b</r>`, "Undefined or malformed entity reference"],
    [`<r>&#0;</r>`, "Undefined or malformed entity reference"],
    [`Internal Server Error`, "Not XML: text before the root element"],
    [``, "No root element"],
    [`<r><a></r>`, "Mismatched end tag, expected </a>"],
    [`<r><a>`, "Unexpected end of document, <a> not closed"],
    [`<r/><r/>`, "More than one root element"],
    [`<r/>trailing`, "Text after the root element"],
    [`<r><a x="1></r>`, "Unterminated start tag"],
    [`<p:r/>`, 'Undeclared namespace prefix "p"'],
  ])("rejects %j", (xml, message) => {
    expect(parseError(xml).message).toContain(message);
  });

  it("reads an element's content when it is first asked for, not before", () => {
    const root = parseXml(`<r><skipped>&nbsp;</skipped><read>&amp;</read></r>`);
    expect(root.children[1]?.text).toBe("&");
    expect(() => root.children[0]?.text).toThrow("Undefined or malformed entity reference at r/skipped");
  });

  it("enforces maxDepth exactly, self-closing elements included", () => {
    const nest = (depth: number, leaf: string): string =>
      "<a>".repeat(depth - 1) + leaf + "</a>".repeat(depth - 1);
    expect(() => parseXml(nest(64, "<b/>"))).not.toThrow();
    expect(parseError(nest(65, "<b/>")).message).toContain("Nesting deeper than maxDepth (64)");
    expect(parseError(nest(4, "<b>x</b>"), { maxDepth: 3 }).path).toBe("a/a/a/b");
    expect(() => parseXml(nest(3, "<b/>"), { maxDepth: 3 })).not.toThrow();
  });

  it("enforces maxBodyBytes in UTF-8 bytes", () => {
    const xml = `<r>${"é".repeat(50)}</r>`; // 57 characters, 107 bytes
    expect(() => parseXml(xml, { maxBodyBytes: 107 })).not.toThrow();
    expect(parseError(xml, { maxBodyBytes: 106 }).message).toBe("Document larger than maxBodyBytes (106)");
  });
});
