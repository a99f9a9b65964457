/** `wsdl:portType` + its SOAP binding → the client class, its options, its operation map and fault classes. */
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  PropertyDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../lib/ts-morph.js";
import { objectKey, propertyKey } from "../lib/names.js";
import { jsDoc, stringLiteral } from "../lib/ts.js";
import type { EmitContext } from "./context.js";
import type { FaultModel } from "../model.js";
import { messageValueType } from "./message.js";
import type { OperationPlan, PortPlan } from "./port.js";

export function emitClient(ctx: EmitContext, plan: PortPlan): StatementStructures[] {
  return [
    ...faultClasses(ctx, plan),
    ...failure(ctx, plan),
    ...endpoint(plan),
    operationsMap(plan),
    options(ctx, plan),
    clientClass(ctx, plan),
  ];
}

/**
 * One error class per `wsdl:fault`, so callers can `catch (e) { if (e instanceof XFaultError) ... }`, and
 * the port's map of them; a class several clients share is declared in `faults.ts` (`faultClass`).
 */
function faultClasses(ctx: EmitContext, plan: PortPlan): StatementStructures[] {
  const seen = new Set<string>();
  const classes: ClassDeclarationStructure[] = [];
  for (const { fault, className } of plan.operations.flatMap((o) => o.faults)) {
    if (seen.has(className)) continue;
    seen.add(className);
    if (!plan.sharedFaults.has(className)) classes.push(faultClass(ctx, fault, className));
  }
  if (seen.size === 0) return [];
  const map: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: plan.faultsName,
        initializer: `{ ${[...new Set(plan.operations.flatMap((o) => o.faults.map((f) => `${objectKey(f.fault.name)}: ${f.className}`)))].join(", ")} }`,
      },
    ],
  };
  return [...classes, map];
}

/** The error class of a `wsdl:fault`, typed with its detail. */
export function faultClass(
  ctx: EmitContext,
  fault: FaultModel,
  className: string,
): ClassDeclarationStructure {
  const detail = ctx.typeText(ctx.element(fault.part.element).type);
  return {
    kind: StructureKind.Class,
    name: className,
    isExported: true,
    docs: jsDoc(fault.documentation, `The service answered with the \`${fault.name}\` fault.`),
    extends: `${ctx.runtimeRef("SoapFaultError")}<${detail}>`,
    properties: [
      { name: "name", isReadonly: true, hasOverrideKeyword: true, initializer: stringLiteral(className) },
      typedField("detail", `${detail} | undefined`),
    ],
    ctors: [typedConstructor(`${ctx.runtimeRef("SoapFaultInit")}<${detail}>`)],
  };
}

/**
 * The runtime's SoapServiceError subclassed with what this service puts in its failure headers, so that
 * `instanceof` alone narrows to them.
 */
function failure(ctx: EmitContext, plan: PortPlan): ClassDeclarationStructure[] {
  if (!plan.failureName || !plan.failureHeaders) return [];
  const headers = plan.responseHeadersName;
  const info = `${headers}[${stringLiteral(plan.failureHeaders.exceptionInfo)}]`;
  return [
    {
      kind: StructureKind.Class,
      name: plan.failureName,
      isExported: true,
      docs: jsDoc(
        `${plan.clientName}'s service answered \`${plan.failureHeaders.succeeded}\` = false; ` +
          `\`exceptionInfo\` is its \`${plan.failureHeaders.exceptionInfo}\` header.`,
      ),
      extends: `${ctx.runtimeRef("SoapServiceError")}<${info}, ${headers}>`,
      properties: [
        {
          name: "name",
          isReadonly: true,
          hasOverrideKeyword: true,
          initializer: stringLiteral(plan.failureName),
        },
        typedField("exceptionInfo", info),
        typedField("headers", headers),
      ],
      ctors: [typedConstructor(`${ctx.runtimeRef("SoapServiceErrorInit")}<${info}, ${headers}>`)],
    },
  ];
}

/**
 * A field of the runtime's error class declared again with this service's type (`declare`: no code, the
 * runtime sets it), and the constructor likewise: an editor's hover then shows `ContactError.exceptionInfo:
 * SoExceptionInfo | null | undefined`, not the runtime's generic class and its type arguments.
 */
function typedField(name: string, type: string): OptionalKind<PropertyDeclarationStructure> {
  return { name, type, isReadonly: true, hasDeclareKeyword: true };
}

function typedConstructor(init: string): OptionalKind<ConstructorDeclarationStructure> {
  return { parameters: [{ name: "init", type: init }], statements: ["super(init);"] };
}

