/** wsdl:portType: the abstract operations (documentation, input, output, faults by message). */
import type { XmlElement } from "../load/xml.js";
import { WSDL_NS, wsdlDocumentation, type Component, type WsdlIndex } from "./definitions.js";

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

export function portTypeOperations(index: WsdlIndex, portType: Component): Map<string, AbstractOperation> {
  const operations = new Map<string, AbstractOperation>();
  for (const op of portType.element.childrenIn(WSDL_NS, "operation")) {
    const name = op.attr("name");
    if (name === undefined) throw op.error("wsdl:operation needs a name attribute");
    if (operations.has(name))
      throw op.error(
        `duplicate operation '${name}' in portType '${portType.name.local}' (overloaded operations are not supported)`,
      );
    const io = op.children.filter((c) => c.ns === WSDL_NS && (c.local === "input" || c.local === "output"));
    // Request-response (input, output) and one-way (input) only: notification and solicit-response start with output.
    if (io[0]?.local !== "input")
      throw op.error(
        `operation '${name}' has no leading wsdl:input: notification and solicit-response operations are not supported`,
      );
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
  return operations;
}
