/**
 * The wsdl/ stage: the ports of a WSDL's definitions (and its wsdl:imports), resolved against the schema
 * model into PortModels.
 */
import type { SoapgenError } from "../errors.js";
import type { ElementDecl, PortModel, SchemaType, ElementKey, TypeKey } from "../model.js";
import type { XmlElement } from "../load/xml.js";
import { qnameKey } from "../model.js";
import { failureHeaders } from "../xsd/datacontract.js";
import { buildPort } from "./binding.js";
import { WsdlIndex } from "./definitions.js";
import { serviceAddresses } from "./service.js";

export { rejectEncodedBindings } from "./binding.js";

/**
 * One port per portType that has a SOAP binding: the first such binding in document order (SOAP 1.1
 * or 1.2, whichever comes first). Every SOAP binding is still resolved, so its errors are reported.
 * A port whose operations were all left out is dropped; when that leaves nothing, the first operation
 * left out is the error. `source` names the WSDL in each port.
 */
export function buildPorts(
  definitions: XmlElement[],
  elements: Map<ElementKey, ElementDecl>,
  types: Map<TypeKey, SchemaType>,
  source: string,
): { ports: PortModel[]; warnings: string[] } {
  const index = new WsdlIndex(definitions, elements, types);
  const addresses = serviceAddresses(index);
  const ports = new Map<string, PortModel>();
  let firstLeftOut: SoapgenError | undefined;
  for (const binding of index.components.binding.values()) {
    const built = buildPort(index, binding, addresses.get(qnameKey(binding.name)), source);
    if (!built) continue;
    const { port, leftOut } = built;
    firstLeftOut ??= leftOut[0];
    const key = qnameKey(port.portType);
    if (port.operations.length === 0 && leftOut.length > 0) continue;
    if (ports.has(key)) continue;
    const responseHeaders = port.operations.flatMap((op) => op.output?.headers ?? []);
    const failure = failureHeaders(
      new Map(responseHeaders.map((part) => [part.element, elements.get(part.element)!])),
    );
    ports.set(key, failure ? { ...port, failureHeaders: failure } : port);
  }
  if (ports.size === 0 && firstLeftOut) throw firstLeftOut;
  return { ports: [...ports.values()], warnings: [...index.warnings] };
}
