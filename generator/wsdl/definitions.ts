/**
 * wsdl:definitions: the named WSDL components (messages, portTypes, bindings, services) of the root
 * document and every wsdl:import, indexed by QName, for the other wsdl/ modules to resolve references.
 */
import { documentationText, type XmlElement } from "../load/xml.js";
import { WSDL_NS } from "../lib/namespaces.js";
import {
  qnameKey,
  type ElementDecl,
  type QName,
  type SchemaType,
  type ElementKey,
  type TypeKey,
} from "../model.js";

export type ComponentKind = "message" | "portType" | "binding" | "service";

export interface Component {
  name: QName;
  element: XmlElement;
}

export class WsdlIndex {
  readonly components: Record<ComponentKind, Map<string, Component>> = {
    message: new Map(),
    portType: new Map(),
    binding: new Map(),
    service: new Map(),
  };

  /** Operations left out of the client (notification, solicit-response), one line each, deduplicated. */
  readonly warnings = new Set<string>();

  constructor(
    /** The wsdl:definitions roots, for what bindings reference outside the components (policies). */
    readonly definitions: XmlElement[],
    /** Global elements of all schemas, for part `element=` references; binding-defined elements are added. */
    readonly elements: Map<ElementKey, ElementDecl>,
    /** All schema types, for part `type=` references; rpc wrapper types are added. */
    readonly types: Map<TypeKey, SchemaType>,
  ) {
    for (const root of definitions) {
      const ns = root.attr("targetNamespace") ?? "";
      for (const child of root.childrenIn(WSDL_NS)) {
        if (!(child.local in this.components)) continue;
        const local = child.attr("name");
        if (local === undefined) throw child.error(`wsdl:${child.local} needs a name attribute`);
        const name = { ns, local };
        const table = this.components[child.local as ComponentKind];
        const previous = table.get(qnameKey(name));
        if (previous)
          throw child.error(
            `duplicate wsdl:${child.local} ${qnameKey(name)}: already defined at ${previous.element.location}`,
          );
        if (child.local === "message") checkPartNames(child);
        table.set(qnameKey(name), { name, element: child });
      }
    }
  }

  /** The component a QName-valued attribute (`message=`, `type=`, `binding=`) names, or a SoapgenError. */
  lookup(kind: ComponentKind, at: XmlElement, attribute: string): Component {
    const value = at.attr(attribute);
    if (value === undefined) throw at.error(`${at.tag} needs a ${attribute} attribute`);
    const key = qnameKey(at.resolveQName(value, attribute));
    const found = this.components[kind].get(key);
    if (!found) throw at.error(`${attribute}='${value}': wsdl:${kind} ${key} is not defined`);
    return found;
  }
}

/** Part names become property names: two parts of one message cannot share one. */
function checkPartNames(message: XmlElement): void {
  const seen = new Set<string>();
  for (const part of message.childrenIn(WSDL_NS, "part")) {
    const name = part.attr("name");
    if (name !== undefined && seen.has(name))
      throw part.error(`duplicate part '${name}' in message '${message.attr("name")}'`);
    if (name !== undefined) seen.add(name);
  }
}

/** The text of an element's wsdl:documentation children. */
export function wsdlDocumentation(element: XmlElement): string | undefined {
  const texts = element.childrenIn(WSDL_NS, "documentation").flatMap((d) => documentationText(d) ?? []);
  return texts.length === 0 ? undefined : texts.join("\n\n");
}
