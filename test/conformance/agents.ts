import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../generator/index.js";
import { parseXml } from "../../generated/customer-service/runtime/xml.js";
import type { XmlElement } from "../../generated/customer-service/runtime/xml.js";
import { netserverExpectations } from "./netserver-expected.js";
import { asConformanceClient } from "./services.js";
import type { ServiceUnderTest } from "./services.js";

/** Every Services88 agent WSDL and, beside it, a folder of example pages (`<Agent>/<Operation>.md`). */
export const NETSERVER = path.resolve(process.cwd(), "../shared/netserver/Services88");

/**
 * Where each agent's single-WSDL client is generated at test time. It lies under node_modules so that
 * the generated runtime resolves fast-xml-parser as the committed output does; it is written afresh on
 * every run (the 48 clients take about 2.5 s), so it never holds a client of an older generator.
 */
const CLIENTS = path.resolve(process.cwd(), "node_modules/.cache/soapgen-conformance");

const WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
const SOAP_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/";

/** The agents that have example pages, in name order: each folder beside its `Services88-<Agent>.wsdl`. */
export function netserverAgentNames(): string[] {
  return readdirSync(NETSERVER, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(path.join(NETSERVER, `Services88-${name}.wsdl`)))
    .filter((name) => readdirSync(path.join(NETSERVER, name)).some((file) => file.endsWith(".md")))
    .sort();
}

/** The wsdl:service and its one SOAP 1.1 wsdl:port, and the path of the port's address. */
function servicePort(wsdlPath: string): ServiceUnderTest["nodeSoap"] {
  const root = parseXml(readFileSync(wsdlPath, "utf8"));
  const services = root.children.filter((child) => child.ns === WSDL_NS && child.local === "service");
  const ports = services.flatMap((service) =>
    service.children
      .filter((child) => child.ns === WSDL_NS && child.local === "port")
      .flatMap((port) => {
        const address = port.children.find(
          (child: XmlElement) => child.ns === SOAP_BINDING_NS && child.local === "address",
        );
        const location = address?.attributes.find((attribute) => attribute.local === "location")?.value;
        const name = port.attributes.find((attribute) => attribute.local === "name")?.value;
        const serviceName = service.attributes.find((attribute) => attribute.local === "name")?.value;
        return location === undefined || name === undefined || serviceName === undefined
          ? []
          : [{ path: new URL(location).pathname, service: serviceName, port: name }];
      }),
  );
  const [port, ...others] = ports;
  if (port === undefined || others.length > 0)
    throw new Error(`${wsdlPath}: expected one SOAP 1.1 wsdl:port, found ${ports.length}`);
  return port;
}

/** What the harness takes of a generated client module: found by what it is, not by its generated name. */
function clientParts(
  module: Record<string, unknown>,
  agent: string,
): Pick<ServiceUnderTest, "meta" | "decodeMessage" | "encodeMessage"> & {
  Client: new (settings: object) => Parameters<typeof asConformanceClient>[0];
} {
  // The index re-exports the runtime's SoapClient; the agent's client is the other class named *Client.
  const clients = Object.entries(module).filter(
    ([name, value]) => name.endsWith("Client") && name !== "SoapClient" && typeof value === "function",
  );
  const tables = Object.entries(module).filter(
    ([name, value]) => name.endsWith("Tables") && typeof value === "object" && value !== null,
  );
  if (clients.length !== 1 || tables.length !== 1)
    throw new Error(
      `the ${agent} client module exports ${clients.length} client classes and ${tables.length} tables, not one each`,
    );
  return {
    Client: clients[0]![1] as new (settings: object) => Parameters<typeof asConformanceClient>[0],
    meta: tables[0]![1] as ServiceUnderTest["meta"],
    decodeMessage: module["decodeMessage"] as ServiceUnderTest["decodeMessage"],
    encodeMessage: module["encodeMessage"] as ServiceUnderTest["encodeMessage"],
  };
}

/**
 * Generates each named agent's client from its WSDL alone (soapgen's `generate`, as a user runs it) and
 * loads it as an agent under test.
 */
export async function loadNetserverAgents(
  names: readonly string[] = netserverAgentNames(),
): Promise<ServiceUnderTest[]> {
  const agents: ServiceUnderTest[] = [];
  for (const name of names) {
    const wsdlPath = path.join(NETSERVER, `Services88-${name}.wsdl`);
    const out = path.join(CLIENTS, name);
    await generate({ wsdl: wsdlPath, out, force: true });
    const module = (await import(pathToFileURL(path.join(out, "index.ts")).href)) as Record<string, unknown>;
    const { Client, ...parts } = clientParts(module, name);
    agents.push({
      name,
      slug: name,
      docsDir: path.join(NETSERVER, name),
      wsdlPath,
      ...parts,
      client: (settings) => asConformanceClient(new Client(settings)),
      nodeSoap: servicePort(wsdlPath),
      expected: netserverExpectations(name),
    });
  }
  return agents;
}
