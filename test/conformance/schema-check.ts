import { SoapDecodeError } from "../../generated/customer-service/index.js";
import type { FieldMeta, ServiceMeta } from "../../generated/customer-service/index.js";
import { childPath, Decoder } from "../../generated/customer-service/runtime/decode.js";
import {
  complexLayout,
  isValueKind,
  lookupType,
  typeKeyByXmlName,
} from "../../generated/customer-service/runtime/typeinfo.js";
import { isBlank, resolveQName, XSI_NS } from "../../generated/customer-service/runtime/xml.js";
import type { Payload, PayloadElement as XmlElement } from "./docs.js";
import { builtinMapping, isBuiltinType } from "../../generator/lib/builtins.js";
import type { Difference } from "./compare.js";
import { type Message } from "../../generated/customer-service/runtime/envelope.js";

const XSD_NS = "http://www.w3.org/2001/XMLSchema";

/**
 * What a documented payload gets wrong relative to the WSDL's schema, one exact statement per mistake
 * with its element path: header blocks the operation does not declare, elements a type does not have,
 * elements out of schema order or repeated where only one is allowed, missing required elements,
 * values that are not valid for their type or not in their enumeration, xsi:nil where not nillable,
 * and xsi:type naming a type the element cannot have. This judges the documentation; the comparisons
 * in compare.ts judge the generated client against it.
 */
export function schemaViolations(service: ServiceMeta, message: Message, payload: Payload): Difference[] {
  return new SchemaChecker(service).message(message, payload);
}

class SchemaChecker {
  private readonly violations: Difference[] = [];
  private readonly decoder: Decoder;

  constructor(private readonly service: ServiceMeta) {
    this.decoder = new Decoder(service);
  }

  message(message: Message, payload: Payload): Difference[] {
    for (const block of payload.headers) {
      const field = message.headers.find(
        (candidate) => candidate.name === block.local && candidate.ns === block.ns,
      );
      const path = `Header/${block.local}`;
      if (field === undefined)
        this.report(
          path,
          `header block <${block.local}> (namespace "${block.ns}") is not declared for this operation`,
        );
      else this.element(block, field, path);
    }
    this.sequence(payload.body, message.body, "the message", "Body");
    return this.violations;
  }

  private report(path: string, message: string): void {
    this.violations.push({ path, message });
  }

  /** Children against a type's fields: membership, order, occurrence and required elements. */
  private sequence(
    children: readonly XmlElement[],
    fields: readonly FieldMeta[],
    owner: string,
    path: string,
  ): void {
    const seen = new Map<FieldMeta, number>();
    let furthest = -1;
    for (const child of children) {
      const index = fields.findIndex((field) => field.name === child.local && field.ns === child.ns);
      const field = fields[index];
      if (field === undefined) {
        this.report(
          `${path}/${child.local}`,
          `<${child.local}> (namespace "${child.ns}") is not an element of ${owner}`,
        );
        continue;
      }
      const count = seen.get(field) ?? 0;
      const childPathText = field.repeated ? `${path}/${child.local}[${count}]` : `${path}/${child.local}`;
      if (index < furthest) {
        const later = (fields[furthest] as FieldMeta).name;
        this.report(
          childPathText,
          `<${child.local}> comes after <${later}>, but ${owner} orders ${child.local} before ${later}`,
        );
      }
      if (count > 0 && !field.repeated)
        this.report(childPathText, `<${child.local}> occurs more than once; ${owner} allows it once`);
      seen.set(field, count + 1);
      furthest = Math.max(furthest, index);
      this.element(child, field, childPathText);
    }
    for (const field of fields) {
      if (!field.optional && !seen.has(field))
        this.report(path, `missing required <${field.name}> of ${owner}`);
    }
  }

