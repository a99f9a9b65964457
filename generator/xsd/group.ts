/** Content models: xs:sequence, xs:choice, xs:all, xs:any and xs:group refs (inlined), with occurrence bounds. */
import type { XmlElement } from "../load/xml.js";
import { qnameKey, type AnyParticle, type GroupParticle, type Particle } from "../model.js";
import { xsdChildren } from "./annotation.js";
import { elementParticle } from "./element.js";
import { occurs } from "./occurs.js";
import type { SchemaSource } from "../load/walk.js";
import type { SchemaSet } from "./schema.js";

/** Whether an xs:sequence/xs:choice/xs:all/xs:group element starts a content model. */
export function isModelGroup(element: XmlElement): boolean {
  return (
    element.local === "sequence" ||
    element.local === "choice" ||
    element.local === "all" ||
    element.local === "group"
  );
}

/**
 * A model group (sequence, choice, all, or a group ref inlined with the ref's occurrence bounds).
 * `owner` names anonymous types inside; `groupRefs` holds the group refs being expanded, to stop cycles.
 */
export function groupParticle(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  owner: string,
  groupRefs: string[] = [],
): GroupParticle {
  if (element.local === "group") {
    const ref = element.attr("ref");
    if (ref === undefined) throw element.error("a local xs:group needs a ref attribute");
    const global = set.lookup("group", schema, element, ref, "ref");
    const key = qnameKey({ ns: global.schema.targetNamespace, local: global.element.attr("name")! });
    if (groupRefs.includes(key))
      throw element.error(`circular group reference: ${[...groupRefs, key].join(" -> ")}`);
    const [model, ...extra] = xsdChildren(global.element);
    if (!model || extra.length > 0 || model.local === "group" || !isModelGroup(model)) {
      throw global.element.error(
        "a global xs:group must contain exactly one xs:sequence, xs:choice or xs:all",
      );
    }
    const inlined = groupParticle(set, global.schema, model, global.element.attr("name")!, [
      ...groupRefs,
      key,
    ]);
    return { ...inlined, ...occurs(element) };
  }
  const particles: Particle[] = [];
  for (const child of xsdChildren(element)) {
    if (child.local === "element") particles.push(elementParticle(set, schema, child, owner));
    else if (child.local === "any") {
      const pc = child.attr("processContents") ?? "strict";
      if (!isProcessContents(pc))
        throw child.error(`processContents must be strict, lax or skip, found '${pc}'`);
      particles.push({
        kind: "any",
        namespace: child.attr("namespace") ?? "##any",
        processContents: pc,
        ...occurs(child),
      });
    } else if (isModelGroup(child) && element.local !== "all") {
      particles.push(groupParticle(set, schema, child, owner, groupRefs));
    } else throw child.error(`unexpected xs:${child.local} in xs:${element.local}`);
  }
  return { kind: element.local as GroupParticle["kind"], particles, ...occurs(element) };
}

function isProcessContents(value: string): value is AnyParticle["processContents"] {
  return value === "strict" || value === "lax" || value === "skip";
}
