/**
 * The runtime's tables: for every type the operations reach, how it is laid out on the wire, and for
 * every operation its SOAPAction, body and header elements. Plain values, which the format stage writes
 * as object literals (format/literal.ts), so a reader can see exactly what the client will send.
 */
import {
  qnameKey,
  type ElementDecl,
  type ElementParticle,
  type SchemaType,
  type TypeRef,
  type TypeKey,
  type MessagePart,
  type BuiltinName,
} from "../model.js";
import type {
  ChoiceMeta,
  FieldEntry,
  FieldMeta,
  GroupMeta,
  MessageMeta,
  TypeMeta,
  ValueKind,
} from "../../templates/runtime/metadata.js";
import { builtinMapping } from "../lib/builtins.js";
import { docText } from "../lib/names.js";
import type { EmitContext } from "./context.js";
import { type Table, type Tables, Verbatim } from "./emitted.js";
import { allProperties, ownShape, type Property, type Shape } from "./content-model.js";
import { isStringUnion, unionEnumeration } from "./simple-type.js";
import type { HeaderProperty, MessagePlan, PortPlan } from "./port.js";

/** The tables of `tables.ts`: those of the schema types several clients share. */
export function typeTables(ctx: EmitContext, keys: TypeKey[]): Tables {
  return {
    reserved: ["typeTables"],
    tables: [
      {
        doc: "Wire layout of every schema type the operations use, by TypeScript type name.",
        declaration: "export const typeTables: Readonly<Record<string, TypeMeta>> = ",
        value: typesTable(ctx, keys),
      },
    ],
  };
}

/**
 * The tables at the end of a client's module: the types only this client uses and its operations. The
 * header blocks every request or every response of the port carries (SuperOffice: the same three and
 * four) are listed once, for the port. The module imports `typeTables` with `sharedTables`, and the
 * metadata types `uses` names.
 */
export function serviceTables(
  ctx: EmitContext,
  plan: PortPlan,
  ownKeys: TypeKey[],
  sharedTables: boolean,
): { tables: Tables; uses: string[] } {
  // The port's namespace: its first operation's; message parts, headers and details in it leave it out.
  const first = plan.operations[0]?.op.input.body[0];
  const portNs = first === undefined ? undefined : ctx.element(first.element).name.ns;
  const inPort = (field: FieldMeta): FieldEntry => withinNamespace(field, portNs);
  const headerFields = (headers: HeaderProperty[]): FieldEntry[] =>
    headers.map((header) => inPort(partField(ctx, header.prop, ctx.element(header.element), true)));
  // Every header a port's messages carry, each direction's listed once when all its messages carry them.
  const portHeaders = {
    input: headerFields(plan.requestHeaders),
    output: headerFields(plan.responseHeaders),
  };
  const messages = plan.operations.flatMap(({ input, output }) => [
    ["input", input] as const,
    ...(output ? [["output", output] as const] : []),
  ]);
  const portList = { input: plan.requestHeaders, output: plan.responseHeaders };
  const allCarry = (direction: "input" | "output"): boolean =>
    portList[direction].length > 0 &&
    messages.every(
      ([d, { headers }]) =>
        d !== direction ||
        (headers.length === portList[direction].length &&
          headers.every((header, i) => header === portList[direction][i])),
    );
  const defaults = { input: allCarry("input"), output: allCarry("output") };
  // Left out, a message's headers are the port's, or none when the port has none.
  const headersOf = (direction: "input" | "output", message: MessagePlan): { headers?: FieldEntry[] } =>
    defaults[direction] || message.headers.length === 0 ? {} : { headers: headerFields(message.headers) };
  const operations = Object.fromEntries(
    plan.operations.map(({ op, input, output, faults }) => [
      op.name,
      {
        soapAction: op.soapAction,
        ...(op.addressing ? { addressing: op.addressing } : {}),
        input: messageMeta(ctx, input, op.input.body, inPort, headersOf("input", input)),
        ...(output && op.output
          ? { output: messageMeta(ctx, output, op.output.body, inPort, headersOf("output", output)) }
          : {}),
        ...(faults.length > 0
          ? {
              faults: faults.map(({ fault }) => ({
                name: fault.name,
                detail: inPort(partField(ctx, fault.part.name, ctx.element(fault.part.element), false)),
              })),
            }
          : {}),
      },
    ]),
  );
  const headers = {
    ...(defaults.input ? { input: portHeaders.input } : {}),
    ...(defaults.output ? { output: portHeaders.output } : {}),
  };
  const name = docText(plan.port.portType.local);
  const own = ownKeys.length > 0;
  const types = own
    ? sharedTables
      ? new Verbatim("{ ...typeTables, ...types }")
      : new Verbatim("types")
    : new Verbatim(sharedTables ? "typeTables" : "{}");
  const service: Table = {
    doc: `Wire layout of the ${name} operations.`,
    declaration: `export const ${plan.tablesName}: ServiceMeta = `,
    value: {
      types,
      soapVersion: plan.port.soapVersion,
      ns: portNs,
      failureHeaders: plan.failureHeaders,
      headers: defaults.input || defaults.output ? headers : undefined,
      operations,
    },
  };
  const ownTable: Table = {
    doc: `Wire layout of the types only ${name} uses, by TypeScript type name.`,
    declaration: "const types: Readonly<Record<string, TypeMeta>> = ",
    value: typesTable(ctx, ownKeys),
  };
  return {
    tables: {
      reserved: [plan.tablesName, plan.faultsName, "types", "typeTables"],
      tables: own ? [ownTable, service] : [service],
    },
    uses: own ? ["ServiceMeta", "TypeMeta"] : ["ServiceMeta"],
  };
}

