/** xs:annotation: documentation text and appinfo markers (the DataContract serializer's live there). */
import { documentationText, type XmlElement } from "../load/xml.js";
import { XSD_NS } from "../lib/namespaces.js";

/** The xs:documentation texts of `element`'s xs:annotation, joined by blank lines. */
export function xsdDocumentation(element: XmlElement): string | undefined {
  const texts: string[] = [];
  for (const annotation of element.childrenIn(XSD_NS, "annotation")) {
    for (const doc of annotation.childrenIn(XSD_NS, "documentation")) {
      const text = documentationText(doc);
      if (text !== undefined) texts.push(text);
    }
  }
  return texts.length === 0 ? undefined : texts.join("\n\n");
}

/** The first `{ns}local` element inside `element`'s xs:annotation/xs:appinfo. */
export function appinfo(element: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const annotation of element.childrenIn(XSD_NS, "annotation")) {
    for (const info of annotation.childrenIn(XSD_NS, "appinfo")) {
      const found = info.children.find((c) => c.is(ns, local));
      if (found) return found;
    }
  }
  return undefined;
}

/** The element's XSD children other than xs:annotation (the ones that carry meaning). */
export function xsdChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((c) => c.ns === XSD_NS && c.local !== "annotation");
}
