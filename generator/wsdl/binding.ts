/**
 * wsdl:binding with a SOAP 1.1 or 1.2 binding: style, soapAction, soap:body/soap:header/soap:fault,
 * resolved through the portType into a PortModel. document/literal and rpc/literal are supported;
 * encoded use is rejected by binding name. Bindings of other kinds (HTTP GET/POST, ...) are skipped.
 */
import type { XmlElement } from "../load/xml.js";
import type { SoapgenError } from "../errors.js";
import type { FaultModel, OperationModel, PortModel } from "../model.js";
import { WSDL_NS, WSDL_SOAP11_BINDING_NS, WSDL_SOAP12_BINDING_NS } from "../lib/namespaces.js";
import { wsdlDocumentation, type Component, type WsdlIndex } from "./definitions.js";
import { operationActions, usesAddressing } from "./addressing.js";
import { literalPart, messageModel } from "./message.js";
import { portTypeOperations, type AbstractOperation } from "./port-type.js";
import type { Endpoint } from "./service.js";

function soapBindingOf(binding: XmlElement): XmlElement | undefined {
  return binding.children.find(
    (c) => (c.ns === WSDL_SOAP11_BINDING_NS || c.ns === WSDL_SOAP12_BINDING_NS) && c.local === "binding",
  );
}

/**
 * Rejects encoded use before the schemas are read: an rpc/encoded WSDL's schemas use SOAP encoding's
 * types (`soapenc:Array`), which would otherwise be reported first, as if they were the mistake.
 */
export function rejectEncodedBindings(definitions: XmlElement[]): void {
  for (const root of definitions) {
    for (const binding of root.childrenIn(WSDL_NS, "binding")) {
      const soapBinding = soapBindingOf(binding);
      if (!soapBinding) continue;
      for (const op of binding.childrenIn(WSDL_NS, "operation")) {
        const style =
          op.childrenIn(soapBinding.ns, "operation")[0]?.attr("style") ??
          soapBinding.attr("style") ??
          "document";
        const encoded = op.children
          .filter((c) => c.ns === WSDL_NS)
          .flatMap((io) => io.childrenIn(soapBinding.ns))
          .find((e) => e.attr("use") === "encoded");
        if (encoded)
          throw encoded.error(
            `${style}/encoded binding '${binding.attr("name") ?? ""}' is not supported (operation '${op.attr("name") ?? ""}'): soapgen supports literal use (document/literal and rpc/literal)`,
          );
      }
    }
  }
}

/** The port a SOAP binding makes, and the errors of the operations it leaves out; undefined for other bindings. */
export function buildPort(
  index: WsdlIndex,
  binding: Component,
  endpoint: Endpoint | undefined,
  source: string,
): { port: PortModel; leftOut: SoapgenError[] } | undefined {
  const soapBinding = soapBindingOf(binding.element);
  if (!soapBinding) return undefined;
  const soapNs = soapBinding.ns;
  const portType = index.lookup("portType", binding.element, "type");
  const { operations: abstract, leftOut } = portTypeOperations(index, portType);
  const bound = new Map<string, XmlElement>();
  for (const op of binding.element.childrenIn(WSDL_NS, "operation")) {
    const name = op.attr("name");
    if (name === undefined) throw op.error("wsdl:operation needs a name attribute");
    if (leftOut.has(name)) continue;
    if (!abstract.has(name))
      throw op.error(
        `binding '${binding.name.local}' has operation '${name}', which portType '${portType.name.local}' does not declare`,
      );
    if (bound.has(name)) throw op.error(`duplicate operation '${name}' in binding '${binding.name.local}'`);
    bound.set(name, op);
  }
  const bindingStyle = soapBinding.attr("style") ?? "document";
  const addressing = usesAddressing(binding.element, index.definitions);
  const operations: OperationModel[] = [];
  // The client maps a fault back to its error class by fault name, so one name means one detail element.
  const faultElements = new Map<string, string>();
  for (const operation of abstract.values()) {
    const op = bound.get(operation.name);
    if (!op)
      throw binding.element.error(
        `binding '${binding.name.local}' has no operation '${operation.name}' of portType '${portType.name.local}'`,
      );
    const model = boundOperation(index, binding, soapNs, bindingStyle, operation, op);
    if (addressing) model.addressing = operationActions(portType, operation);
    model.faults.forEach((fault, i) => {
      const element = faultElements.get(fault.name) ?? fault.part.element;
      if (element !== fault.part.element) {
        throw operation.faults[i]!.element.error(
          `fault '${fault.name}' carries ${fault.part.element} here but ${element} in another operation of portType '${portType.name.local}'; soapgen needs one detail element per fault name`,
        );
      }
      faultElements.set(fault.name, element);
    });
    operations.push(model);
  }
  const port: PortModel = {
    source,
    portType: portType.name,
    binding: binding.name,
    soapVersion: soapNs === WSDL_SOAP12_BINDING_NS ? "1.2" : "1.1",
    operations,
  };
  const documentation = wsdlDocumentation(portType.element);
  if (documentation !== undefined) port.documentation = documentation;
  if (endpoint?.address !== undefined) port.address = endpoint.address;
  if (endpoint) port.serviceName = endpoint.serviceName;
  return { port, leftOut: [...leftOut.values()] };
}