/** Built with fromEntries, which makes every key an own property: assigning one named `__proto__` would set the prototype. */
function typesTable(ctx: EmitContext, keys: TypeKey[]): Record<string, TypeMeta> {
  return Object.fromEntries(
    keys.map((key): [string, TypeMeta] => [ctx.typeName(key), typeMeta(ctx, ctx.type(key))]),
  );
}

function typeMeta(ctx: EmitContext, type: SchemaType): TypeMeta {
  const xml = { xmlName: type.name.local, xmlNs: type.name.ns };
  if (type.kind === "simple") {
    if (type.variety === "list") return { kind: "list", ...xml, item: typeRefMeta(ctx, type.itemType) };
    if (type.variety === "union") {
      const enumeration = isStringUnion(ctx, type) ? unionEnumeration(ctx, type) : undefined;
      return { kind: "simple", ...xml, base: "string", ...(enumeration ? { enumeration } : {}) };
    }
    const base = valueKind(type.builtin);
    return type.enumeration && type.enumeration.length > 0 && base === "string"
      ? { kind: "simple", ...xml, base, enumeration: type.enumeration }
      : { kind: "simple", ...xml, base };
  }
  if (type.arrayItem)
    return {
      kind: "array",
      ...xml,
      item: elementField(ctx, type.arrayItem.name.local, type.arrayItem, true, true),
    };
  if (type.dictionary) {
    const { entry, key, value } = type.dictionary;
    return {
      kind: "dictionary",
      ...xml,
      entry: { name: entry.local, ns: entry.ns },
      key: elementField(ctx, key.name.local, key, false, false),
      value: elementField(ctx, value.name.local, value, false, false),
    };
  }
  const shape = ownShape(ctx, type);
  const properties = allProperties(shape);
  const attributes = properties.flatMap((p) =>
    p.kind === "attribute"
      ? [
          {
            ...(p.prop === p.attribute.name.local ? {} : { prop: p.prop }),
            name: p.attribute.name.local,
            ns: p.attribute.name.ns,
            type: typeRefMeta(ctx, p.attribute.type),
            ...(p.optional ? { optional: true } : {}),
          },
        ]
      : [],
  );
  return {
    kind: "complex",
    // An anonymous type's name is only the generator's: no xsi:type names it.
    ...(type.anonymous ? { xmlNs: type.name.ns } : xml),
    ...(type.base ? { base: ctx.typeName(qnameKey(type.base)) } : {}),
    fields: properties.flatMap((p) => {
      if (p.kind === "element")
        return [withinNamespace(elementField(ctx, p.prop, p.element, p.optional, p.repeated), type.name.ns)];
      if (p.kind !== "ordered") return [];
      return p.items.map(({ key, element }) => ({
        ...withinNamespace(elementField(ctx, key, element, false, false, true), type.name.ns),
        group: p.prop,
      }));
    }),
    ...(attributes.length > 0 ? { attributes } : {}),
    ...properties.flatMap((p) => (p.kind === "text" ? [{ text: typeRefMeta(ctx, p.type) }] : []))[0],
    ...(properties.some((p) => p.kind === "any") ? { any: true } : {}),
    ...(properties.some((p) => p.kind === "anyAttribute") ? { anyAttribute: true } : {}),
    ...groupsMeta(properties),
    ...choicesMeta(shape),
  };
}

