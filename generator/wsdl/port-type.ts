/** wsdl:portType: the abstract operations (documentation, input, output, faults by message). */
import type { SoapgenError } from "../errors.js";
import type { XmlElement } from "../load/xml.js";
import { WSDL_NS } from "../lib/namespaces.js";
import { wsdlDocumentation, type Component, type WsdlIndex } from "./definitions.js";

export interface AbstractFault {
  name: string;
  message: Component;
  element: XmlElement;
  documentation?: string;
}

export interface AbstractOperation {
  name: string;
  element: XmlElement;
  documentation?: string;
  input: Component;
  output?: Component;
  faults: AbstractFault[];
}

export interface PortTypeOperations {
  /** The request-response and one-way operations, by name. */
  operations: Map<string, AbstractOperation>;
  /** Notification and solicit-response operations, by name: what it would be an error to generate. */
  leftOut: Map<string, SoapgenError>;
}

/**
 * The portType's operations. Notification and solicit-response operations (output first: the service
 * would send unasked) cannot be client methods: they are left out with a warning each.
 */
export function portTypeOperations(index: WsdlIndex, portType: Component): PortTypeOperations {
  const operations = new Map<string, AbstractOperation>();
  const leftOut = new Map<string, SoapgenError>();
  for (const op of portType.element.childrenIn(WSDL_NS, "operation")) {
    const name = op.attr("name");
    if (name === undefined) throw op.error("wsdl:operation needs a name attribute");
    if (operations.has(name) || leftOut.has(name))
      throw op.error(
        `duplicate operation '${name}' in portType '${portType.name.local}' (overloaded operations are not supported)`,
      );
    const io = op.children.filter((c) => c.ns === WSDL_NS && (c.local === "input" || c.local === "output"));
    const unsupported = () =>
      op.error(
        `operation '${name}' has no leading wsdl:input: notification and solicit-response operations are not supported`,
      );
    if (!io[0]) throw unsupported();
    if (io[0].local === "output") {
      const kind = io[1]?.local === "input" ? "solicit-response" : "notification";
      leftOut.set(name, unsupported());
      const why = `${kind} operation '${name}' of portType '${portType.name.local}' left out of the client: the service would send it unasked`;
      index.warnings.add(op.error(why).message);
      continue;
    }
    const faultNames = op.childrenIn(WSDL_NS, "fault").map((f) => f.attr("name"));
    const repeated = faultNames.find((f, i) => f !== undefined && faultNames.indexOf(f) !== i);
    if (repeated !== undefined) throw op.error(`duplicate fault '${repeated}' in operation '${name}'`);
    const operation: AbstractOperation = {
      name,
      element: op,
      input: index.lookup("message", io[0], "message"),
      faults: op.childrenIn(WSDL_NS, "fault").map((f) => {
        const faultName = f.attr("name");
        if (faultName === undefined) throw f.error("wsdl:fault needs a name attribute");
        const fault: AbstractFault = {
          name: faultName,
          message: index.lookup("message", f, "message"),
          element: f,
        };
        const documentation = wsdlDocumentation(f);
        if (documentation !== undefined) fault.documentation = documentation;
        return fault;
      }),
    };
    if (io[1]) operation.output = index.lookup("message", io[1], "message");
    const documentation = wsdlDocumentation(op);
    if (documentation !== undefined) operation.documentation = documentation;
    operations.set(name, operation);
  }
  return { operations, leftOut };
}
