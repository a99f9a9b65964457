/** wsdl:message: parts, and how a binding places them in the SOAP Body and Header. */
import type { XmlElement } from "../load/xml.js";
import { qnameKey, type MessageModel, type MessagePart } from "../model.js";
import { WSDL_NS, type Component, type WsdlIndex } from "./definitions.js";

/** The named part of a message, as a document/literal part (which must reference a global element). */
export function messagePart(
  index: WsdlIndex,
  message: Component,
  partName: string,
  usedAt: XmlElement,
): MessagePart {
  const part = message.element.childrenIn(WSDL_NS, "part").find((p) => p.attr("name") === partName);
  if (!part) throw usedAt.error(`wsdl:message ${qnameKey(message.name)} has no part '${partName}'`);
  return literalPart(index, message, part);
}

export function literalPart(index: WsdlIndex, message: Component, part: XmlElement): MessagePart {
  const name = part.attr("name");
  if (name === undefined) throw part.error("wsdl:part needs a name attribute");
  const element = part.attr("element");
  if (element === undefined) {
    const detail = part.attr("type") === undefined ? "has neither element= nor type=" : "uses type=";
    throw part.error(
      `part '${name}' of message '${message.name.local}' ${detail}; document/literal parts must reference a global element (element=)`,
    );
  }
  const key = qnameKey(part.resolveQName(element, "element"));
  if (!index.elements.has(key))
    throw part.error(`element='${element}': global element ${key} is not defined in any schema`);
  return { name, element: key };
}

/**
 * A message as a binding's wsdl:input/wsdl:output sends it: `soap:header`s (from any message) in binding
 * order, and body parts (those `soap:body parts=` lists, else the message's parts not sent as headers).
 */
export function messageModel(
  index: WsdlIndex,
  message: Component,
  bindingIo: XmlElement | undefined,
  soapNs: string,
): MessageModel {
  const headers: MessagePart[] = [];
  const headerParts = new Set<string>();
  let listed: string[] | undefined;
  for (const child of bindingIo?.childrenIn(soapNs) ?? []) {
    if (child.local === "header") {
      const headerMessage = index.lookup("message", child, "message");
      const partName = child.attr("part");
      if (partName === undefined) throw child.error("soap:header needs a part attribute");
      headers.push(messagePart(index, headerMessage, partName, child));
      if (headerMessage === message) headerParts.add(partName);
    } else if (child.local === "body") {
      const parts = child.attr("parts");
      if (parts !== undefined) listed = parts.split(/\s+/).filter((p) => p !== "");
    }
  }
  const body = listed
    ? listed.map((name) => messagePart(index, message, name, bindingIo!))
    : message.element
        .childrenIn(WSDL_NS, "part")
        .filter((p) => !headerParts.has(p.attr("name") ?? ""))
        .map((p) => literalPart(index, message, p));
  return { name: message.name, body, headers };
}