/** The shape's exclusive choices, outermost first; one inside a branch is never required on its own. */
function choicesMeta(shape: Shape): { choices?: ChoiceMeta[] } {
  const choices: ChoiceMeta[] = [];
  const visit = (of: Shape, optional: boolean): void => {
    for (const branches of of.choices) {
      const props = branches.flatMap((branch) =>
        allProperties(branch).flatMap((p) => (p.kind === "element" || p.kind === "ordered" ? [p.prop] : [])),
      );
      const empty = optional || !branches.every(requiresContent);
      choices.push({ props: [...new Set(props)], ...(empty ? { optional: true } : {}) });
      for (const branch of branches) visit(branch, true);
    }
  };
  visit(shape, false);
  return choices.length > 0 ? { choices } : {};
}

/** Whether a value of the shape must have some element. */
function requiresContent(shape: Shape): boolean {
  return (
    shape.properties.some((p) => (p.kind === "element" || p.kind === "ordered") && !p.optional) ||
    shape.choices.some((branches) => branches.every(requiresContent))
  );
}

/** The ordered groups (`$choice`, `$mixed`), their flags only when set. */
function groupsMeta(properties: Property[]): { groups?: Record<string, GroupMeta> } {
  const groups = properties.flatMap((p) => (p.kind === "ordered" ? [p] : []));
  if (groups.length === 0) return {};
  return {
    groups: Object.fromEntries(
      groups.map((p): [string, GroupMeta] => [
        p.prop,
        { ...(p.optional ? { optional: true } : {}), ...(p.text ? { text: true } : {}) },
      ]),
    ),
  };
}

/** A message's tables; an unwrapped message's object is its one part's content, so the part needs no property. */
function messageMeta(
  ctx: EmitContext,
  plan: MessagePlan,
  body: MessagePart[],
  inPort: (field: FieldMeta) => FieldEntry,
  headers: { headers?: FieldEntry[] },
): MessageMeta {
  return {
    body: body.map((part, i) => {
      const element = ctx.element(part.element);
      return inPort(partField(ctx, plan.unwrapped ? element.name.local : plan.bodyProps[i]!, element, false));
    }),
    unwrapped: plan.unwrapped,
    ...headers,
  };
}

function partField(ctx: EmitContext, prop: string, element: ElementDecl, optional: boolean): FieldMeta {
  return slot(prop, element.name, typeRefMeta(ctx, element.type), { optional, nillable: element.nillable });
}

function elementField(
  ctx: EmitContext,
  prop: string,
  element: ElementParticle,
  optional: boolean,
  repeated: boolean,
  grouped = false,
): FieldMeta {
  const field = slot(prop, element.name, typeRefMeta(ctx, element.type), {
    // A group's item is there or not as the group's items say: the element's own minOccurs is no flag.
    optional: !grouped && (optional || element.minOccurs === 0),
    repeated,
    nillable: element.nillable,
  });
  const members = ctx.substitutionMembers(element);
  if (members.length === 0) return field;
  return {
    ...field,
    members: members.map((member) => ({
      name: member.name.local,
      ns: member.name.ns,
      type: typeRefMeta(ctx, member.type),
    })),
  };
}

/** A field inside a table whose namespace is `ns`: its own `ns` only when it is another. */
function withinNamespace(field: FieldMeta, ns: string | undefined): FieldEntry {
  if (field.ns !== ns) return field;
  const { ns: _, ...entry } = field;
  return entry;
}

/** A field as the tables write it: `prop` only when it is not the XML name, and only the flags that are set. */
function slot(
  prop: string,
  name: { ns: string; local: string },
  type: string,
  flags: { optional?: boolean; repeated?: boolean; nillable?: boolean },
): FieldMeta {
  return {
    ...(prop === name.local ? {} : { prop }),
    name: name.local,
    ns: name.ns,
    type,
    ...(flags.optional ? { optional: true } : {}),
    ...(flags.repeated ? { repeated: true } : {}),
    ...(flags.nillable ? { nillable: true } : {}),
  };
}

function typeRefMeta(ctx: EmitContext, ref: TypeRef | undefined): string {
  if (!ref) return "string";
  return ref.kind === "builtin" ? valueKind(ref.name) : ctx.typeName(ref.key);
}

function valueKind(builtin: BuiltinName): ValueKind {
  return builtinMapping(builtin).kind;
}
