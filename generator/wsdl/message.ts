/** wsdl:message: parts, and how a binding places them in the SOAP Body and Header. */
import type { XmlElement } from "../load/xml.js";
import {
  qnameKey,
  type ComplexType,
  type ElementParticle,
  type MessageModel,
  type MessagePart,
  type QName,
  type TypeRef,
  type BindingKey,
} from "../model.js";
import { isBuiltinType } from "../lib/builtins.js";
import { foreignTypeReason } from "../xsd/schema.js";
import { WSDL_NS, XSD_NS } from "../lib/namespaces.js";
import type { Component, WsdlIndex } from "./definitions.js";

/** Where an rpc/literal message's wrapper element goes: named after the operation, in the body namespace. */
export interface RpcWrapper {
  binding: QName;
  operation: string;
  direction: "input" | "output";
  bodyNs: string;
}

/** The named part of a message. */
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

/**
 * A part as the element it travels as: its global element (`element=`), or for `type=` an unqualified
 * element named after the part with that type (WSDL 1.1 §3.5; not WS-I conformant, but older toolkits
 * write it), defined once per part under the key `part {message} name`.
 */
export function literalPart(index: WsdlIndex, message: Component, part: XmlElement): MessagePart {
  const name = part.attr("name");
  if (name === undefined) throw part.error("wsdl:part needs a name attribute");
  const element = part.attr("element");
  const type = part.attr("type");
  if (element !== undefined) {
    const key = qnameKey(part.resolveQName(element, "element"));
    if (!index.elements.has(key))
      throw part.error(`element='${element}': global element ${key} is not defined in any schema`);
    return { name, element: key };
  }
  if (type === undefined)
    throw part.error(`part '${name}' of message '${message.name.local}' has neither element= nor type=`);
  const key: BindingKey = `part ${qnameKey(message.name)} ${name}`;
  if (!index.elements.has(key)) {
    index.elements.set(key, {
      name: { ns: "", local: name },
      type: partType(index, part, type),
      nillable: false,
      abstract: false,
    });
  }
  return { name, element: key };
}

function partType(index: WsdlIndex, part: XmlElement, value: string): TypeRef {
  const name = part.resolveQName(value, "type");
  const key = qnameKey(name);
  if (name.ns === XSD_NS && isBuiltinType(name.local)) return { kind: "builtin", name: name.local };
  if (name.ns !== XSD_NS && index.types.has(key)) return { kind: "named", key };
  const reason = foreignTypeReason(name.ns, value);
  throw part.error(`type='${value}': ${reason ?? `type ${key} is not defined in any schema`}`);
}

/**
 * A message as a binding's wsdl:input/wsdl:output sends it: `soap:header`s (from any message) in binding
 * order, and body parts (those `soap:body parts=` lists, else the message's parts not sent as headers).
 * With `rpc`, the body parts become the accessors of one wrapper element (see `rpcWrapper`).
 */
export function messageModel(
  index: WsdlIndex,
  message: Component,
  bindingIo: XmlElement | undefined,
  soapNs: string,
  rpc?: RpcWrapper,
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
  return { name: message.name, body: rpc ? [rpcWrapper(index, rpc, body)] : body, headers };
}

/**
 * rpc/literal (WSDL 1.1 §3.5): the body is one element named after the operation (`<op>Response` for
 * the output) in the `soap:body` namespace, holding one element per part: for a `type=` part an
 * unqualified accessor named after the part, for an `element=` part (which WS-I R2203 forbids in rpc,
 * and §3.5 leaves open) the element itself, as zeep writes it. Modelled as an anonymous wrapper type,
 * the shape of a document/literal wrapped message, so emitters and runtime need nothing new.
 */
function rpcWrapper(index: WsdlIndex, rpc: RpcWrapper, parts: MessagePart[]): MessagePart {
  const local = rpc.direction === "input" ? rpc.operation : `${rpc.operation}Response`;
  const key: BindingKey = `binding ${qnameKey(rpc.binding)} ${rpc.operation} ${rpc.direction}`;
  const particles = parts.map((part): ElementParticle => {
    const element = index.elements.get(part.element)!;
    return {
      kind: "element",
      name: element.name,
      type: element.type,
      nillable: element.nillable,
      minOccurs: 1,
      maxOccurs: 1,
    };
  });
  const wrapper: ComplexType = {
    kind: "complex",
    name: { ns: rpc.bodyNs, local },
    anonymous: true,
    abstract: false,
    mixed: false,
    content: { kind: "sequence", particles, minOccurs: 1, maxOccurs: 1 },
    attributes: [],
    anyAttribute: false,
  };
  index.types.set(key, wrapper);
  index.elements.set(key, {
    name: { ns: rpc.bodyNs, local },
    type: { kind: "named", key },
    nillable: false,
    abstract: false,
  });
  return { name: local, element: key };
}