  private element(element: XmlElement, field: FieldMeta, path: string): void {
    const nil = element.attributes.find((a) => a.ns === XSI_NS && a.local === "nil")?.value.trim();
    if (nil === "true" || nil === "1") {
      if (!field.nillable) this.report(path, `<${field.name}> has xsi:nil but is not nillable`);
      return;
    }
    const type = this.xsiType(element, field.type, path);
    if (isValueKind(type) || isTextType(this.service, type)) {
      this.simpleValue(element, type, path);
      return;
    }
    const meta = lookupType(this.service, type);
    if (!isBlank(element.text))
      this.report(
        path,
        `text ${JSON.stringify(element.text.trim())} in <${field.name}>, whose type ${meta.xmlName} has element content`,
      );
    switch (meta.kind) {
      case "complex":
        this.sequence(
          element.children,
          complexLayout(this.service, type).fields,
          `type ${meta.xmlName}`,
          path,
        );
        return;
      case "array":
        this.sequence(element.children, [meta.item], `type ${meta.xmlName}`, path);
        return;
      case "dictionary":
        element.children.forEach((entry, i) => {
          const entryPath = `${path}/${entry.local}[${i}]`;
          if (entry.local !== meta.entry.name || entry.ns !== meta.entry.ns) {
            this.report(
              entryPath,
              `<${entry.local}> (namespace "${entry.ns}") is not the entry element <${meta.entry.name}> of type ${meta.xmlName}`,
            );
          } else this.sequence(entry.children, [meta.key, meta.value], meta.entry.name, entryPath);
        });
        return;
      default:
        throw new Error(`unreachable: ${type} is a text type`);
    }
  }

  private simpleValue(element: XmlElement, type: string, path: string): void {
    if (element.children.length > 0) {
      this.report(
        path,
        `<${(element.children[0] as XmlElement).local}> inside <${element.local}>, whose type ${describe(this.service, type)} is simple`,
      );
      return;
    }
    const meta = isValueKind(type) ? undefined : lookupType(this.service, type);
    if (
      meta?.kind === "simple" &&
      meta.enumeration !== undefined &&
      !meta.enumeration.includes(element.text.trim())
    ) {
      this.report(
        path,
        `${JSON.stringify(element.text)} is not one of the ${meta.xmlName} values (${meta.enumeration.join(", ")})`,
      );
      return;
    }
    // The decoder keeps dates, times, durations and QNames as their text; no empty text is one.
    const kind = isValueKind(type) ? type : meta?.kind === "simple" ? meta.base : undefined;
    if (kind !== undefined && UNCHECKED_TEXT.has(kind) && isBlank(element.text)) {
      this.report(path, `${JSON.stringify(element.text)} is not a valid ${describe(this.service, type)}`);
      return;
    }
    try {
      this.decoder.simpleValue(element.text, type, childPath(undefined, path));
    } catch (error) {
      if (!(error instanceof SoapDecodeError)) throw error;
      this.report(path, `${JSON.stringify(element.text)} is not a valid ${describe(this.service, type)}`);
    }
  }

  /**
   * The type the element declares with xsi:type, when that is a type derived from the declared one;
   * otherwise the declared type. An xsi:type the element cannot have is reported: a schema type that is
   * neither the declared type nor derived from it, an XSD built-in of another value kind, or a name the
   * schema does not define.
   */
  private xsiType(element: XmlElement, declared: string, path: string): string {
    const attribute = element.attributes.find((a) => a.ns === XSI_NS && a.local === "type");
    if (attribute === undefined) return declared;
    const name = resolveQName(element, attribute.value);
    if (name === undefined) {
      this.report(path, `xsi:type "${attribute.value}" uses an undeclared prefix`);
      return declared;
    }
    const declaredName = describe(this.service, declared);
    if (name.ns === XSD_NS) {
      const builtin = isBuiltinType(name.local) ? builtinMapping(name.local) : undefined;
      if (builtin === undefined || !isValueKind(declared) || builtin.kind !== declared) {
        this.report(path, `xsi:type ${attribute.value} does not fit the declared type ${declaredName}`);
      }
      return declared;
    }
    const key = typeKeyByXmlName(this.service, name.ns, name.local);
    if (key === undefined) {
      this.report(path, `xsi:type ${attribute.value} names a type the schema does not define`);
      return declared;
    }
    if (key === declared) return declared;
    if (
      lookupType(this.service, key).kind === "complex" &&
      complexLayout(this.service, key).lineage.has(declared)
    )
      return key;
    this.report(
      path,
      `xsi:type ${attribute.value} is neither the declared type ${declaredName} nor derived from it`,
    );
    return declared;
  }
}

/** Value kinds whose text the decoder does not check: an empty one is still no valid value. */
const UNCHECKED_TEXT: ReadonlySet<string> = new Set(["date", "time", "duration", "qname"]);

function isTextType(service: ServiceMeta, type: string): boolean {
  const kind = lookupType(service, type).kind;
  return kind === "simple" || kind === "list";
}

function describe(service: ServiceMeta, type: string): string {
  return isValueKind(type) ? type : (lookupType(service, type).xmlName ?? type);
}