function endpoint(plan: PortPlan): VariableStatementStructure[] {
  if (!plan.port.address) return [];
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`The endpoint the WSDL names for ${plan.port.serviceName ?? plan.port.portType.local}.`),
      declarations: [{ name: plan.endpointName, initializer: stringLiteral(plan.port.address) }],
    },
  ];
}

function operationsMap(plan: PortPlan): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: plan.operationsName,
    isExported: true,
    docs: jsDoc(`Every ${plan.port.portType.local} operation by name: its request and response.`),
    properties: plan.operations.map(({ op, input, output }) => ({
      name: propertyKey(op.name),
      type: `{ request: ${input.typeName}; response: ${output ? messageValueType(output) : "undefined"} }`,
    })),
  };
}

function options(ctx: EmitContext, plan: PortPlan): TypeAliasDeclarationStructure {
  const base = `${ctx.runtimeRef("SoapClientOptions")}<${plan.requestHeadersName}>`;
  return {
    kind: StructureKind.TypeAlias,
    name: plan.optionsName,
    isExported: true,
    docs: jsDoc(
      plan.port.address
        ? `Options for ${plan.clientName}; \`endpoint\` defaults to ${plan.endpointName}.`
        : `Options for ${plan.clientName}; the WSDL names no endpoint, so \`endpoint\` is required.`,
    ),
    type: plan.port.address ? `Omit<${base}, "endpoint"> & { endpoint?: string }` : base,
  };
}

function clientClass(ctx: EmitContext, plan: PortPlan): ClassDeclarationStructure {
  const headers = plan.requestHeadersName;
  const errorClasses = [
    ...(plan.operations.some((o) => o.faults.length > 0) ? [`faults: ${plan.faultsName}`] : []),
    ...(plan.failureName ? [`serviceError: ${plan.failureName}`] : []),
  ];
  const errors = errorClasses.length > 0 ? `, { ${errorClasses.join(", ")} }` : "";
  const endpointDefault = plan.port.address
    ? `{ ...options, endpoint: options.endpoint ?? ${plan.endpointName} }`
    : "options";
  return {
    kind: StructureKind.Class,
    name: plan.clientName,
    isExported: true,
    docs: jsDoc(
      plan.port.documentation,
      `A typed client for the ${plan.port.portType.local} SOAP ${plan.port.soapVersion} service.`,
    ),
    properties: [{ name: "#soap", isReadonly: true, type: `${ctx.runtimeRef("SoapClient")}<${headers}>` }],
    ctors: [
      {
        parameters: [
          { name: "options", type: plan.optionsName, ...(plan.port.address ? { initializer: "{}" } : {}) },
        ],
        statements: `this.#soap = new ${ctx.runtimeRef("SoapClient")}<${headers}>(${plan.tablesName}, ${endpointDefault}${errors});`,
      },
    ],
    methods: [
      {
        name: "call",
        docs: jsDoc(
          "Calls an operation by name and returns its body together with the response headers and HTTP status.",
        ),
        typeParameters: [{ name: "K", constraint: `keyof ${plan.operationsName}` }],
        parameters: [
          { name: "operation", type: "K" },
          { name: "request", type: `${plan.operationsName}[K]["request"]` },
          { name: "options", type: `${ctx.runtimeRef("CallOptions")}<${headers}>`, hasQuestionToken: true },
        ],
        returnType: `Promise<${ctx.runtimeRef("SoapResponse")}<${plan.operationsName}[K]["response"], ${plan.responseHeadersName}>>`,
        statements: "return this.#soap.invoke(operation, request, options);",
      },
      ...plan.operations.map((operation) => method(ctx, plan, operation)),
    ],
  };
}

function method(
  ctx: EmitContext,
  plan: PortPlan,
  { op, method, input, output }: OperationPlan,
): OptionalKind<MethodDeclarationStructure> {
  return {
    name: method,
    isAsync: true,
    docs: jsDoc(op.documentation),
    parameters: [
      {
        name: "request",
        type: input.typeName,
        ...(input.allOptional ? { initializer: "{}" } : {}),
      },
      {
        name: "options",
        type: `${ctx.runtimeRef("CallOptions")}<${plan.requestHeadersName}>`,
        hasQuestionToken: true,
      },
    ],
    returnType: `Promise<${output ? messageValueType(output) : "void"}>`,
    statements: output
      ? `return (await this.call(${stringLiteral(op.name)}, request, options)).body;`
      : `await this.call(${stringLiteral(op.name)}, request, options);`,
  };
}
