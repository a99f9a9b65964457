// generator/load/xml.ts: the runtime's XML parser, with the positions and the lenient references of a WSDL.
import { describe, expect, it } from "vitest";
import { parseXml } from "../../generator/load/xml.js";

describe("the WSDL reader", () => {
  it("places every element at its start tag, past comments, PIs and CDATA that look like tags", () => {
    const doc = parseXml(
      [
        '<?xml version="1.0"?>',
        "<!-- <fake/> -->",
        '<a xmlns="urn:a" xmlns:p="urn:p">',
        '  <?pi <notatag/> ?><b p:k="1"/>',
        "  <![CDATA[<notatag/>]]>",
        "  <p:c>",
        "    <d/></p:c>",
        "</a>",
      ].join("\n"),
      "t.xml",
    );
    const [b, c] = doc.root.children;
    expect([doc.root, b, c, c!.children[0]].map((e) => [e!.tag, e!.ns, e!.location])).toEqual([
      ["a", "urn:a", "t.xml:3:1"],
      ["b", "urn:a", "t.xml:4:21"],
      ["p:c", "urn:p", "t.xml:6:3"],
      ["d", "urn:a", "t.xml:7:5"],
    ]);
    expect(b!.attrs).toEqual(new Map([["{urn:p}k", "1"]]));
    expect(c!.children[0]!.path).toBe("a/p:c/d");
  });

  it("decodes what the runtime decodes, and reads references a response may not have as before", () => {
    const doc = parseXml(
      '<a x="&#x1;&lt;&foo;&#x110000;">t &#xD800;&#65;&bar; &amp; &quot;<![CDATA[&#x1;&amp;]]><!-- &x --><b/>z</a>',
      "t.xml",
    );
    expect(doc.root.attr("x")).toBe("\u0001<&foo;&#x110000;");
    expect(doc.root.text).toBe('t \uD800A&bar; & "&#x1;&amp;z');
    expect(doc.root.content).toEqual(['t \uD800A&bar; & "', "&#x1;&amp;", doc.root.children[0], "z"]);
  });
});
