/**
 * Synthetic WSDLs for the scaling series: the service's own schema declarations, messages and operations
 * repeated `factor` times, copy k renamed with the suffix `_k` (named types, top-level elements, messages,
 * portType and binding operations with their input/output/fault names and SOAP actions) and every `tns:`
 * reference inside a copy pointing into the same copy. Imported schemas (the DataContract Serialization
 * namespaces), the portType, binding and service themselves stay single.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";

/** A node of fast-xml-parser's `preserveOrder` tree: one tag key (or `#text`/`#comment`) and its attributes under `:@`. */
type OrderedNode = Record<string, unknown>;
type Attributes = Record<string, string>;

const ATTR = "@_";
const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  commentPropName: "#comment",
} as const;

/** Attributes whose value is a QName (or, for memberTypes, a list of them) naming a schema or WSDL component. */
const REFERENCE_ATTRIBUTES = [
  "type",
  "base",
  "ref",
  "element",
  "message",
  "itemType",
  "memberTypes",
  "substitutionGroup",
].map((a) => ATTR + a);
/** Attributes carrying an operation's SOAP action, kept distinct per copy. */
const ACTION_ATTRIBUTES = ["soapAction", "wsaw:Action", "Action"].map((a) => ATTR + a);

export function replicateWsdl(wsdl: string, factor: number): string {
  const document = new XMLParser(XML_OPTIONS).parse(wsdl) as OrderedNode[];
  const definitions = document.find((node) => localTag(node) === "definitions");
  if (definitions === undefined) throw new Error("not a WSDL: no definitions element");
  const targetNamespace = attributes(definitions)[`${ATTR}targetNamespace`];
  if (targetNamespace === undefined || attributes(definitions)[`${ATTR}xmlns:tns`] !== targetNamespace) {
    throw new Error("the replicator expects the prefix tns to name the WSDL's targetNamespace");
  }
  const copies = (
    nodes: OrderedNode[],
    rename: (node: OrderedNode, suffix: string) => OrderedNode,
  ): OrderedNode[] =>
    Array.from({ length: factor }, (_, i) => nodes.map((node) => rename(node, `_${i + 1}`))).flat();

  setChildren(
    definitions,
    elementChildren(definitions).flatMap((child) => {
      switch (localTag(child)) {
        case "types":
          for (const schema of elementChildren(child)) {
            if (attributes(schema)[`${ATTR}targetNamespace`] !== targetNamespace) continue;
            const [imports, declarations] = partition(
              elementChildren(schema),
              (node) => localTag(node) === "import",
            );
            setChildren(schema, [...imports, ...copies(declarations, renameComponent)]);
          }
          return [child];
        case "message":
          return copies([child], renameComponent);
        case "portType":
        case "binding": {
          const [operations, rest] = partition(
            elementChildren(child),
            (node) => localTag(node) === "operation",
          );
          setChildren(child, [...rest, ...copies(operations, renameOperation)]);
          return [child];
        }
        default:
          return [child];
      }
    }),
  );
  return new XMLBuilder(XML_OPTIONS).build(document) as string;
}

/** A schema declaration or message: its own name and every tns: reference inside it get the suffix. */
function renameComponent(node: OrderedNode, suffix: string): OrderedNode {
  const copy = renameReferences(node, suffix);
  suffixAttribute(copy, "name", suffix);
  return copy;
}

/** A portType or binding operation: its name, its input/output/fault names and its SOAP actions. */
function renameOperation(node: OrderedNode, suffix: string): OrderedNode {
  const copy = renameReferences(node, suffix);
  suffixAttribute(copy, "name", suffix);
  for (const child of elementChildren(copy)) {
    suffixAttribute(child, "name", suffix);
    for (const grandchild of elementChildren(child)) {
      if (localTag(grandchild) === "fault") suffixAttribute(grandchild, "name", suffix);
    }
  }
  return copy;
}

/** A deep copy of `node` with `tns:X` references made `tns:X<suffix>` and SOAP actions suffixed. */
function renameReferences(node: OrderedNode, suffix: string): OrderedNode {
  const copy: OrderedNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === ":@") {
      const renamed: Attributes = {};
      for (const [name, text] of Object.entries(value as Attributes)) {
        if (REFERENCE_ATTRIBUTES.includes(name))
          renamed[name] = text.replace(/\btns:([^\s]+)/g, `tns:$1${suffix}`);
        else if (ACTION_ATTRIBUTES.includes(name) && text !== "") renamed[name] = text + suffix;
        else renamed[name] = text;
      }
      copy[key] = renamed;
    } else {
      copy[key] = Array.isArray(value)
        ? (value as OrderedNode[]).map((child) => renameReferences(child, suffix))
        : value;
    }
  }
  return copy;
}

function suffixAttribute(node: OrderedNode, attribute: string, suffix: string): void {
  const attrs = node[":@"] as Attributes | undefined;
  const value = attrs?.[ATTR + attribute];
  if (attrs !== undefined && value !== undefined) attrs[ATTR + attribute] = value + suffix;
}

function tagName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@" && !key.startsWith("#") && key !== "?xml");
}

/** The element's name without its prefix (WSDLs spell `wsdl:`, `xs:`, `xsd:` as they like). */
function localTag(node: OrderedNode): string | undefined {
  const name = tagName(node);
  return name?.slice(name.indexOf(":") + 1);
}

function attributes(node: OrderedNode): Attributes {
  return (node[":@"] as Attributes | undefined) ?? {};
}

/** The element children (whitespace text and comments dropped: the copies need no layout). */
function elementChildren(node: OrderedNode): OrderedNode[] {
  const name = tagName(node);
  return name === undefined
    ? []
    : (node[name] as OrderedNode[]).filter((child) => tagName(child) !== undefined);
}

function setChildren(node: OrderedNode, children: OrderedNode[]): void {
  const name = tagName(node);
  if (name !== undefined) node[name] = children;
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
