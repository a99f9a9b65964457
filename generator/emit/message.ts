/** `wsdl:message` and `soap:header` → request/response types and the port's header interfaces. */
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from "ts-morph";
import { StructureKind } from "../lib/ts-morph.js";
import { propertyKey } from "../lib/names.js";
import { jsDoc } from "../lib/ts.js";
import type { EmitContext } from "./context.js";
import type { HeaderProperty, MessagePlan, PortPlan } from "./port.js";

/** The type of a message's value: its object type, or that or null when its element is nillable. */
export function messageValueType(message: MessagePlan): string {
  return message.nillable ? `${message.typeName} | null` : message.typeName;
}

export function emitMessages(
  ctx: EmitContext,
  plan: PortPlan,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const declarations: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = [
    headerInterface(
      ctx,
      plan.requestHeadersName,
      plan.requestHeaders,
      "SOAP header blocks a request can carry.",
    ),
    headerInterface(
      ctx,
      plan.responseHeadersName,
      plan.responseHeaders,
      "SOAP header blocks a response can carry.",
    ),
  ];
  for (const { op, input, output } of plan.operations) {
    for (const [message, role] of [
      [input, "request"],
      [output, "response"],
    ] as const) {
      const declaration = message && messageDeclaration(ctx, message, `The ${role} of ${op.name}.`);
      if (declaration) declarations.push(declaration);
    }
  }
  return declarations;
}

function messageDeclaration(
  ctx: EmitContext,
  message: MessagePlan,
  doc: string,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure | undefined {
  const declaration = message.declaration;
  if (!declaration) return undefined;
  if (declaration.kind === "alias") {
    return {
      kind: StructureKind.TypeAlias,
      name: message.typeName,
      isExported: true,
      docs: jsDoc(doc),
      type: declaration.of,
    };
  }
  return {
    kind: StructureKind.Interface,
    name: message.typeName,
    isExported: true,
    docs: jsDoc(doc),
    properties: declaration.parts.map((part, i) => {
      const element = ctx.element(part.element);
      const value = ctx.typeText(element.type);
      return {
        name: propertyKey(message.bodyProps[i]!),
        type: element.nillable ? `${value} | null` : value,
        docs: jsDoc(element.documentation),
      };
    }),
  };
}

function headerInterface(
  ctx: EmitContext,
  name: string,
  headers: HeaderProperty[],
  doc: string,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: jsDoc(doc),
    properties: headers.map((header) => {
      const element = ctx.element(header.element);
      const value = ctx.typeText(element.type);
      return {
        name: propertyKey(header.prop),
        hasQuestionToken: true,
        type: element.nillable ? `${value} | null` : value,
        docs: jsDoc(element.documentation),
      };
    }),
  };
}
