/** wsdl:service: where each binding is reachable (soap:address / soap12:address of its first port). */
import { qnameKey } from "../model.js";
import { SOAP11_NS, SOAP12_NS, WSDL_NS, type WsdlIndex } from "./definitions.js";

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
        (c) => (c.ns === SOAP11_NS || c.ns === SOAP12_NS) && c.local === "address",
      );
      const location = address?.attr("location");
      if (location !== undefined) endpoint.address = location;
      endpoints.set(key, endpoint);
    }
  }
  return endpoints;
}
