/**
 * WS-Addressing 1.0 for bindings that declare it: `wsaw:UsingAddressing` (the 2006 WSDL binding) or the
 * `wsam:Addressing` policy assertion (WS-Addressing 1.0 Metadata), in the binding, in a `wsp:Policy`
 * inside it or in one it references (`wsp:PolicyReference URI="#id"`, as WCF writes them). The actions
 * come from `wsam:Action` / `wsaw:Action` on the portType's input and output, else from the default
 * action pattern of WS-Addressing 1.0 Metadata §4.4.4.
 */
import type { XmlElement } from "../load/xml.js";
import { WSDL_NS } from "../lib/namespaces.js";
import type { Component } from "./definitions.js";
import type { AbstractOperation } from "./port-type.js";

const WSAW_NS = "http://www.w3.org/2006/05/addressing/wsdl";
const WSAM_NS = "http://www.w3.org/2007/05/addressing/metadata";
/** WS-Policy 1.2 and 1.5. */
const WSP_NAMESPACES: ReadonlySet<string> = new Set([
  "http://schemas.xmlsoap.org/ws/2004/09/policy",
  "http://www.w3.org/ns/ws-policy",
]);
const WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

/** Whether the binding declares WS-Addressing; `definitions` hold the policies a reference may name. */
export function usesAddressing(binding: XmlElement, definitions: readonly XmlElement[]): boolean {
  const policies = new Map<string, XmlElement>();
  for (const root of definitions)
    for (const child of root.children) {
      if (!WSP_NAMESPACES.has(child.ns) || child.local !== "Policy") continue;
      const id = child.attr(`{${WSU_NS}}Id`) ?? child.attr("Name");
      if (id !== undefined) policies.set(id, child);
    }
  const visited = new Set<XmlElement>();
  const declares = (element: XmlElement): boolean =>
    element.children.some((child) => {
      if (child.is(WSAW_NS, "UsingAddressing") || child.is(WSAM_NS, "Addressing")) return true;
      if (!WSP_NAMESPACES.has(child.ns)) return false;
      if (child.local === "PolicyReference") {
        const uri = child.attr("URI") ?? "";
        const policy = policies.get(uri.startsWith("#") ? uri.slice(1) : uri);
        if (policy === undefined || visited.has(policy)) return false;
        visited.add(policy);
        return declares(policy);
      }
      // wsp:Policy, wsp:ExactlyOne, wsp:All: an alternative that has it is enough to send it.
      return declares(child);
    });
  return declares(binding);
}

/** The `wsa:Action` of an operation's input and output. */
export function operationActions(
  portType: Component,
  operation: AbstractOperation,
): { input: string; output?: string } {
  const [input, output] = operation.element.children.filter(
    (c) => c.ns === WSDL_NS && (c.local === "input" || c.local === "output"),
  );
  const explicit = (io: XmlElement | undefined): string | undefined =>
    io?.attr(`{${WSAM_NS}}Action`) ?? io?.attr(`{${WSAW_NS}}Action`);
  // §4.4.4: [target namespace][delimiter][port type name][delimiter][input or output name], the
  // delimiter ":" for a URN and "/" otherwise, none added after a namespace ending in "/"; the message
  // names default as WSDL 1.1 §2.4.5 has them.
  const ns = portType.name.ns;
  const delimiter = /^urn:/i.test(ns) ? ":" : "/";
  const base = `${ns}${ns.endsWith(delimiter) ? "" : delimiter}${portType.name.local}${delimiter}`;
  const actions: { input: string; output?: string } = {
    input:
      explicit(input) ??
      base + (input?.attr("name") ?? (operation.output ? `${operation.name}Request` : operation.name)),
  };
  if (operation.output)
    actions.output = explicit(output) ?? base + (output?.attr("name") ?? `${operation.name}Response`);
  return actions;
}
