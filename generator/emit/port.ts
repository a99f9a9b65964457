/**
 * The plan for one client class (one SOAP-bound portType): the names of everything it declares and how
 * each operation's messages map onto TypeScript objects. The type, client and metadata emitters all read
 * the same plan, so names and shapes agree across the generated files.
 */
import {
  qnameKey,
  type FaultModel,
  type MessageModel,
  type MessagePart,
  type OperationModel,
  type Particle,
  type PortModel,
  type TypeKey,
  type ElementKey,
} from "../model.js";
import { lowerCamel, memberName, NameAllocator, pascalCase, toTypeName } from "../lib/names.js";
import type { EmitContext } from "./context.js";

export interface HeaderProperty {
  prop: string;
  element: ElementKey;
}

export interface MessagePlan {
  /** The TypeScript type of the message object. */
  typeName: string;
  /** True when the message object is the single body element's content (document/literal wrapped). */
  unwrapped: boolean;
  /** Declared here when the message needs a type of its own (not a schema type reused as is). */
  declaration?: { kind: "alias"; of: string } | { kind: "parts"; parts: MessagePart[] };
  /** The property of each body part in the message object, in part order (used when not unwrapped). */
  bodyProps: string[];
  /** Header part name → property of the port's header interface. */
  headers: HeaderProperty[];
  /** True when every property of the message object is optional, so the argument can be left out. */
  allOptional: boolean;
  /** True when the message object is a nillable element's content: `xsi:nil` makes it null. */
  nillable?: boolean;
}

export interface OperationPlan {
  op: OperationModel;
  method: string;
  input: MessagePlan;
  output?: MessagePlan;
  faults: { fault: FaultModel; className: string }[];
}

export interface PortPlan {
  port: PortModel;
  clientName: string;
  optionsName: string;
  operationsName: string;
  endpointName: string;
  /** The operation tables (`ServiceMeta`) the client and the stub run on: `customerServiceTables`. */
  tablesName: string;
  /** The fault class of each wsdl:fault name, for the runtime. */
  faultsName: string;
  requestHeadersName: string;
  responseHeadersName: string;
  requestHeaders: HeaderProperty[];
  responseHeaders: HeaderProperty[];
  /** The names this client's module chose among its own (its messages'); other modules may have them too. */
  moduleNames: readonly string[];
  /** The class of each fault of the output's operations, by `faultId`. */
  faultClasses: Map<string, string>;
  /** The fault classes several clients share, declared in `faults.ts` instead of a client's module. */
  sharedFaults: ReadonlySet<string>;
  operations: OperationPlan[];
  /** The properties of the port's failure headers (`PortModel.failureHeaders`) in its response headers. */
  failureHeaders?: { succeeded: string; exceptionInfo: string };
  /** Name of the `SoapServiceError` subclass typed with this port's headers (with `failureHeaders`). */
  failureName?: string;
  /** The stub: the interface of the methods that implement the service, their context, the factory. */
  handlersName: string;
  handlerContextName: string;
  /** The type of a handler method for one operation: `ContactMethod<"GetContact">`. */
  handlerMethodName: string;
  createHandlerName: string;
}

/**
 * Names a method must not take: the client's own members, `then` (a client with a `then` method would be
 * taken for a promise by `await`), and the members every object inherits (`toString`, `__proto__`, ...).
 */
const CLIENT_MEMBERS = ["call", "then", ...Object.getOwnPropertyNames(Object.prototype)];

/**
 * The plans of the ports' clients, `base` being the name each client's declarations start with (the
 * portType's unless two ports share it). The names every module shares (clients, their options, headers,
 * errors and stubs) are claimed for all ports first; then each client names its operations' messages
 * among its own module's names, so two clients may each have a `GetAddressRequest`.
 */
export function planPorts(ctx: EmitContext, ports: { port: PortModel; base: string }[]): PortPlan[] {
  const faultClasses = new Map<string, string>();
  const named = ports.map(({ port, base }) => sharedNames(ctx, port, base, faultClasses));
  // A fault two ports declare (the same wsdl:fault name and detail element) is one class, so that
  // `instanceof` holds whichever client threw it.
  const portsOf = new Map<string, number>();
  for (const { plan } of named)
    for (const id of new Set(plan.port.operations.flatMap((op) => op.faults.map(faultId))))
      portsOf.set(id, (portsOf.get(id) ?? 0) + 1);
  const shared = new Set([...portsOf].filter(([, n]) => n > 1).map(([id]) => faultClasses.get(id)!));
  for (const { plan, headers } of named) {
    plan.sharedFaults = shared;
    planOperations(ctx, plan, headers);
  }
  return named.map(({ plan }) => plan);
}

interface PortHeaders {
  request: HeaderProps;
  response: HeaderProps;
}

