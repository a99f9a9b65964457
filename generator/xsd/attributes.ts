/** Attributes of a complex type: xs:attribute (local or ref), xs:attributeGroup refs (inlined) and xs:anyAttribute. */
import type { XmlElement } from "../load/xml.js";
import { qnameKey, type AttributeDecl, type TypeRef } from "../model.js";
import type { SchemaSource } from "../load/walk.js";
import type { SchemaSet } from "./schema.js";
import { anonymousSimpleType } from "./simple-type.js";

export interface Attributes {
  attributes: AttributeDecl[];
  anyAttribute: boolean;
}

const ANY_SIMPLE_TYPE: TypeRef = { kind: "builtin", name: "anySimpleType" };
const STRING: TypeRef = { kind: "builtin", name: "string" };

/** The attribute uses among `parent`'s children, in order, attribute groups expanded where they are referenced. */
export function collectAttributes(
  set: SchemaSet,
  schema: SchemaSource,
  parent: XmlElement,
  owner: string,
  into: Attributes = { attributes: [], anyAttribute: false },
  groupRefs: string[] = [],
): Attributes {
  for (const child of parent.childrenIn(parent.ns)) {
    if (child.local === "attribute") {
      const decl = attribute(set, schema, child, owner);
      if (decl) into.attributes.push(decl);
    } else if (child.local === "anyAttribute") into.anyAttribute = true;
    else if (child.local === "attributeGroup") {
      const ref = child.attr("ref");
      if (ref === undefined) throw child.error("a local xs:attributeGroup needs a ref attribute");
      const global = set.lookup("attributeGroup", schema, child, ref, "ref");
      const name = global.element.attr("name")!;
      const key = qnameKey({ ns: global.schema.targetNamespace, local: name });
      if (groupRefs.includes(key))
        throw child.error(`circular attribute group reference: ${[...groupRefs, key].join(" -> ")}`);
      collectAttributes(set, global.schema, global.element, name, into, [...groupRefs, key]);
    }
  }
  return into;
}

/** One attribute use; undefined for `use="prohibited"` (a restriction removing an inherited attribute). */
function attribute(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  owner: string,
): AttributeDecl | undefined {
  const use = element.attr("use") ?? "optional";
  if (use !== "required" && use !== "optional" && use !== "prohibited")
    throw element.error(`use must be required, optional or prohibited, found '${use}'`);
  if (use === "prohibited") return undefined;
  const ref = element.attr("ref");
  let decl: AttributeDecl;
  if (ref !== undefined) {
    const name = set.qname(schema, element, ref, "ref");
    if (set.isXmlAttribute(name)) decl = { name, type: STRING, use };
    else {
      const global = set.lookup("attribute", schema, element, ref, "ref");
      decl = { ...declaration(set, global.schema, global.element, name.local), name, use };
    }
    // A ref may set its own default or fixed value over the declaration's.
    const fixed = element.attr("fixed");
    const fallback = element.attr("default");
    if (fixed !== undefined) decl.fixed = fixed;
    if (fallback !== undefined) decl.default = fallback;
  } else {
    const local = element.attr("name");
    if (local === undefined) throw element.error("xs:attribute needs a name or a ref attribute");
    const form = element.attr("form") ?? schema.element.attr("attributeFormDefault") ?? "unqualified";
    decl = {
      ...declaration(set, schema, element, `${owner}${capitalise(local)}`),
      name: { ns: form === "qualified" ? schema.targetNamespace : "", local },
      use,
    };
  }
  return decl;
}

/** Type, default and fixed value of an attribute declaration (global or local). */
function declaration(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  hint: string,
): Pick<AttributeDecl, "type" | "default" | "fixed"> {
  const typeName = element.attr("type");
  const inline = element.childrenIn(element.ns, "simpleType")[0];
  if (typeName !== undefined && inline)
    throw element.error("xs:attribute has both a type attribute and an inline xs:simpleType");
  const type =
    typeName !== undefined
      ? set.typeRef(schema, element, typeName, "type")
      : inline
        ? anonymousSimpleType(set, schema, inline, hint)
        : ANY_SIMPLE_TYPE;
  const result: Pick<AttributeDecl, "type" | "default" | "fixed"> = { type };
  const fixed = element.attr("fixed");
  const fallback = element.attr("default");
  if (fixed !== undefined) result.fixed = fixed;
  if (fallback !== undefined) result.default = fallback;
  return result;
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
