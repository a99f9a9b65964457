/** wsdl:service: where each binding is reachable (soap:address / soap12:address of its first port). */
import { qnameKey } from "../model.js";
import { WSDL_NS, WSDL_SOAP11_BINDING_NS, WSDL_SOAP12_BINDING_NS } from "../lib/namespaces.js";
import type { WsdlIndex } from "./definitions.js";

export interface Endpoint {
  serviceName: string;
  address?: string;
}

/** By binding key: the first service port (document order) that uses the binding. */
export function serviceAddresses(index: WsdlIndex): Map<string, Endpoint> {
  const endpoints = new Map<string, Endpoint>();
  for (const service of index.components.service.values()) {
    for (const port of service.element.childrenIn(WSDL_NS, "port")) {
      const key = qnameKey(index.lookup("binding", port, "binding").name);
      if (endpoints.has(key)) continue;
      const endpoint: Endpoint = { serviceName: service.name.local };
      const address = port.children.find(
        (c) => (c.ns === WSDL_SOAP11_BINDING_NS || c.ns === WSDL_SOAP12_BINDING_NS) && c.local === "address",
      );
      const location = address?.attr("location");
      if (location !== undefined) endpoint.address = location;
      endpoints.set(key, endpoint);
    }
  }
  return endpoints;
}