function boundOperation(
  index: WsdlIndex,
  binding: Component,
  soapNs: string,
  bindingStyle: string,
  operation: AbstractOperation,
  op: XmlElement,
): OperationModel {
  const soapOperation = op.childrenIn(soapNs, "operation")[0];
  const style = soapOperation?.attr("style") ?? bindingStyle;
  const io = (local: string) => op.childrenIn(WSDL_NS, local)[0];
  const faults = op.childrenIn(WSDL_NS, "fault");
  // Encoded use was rejected by rejectEncodedBindings before the schemas were read.
  if (style !== "document" && style !== "rpc")
    throw (soapOperation ?? op).error(
      `${style}/literal binding '${binding.name.local}' is not supported (operation '${operation.name}'): soapgen supports document/literal and rpc/literal`,
    );
  const wrapper = (direction: "input" | "output") =>
    style === "rpc"
      ? {
          binding: binding.name,
          operation: operation.name,
          direction,
          bodyNs: rpcNamespace(binding, io(direction)),
        }
      : undefined;

  const model: OperationModel = {
    name: operation.name,
    style,
    soapAction: soapOperation?.attr("soapAction") ?? "",
    input: messageModel(index, operation.input, io("input"), soapNs, wrapper("input")),
    faults: operation.faults.map((fault): FaultModel => {
      const parts = fault.message.element.childrenIn(WSDL_NS, "part");
      if (parts.length !== 1)
        throw fault.element.error(
          `fault message '${fault.message.name.local}' must have exactly one part, found ${parts.length}`,
        );
      const model: FaultModel = { name: fault.name, part: literalPart(index, fault.message, parts[0]!) };
      if (fault.documentation !== undefined) model.documentation = fault.documentation;
      return model;
    }),
  };
  for (const f of faults) {
    const name = f.attr("name");
    if (!operation.faults.some((af) => af.name === name)) {
      throw f.error(
        `binding '${binding.name.local}' has fault '${name ?? ""}' in operation '${operation.name}', which the portType does not declare`,
      );
    }
  }
  if (operation.output)
    model.output = messageModel(index, operation.output, io("output"), soapNs, wrapper("output"));
  if (operation.documentation !== undefined) model.documentation = operation.documentation;
  return model;
}

/** An rpc wrapper's namespace: `soap:body namespace=` (WS-I requires it), else the binding's own namespace. */
function rpcNamespace(binding: Component, bindingIo: XmlElement | undefined): string {
  const body = bindingIo?.children.find(
    (c) => (c.ns === WSDL_SOAP11_BINDING_NS || c.ns === WSDL_SOAP12_BINDING_NS) && c.local === "body",
  );
  return body?.attr("namespace") ?? binding.name.ns;
}