function sharedNames(
  ctx: EmitContext,
  port: PortModel,
  base: string,
  faultClasses: Map<string, string>,
): { plan: PortPlan; headers: PortHeaders } {
  const requestHeaders = new HeaderProps();
  const responseHeaders = new HeaderProps();
  for (const op of port.operations) {
    op.input.headers.forEach((part) => requestHeaders.add(part));
    op.output?.headers.forEach((part) => responseHeaders.add(part));
  }
  const tablesName = ctx.claimValueName(`${lowerCamel(base)}Tables`);
  const plan: PortPlan = {
    port,
    clientName: ctx.claimName(`${base}Client`),
    optionsName: ctx.claimName(`${base}ClientOptions`),
    operationsName: ctx.claimName(`${base}Operations`),
    endpointName: ctx.claimName(`${base}DefaultEndpoint`),
    tablesName,
    faultsName: ctx.claimValueName(`${lowerCamel(base)}Faults`),
    requestHeadersName: ctx.claimName(`${base}RequestHeaders`),
    responseHeadersName: ctx.claimName(`${base}ResponseHeaders`),
    requestHeaders: requestHeaders.list,
    responseHeaders: responseHeaders.list,
    faultClasses,
    sharedFaults: new Set(),
    moduleNames: [],
    operations: [],
    handlersName: "",
    handlerContextName: "",
    handlerMethodName: "",
    createHandlerName: "",
  };
  for (const fault of port.operations.flatMap((op) => op.faults)) {
    const id = faultId(fault);
    if (!faultClasses.has(id)) faultClasses.set(id, ctx.claimName(`${fault.name}Error`));
  }
  if (port.failureHeaders) {
    const { succeeded, exceptionInfo } = port.failureHeaders;
    const propOf = (element: ElementKey): string =>
      responseHeaders.list.find((h) => h.element === element)!.prop;
    plan.failureHeaders = { succeeded: propOf(succeeded), exceptionInfo: propOf(exceptionInfo) };
    plan.failureName = ctx.claimName(`${base}Error`);
  }
  // Claimed last, so that existing names never move for the stub's.
  plan.handlersName = ctx.claimName(`${base}Handlers`);
  plan.handlerContextName = ctx.claimName(`${base}HandlerContext`);
  plan.createHandlerName = ctx.claimValueName(`create${pascalCase(base)}Handler`);
  plan.handlerMethodName = ctx.claimName(`${base}Method`);
  return { plan, headers: { request: requestHeaders, response: responseHeaders } };
}

function planOperations(ctx: EmitContext, plan: PortPlan, headers: PortHeaders): void {
  const names = ctx.moduleNames();
  ctx.nameWrappers(plan.port, names);
  const methods = new NameAllocator(CLIENT_MEMBERS);
  for (const op of plan.port.operations) {
    plan.operations.push({
      op,
      method: methods.claim(lowerCamel(op.name)),
      input: planMessage(ctx, op.input, `${op.name}Request`, headers.request, names),
      ...(op.output
        ? { output: planMessage(ctx, op.output, `${op.name}Response`, headers.response, names) }
        : {}),
      faults: op.faults.map((fault) => ({ fault, className: plan.faultClasses.get(faultId(fault))! })),
    });
  }
  plan.moduleNames = names.handedOut;
}

function faultId(fault: FaultModel): string {
  return `${fault.name}|${fault.part.element}`;
}

function planMessage(
  ctx: EmitContext,
  message: MessageModel,
  wanted: string,
  headers: HeaderProps,
  names: NameAllocator,
): MessagePlan {
  const headerProps = message.headers.map((part) => headers.add(part));
  const bodyNames = new NameAllocator();
  const bodyProps = message.body.map((part) => bodyNames.claim(memberName(part.name)));
  const single = message.body.length === 1 ? ctx.element(message.body[0]!.element) : undefined;
  const type = single?.type.kind === "named" ? ctx.type(single.type.key) : undefined;
  if (
    single &&
    single.type.kind === "named" &&
    type?.kind === "complex" &&
    !type.arrayItem &&
    !type.dictionary
  ) {
    const schemaName = ctx.typeName(single.type.key);
    const allOptional = isAllOptional(ctx, single.type.key);
    const nillable = single.nillable ? { nillable: true } : {};
    // An operation's own wrapper is its message type; a shared one or a named type gets an alias.
    if (
      schemaName === toTypeName(pascalCase(wanted)) ||
      (type.anonymous && !ctx.sharedWrappers.has(single.type.key))
    ) {
      return {
        typeName: schemaName,
        unwrapped: true,
        bodyProps,
        headers: headerProps,
        allOptional,
        ...nillable,
      };
    }
    const typeName = names.claim(toTypeName(pascalCase(wanted)));
    return {
      typeName,
      unwrapped: true,
      declaration: { kind: "alias", of: schemaName },
      bodyProps,
      headers: headerProps,
      allOptional,
      ...nillable,
    };
  }
  return {
    typeName: names.claim(toTypeName(pascalCase(wanted))),
    unwrapped: false,
    declaration: { kind: "parts", parts: message.body },
    bodyProps,
    headers: headerProps,
    allOptional: message.body.length === 0,
  };
}

function isAllOptional(ctx: EmitContext, key: TypeKey): boolean {
  const type = ctx.type(key);
  if (type.kind !== "complex" || type.simpleContent) return false;
  const requiredAttribute = type.attributes.some((a) => a.use === "required");
  const requiredContent = type.content !== undefined && minOccursOf(type.content) > 0;
  if (requiredAttribute || requiredContent) return false;
  return type.base ? isAllOptional(ctx, qnameKey(type.base)) : true;
}

/** Whether a particle demands any element at all (0 when it can be empty). */
function minOccursOf(particle: Particle): number {
  if (particle.minOccurs === 0) return 0;
  if (particle.kind === "element" || particle.kind === "any") return particle.minOccurs;
  const counts = particle.particles.map(minOccursOf);
  if (particle.kind === "choice") return counts.length === 0 ? 0 : Math.min(...counts);
  return counts.reduce((a, b) => a + b, 0);
}

/** Header parts of all operations merged into one interface; a part name used for two elements is split. */
class HeaderProps {
  readonly list: HeaderProperty[] = [];
  private readonly byPart = new Map<string, HeaderProperty>();
  private readonly names = new NameAllocator();

  add(part: MessagePart): HeaderProperty {
    const id = `${part.name}|${part.element}`;
    let header = this.byPart.get(id);
    if (!header) {
      header = { prop: this.names.claim(memberName(part.name)), element: part.element };
      this.byPart.set(id, header);
      this.list.push(header);
    }
    return header;
  }
}
