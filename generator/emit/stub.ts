/**
 * The service side of a port, the client's mirror (`<module>.stub.ts`): `<PortType>Handlers`, one optional
 * method per operation named as the client's, and `create<PortType>Handler`, which serves them with the
 * runtime's `server.ts` from the client module's own tables.
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { StructureKind } from "../lib/ts-morph.js";
import { objectKey } from "../lib/names.js";
import { jsDoc, stringLiteral } from "../lib/ts.js";
import type { EmitContext } from "./context.js";
import type { PortPlan } from "./port.js";
import { messageValueType } from "./message.js";

export function emitStub(ctx: EmitContext, plan: PortPlan): StatementStructures[] {
  return [context(ctx, plan), method(plan), handlersInterface(plan), factory(ctx, plan)];
}

/** The types and values a stub module takes from elsewhere: message and header types, fault classes, tables. */
export function stubImports(plan: PortPlan): { types: string[]; values: string[] } {
  const types = new Set([plan.requestHeadersName, plan.responseHeadersName, plan.operationsName]);
  for (const { input, output } of plan.operations) if (!output) types.add(input.typeName);
  const faults = new Set(plan.operations.flatMap((o) => o.faults.map((f) => f.className)));
  return { types: [...types].sort(), values: [plan.tablesName, ...[...faults].sort()] };
}

function context(ctx: EmitContext, plan: PortPlan): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: plan.handlerContextName,
    isExported: true,
    docs: jsDoc(
      `What a ${plan.handlersName} method gets besides its request: the request's headers, and ` +
        "`setResponseHeaders` for the response's.",
    ),
    type: `${ctx.serverRef("HandlerContext")}<${plan.requestHeadersName}, ${plan.responseHeadersName}>`,
  };
}

/** One handler method's type, said once for every operation with a response. */
function method(plan: PortPlan): InterfaceDeclarationStructure {
  const operation = `${plan.operationsName}[K]`;
  return {
    kind: StructureKind.Interface,
    name: plan.handlerMethodName,
    isExported: true,
    docs: jsDoc(`The ${plan.handlersName} method of operation K: its request in, its response out.`),
    typeParameters: [{ name: "K", constraint: `keyof ${plan.operationsName}` }],
    callSignatures: [
      {
        parameters: [
          { name: "request", type: `${operation}["request"]` },
          { name: "context", type: plan.handlerContextName },
        ],
        returnType: `${operation}["response"] | Promise<${operation}["response"]>`,
      },
    ],
  };
}

function handlersInterface(plan: PortPlan): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: plan.handlersName,
    isExported: true,
    docs: jsDoc(
      `The ${plan.port.portType.local} service implemented in TypeScript, for tests and local runs: one ` +
        `method per operation, named as ${plan.clientName}'s. An operation without a method answers a ` +
        "SOAP Fault naming it. " +
        (plan.failureName && plan.failureHeaders
          ? `Throw ${plan.failureName} to answer as the service reports failure ` +
            `(\`${plan.failureHeaders.succeeded}\` = false), or a SoapFaultError`
          : "Throw a SoapFaultError") +
        " (an operation's fault class) to answer a Fault.",
    ),
    properties: plan.operations
      .filter(({ output }) => output)
      .map(({ op, method }) => ({
        name: method,
        hasQuestionToken: true,
        docs: jsDoc(op.documentation),
        type: `${plan.handlerMethodName}<${stringLiteral(op.name)}>`,
      })),
    // A one-way operation's method answers nothing: it returns void.
    methods: plan.operations
      .filter(({ output }) => !output)
      .map(({ op, method, input }) => ({
        name: method,
        hasQuestionToken: true,
        docs: jsDoc(op.documentation),
        parameters: [
          { name: "request", type: input.typeName },
          { name: "context", type: plan.handlerContextName },
        ],
        returnType: "void | Promise<void>",
      })),
  };
}

function factory(ctx: EmitContext, plan: PortPlan): FunctionDeclarationStructure {
  const methods = plan.operations.map(({ op, method }) => `${objectKey(op.name)}: ${stringLiteral(method)}`);
  const faults = [
    ...new Set(
      plan.operations.flatMap((o) => o.faults.map((f) => `${objectKey(f.fault.name)}: ${f.className}`)),
    ),
  ];
  const binding = `{ methods: { ${methods.join(", ")} }${faults.length > 0 ? `, faults: { ${faults.join(", ")} }` : ""} }`;
  return {
    kind: StructureKind.Function,
    name: plan.createHandlerName,
    isExported: true,
    docs: jsDoc(
      `Serves ${plan.handlersName} as a fetch-style handler: pass it as ${plan.clientName}'s \`fetch\`, ` +
        "or to `nodeListener` for `node:http`.",
    ),
    parameters: [
      { name: "handlers", type: plan.handlersName },
      { name: "options", type: ctx.serverRef("SoapHandlerOptions"), hasQuestionToken: true },
    ],
    returnType: ctx.serverRef("SoapHandler"),
    statements: `return ${ctx.serverRef("createSoapHandler")}(${plan.tablesName}, handlers, ${binding}, options);`,
  };
}
