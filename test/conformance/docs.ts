import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SOAP11_NS, SOAP12_NS } from "../../generated/customer-service/index.js";
import type { Deviation } from "../../generated/customer-service/index.js";
import { parseXml, serializeElement } from "../../generated/customer-service/runtime/xml.js";
import type { XmlElement } from "../../generated/customer-service/runtime/xml.js";

/** One documented example page: the request and response XML blocks, as written. */
export interface DocPage {
  /** The page's file name without `.md`, which is also the operation it documents. */
  readonly name: string;
  readonly file: string;
  readonly request: string;
  readonly response: string;
}

/** Every example page of a folder (read where it lies, never copied); index.md (the table of contents) and the SOURCES tsv files are not pages. */
export function readPages(dir: string): DocPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "index.md")
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const blocks = [...text.matchAll(/^```xml\n([\s\S]*?)^```/gm)].map((match) =>
        (match[1] as string).trim(),
      );
      if (blocks.length !== 2)
        throw new Error(`${file}: expected a request and a response xml block, found ${blocks.length}`);
      const [request, response] = blocks as [string, string];
      return { name: file.slice(0, -".md".length), file: path.join(dir, file), request, response };
    });
}

/** The operation an example's request invokes: the local name of its body's first element. */
export function bodyElementName(xml: string): string {
  const element = envelopeParts(parseXml(xml)).body.children[0];
  if (element === undefined) throw new Error("The example's Body is empty");
  return element.local;
}

interface EnvelopeParts {
  readonly header: XmlElement | undefined;
  readonly body: XmlElement;
  /** Children of Envelope outside the envelope namespace: header blocks written in the wrong place. */
  readonly strays: readonly XmlElement[];
}

function envelopeParts(root: XmlElement): EnvelopeParts {
  if (root.local !== "Envelope" || (root.ns !== SOAP11_NS && root.ns !== SOAP12_NS))
    throw new Error(`Not a SOAP envelope: <${root.name}>`);
  let header: XmlElement | undefined;
  let body: XmlElement | undefined;
  const strays: XmlElement[] = [];
  for (const child of root.children) {
    if (child.ns !== root.ns) strays.push(child);
    else if (child.local === "Header" && header === undefined) header = child;
    else if (child.local === "Body" && body === undefined) body = child;
    else throw new Error(`Unexpected <${child.name}> in the envelope`);
  }
  if (body === undefined) throw new Error("The example has no Body");
  return { header, body, strays };
}

/**
 * How an example's envelope departs from the WSDL's binding (SOAP 1.1, header blocks inside Header),
 * one exact sentence per departure. The pages share two: the SOAP 1.2 envelope namespace, and header
 * blocks written directly under Envelope.
 */
export function envelopeDeviations(xml: string): string[] {
  const root = parseXml(xml);
  const { strays } = envelopeParts(root);
  const deviations: string[] = [];
  if (root.ns !== SOAP11_NS)
    deviations.push(
      `Envelope namespace is ${root.ns} (SOAP 1.2); the WSDL binding is SOAP 1.1 (${SOAP11_NS})`,
    );
  if (strays.length > 0) {
    deviations.push(
      `header blocks ${strays.map((block) => block.local).join(", ")} are children of Envelope, not of Header`,
    );
  }
  return deviations;
}

/**
 * Undoes exactly the two known deviations: rewrites the envelope in the SOAP 1.1 namespace and moves
 * stray header blocks into Header (after any blocks already there). Everything inside the blocks and the
 * Body is kept as written, namespace bindings included.
 */
export function normaliseToWsdl(xml: string): string {
  const { header, body, strays } = envelopeParts(parseXml(xml));
  const blocks = [...(header?.children ?? []), ...strays];
  const headerXml =
    blocks.length > 0 ? `<soap:Header>${blocks.map(serializeElement).join("")}</soap:Header>` : "";
  return `<soap:Envelope xmlns:soap="${SOAP11_NS}">${headerXml}<soap:Body>${body.children.map(serializeElement).join("")}</soap:Body></soap:Envelope>`;
}

/** The header blocks and the body's elements of an envelope, wherever the blocks were written. */
export function envelopePayload(xml: string): Payload & { readonly body: readonly XmlElement[] } {
  const { header, body, strays } = envelopeParts(parseXml(xml));
  return { headers: [...(header?.children ?? []), ...strays], body: body.children };
}

/** A payload as `envelopePayload` gives it. */
export interface Payload {
  readonly headers: readonly PayloadElement[];
  readonly body: readonly PayloadElement[];
}

/** What the comparison reads of an element: the parsed one, or a copy with some children pruned. */
export interface PayloadElement extends Pick<
  XmlElement,
  "name" | "ns" | "local" | "text" | "attributes" | "scope"
> {
  readonly children: readonly PayloadElement[];
}

/** Deviations whose element tolerant decoding reads as absent (an unknown enumeration value is kept). */
const READ_AS_ABSENT: ReadonlySet<Deviation["kind"]> = new Set([
  "unknownElement",
  "unknownHeader",
  "nilNotNillable",
  "emptyValue",
]);

export function isReadAsAbsent(deviation: Deviation): boolean {
  return READ_AS_ABSENT.has(deviation.kind);
}

/**
 * The payload without the elements tolerant decoding read as absent, each found by its deviation's
 * path (`Envelope/Body/Op/Response/Items/Item[0]/Id`: a step `Name[i]` is the i-th child named Name,
 * `Name` the only one). This is what the decoded value can give back; a path that names no element
 * is an error, never skipped.
 */
export function withoutTolerated(payload: Payload, deviations: readonly Deviation[]): Payload {
  const removed = new Set<PayloadElement>();
  for (const deviation of deviations) {
    if (!isReadAsAbsent(deviation)) continue;
    const [envelope, part, ...steps] = deviation.path.split("/");
    const roots = part === "Header" ? payload.headers : part === "Body" ? payload.body : undefined;
    if (envelope !== "Envelope" || roots === undefined || steps.length === 0)
      throw new Error(`${deviation.path}: not a path inside the envelope`);
    let siblings = roots;
    let element: PayloadElement | undefined;
    for (const step of steps) {
      const [, local, index] = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step) ?? [];
      const named = siblings.filter((child) => child.local === local);
      element = named[index === undefined ? 0 : Number(index)];
      if (element === undefined || (index === undefined && named.length > 1))
        throw new Error(`${deviation.path}: no single element at ${step}`);
      siblings = element.children;
    }
    removed.add(element as PayloadElement);
  }
  const prune = (elements: readonly PayloadElement[]): PayloadElement[] =>
    elements
      .filter((element) => !removed.has(element))
      .map(({ name, ns, local, text, attributes, scope, children }) => ({
        name,
        ns,
        local,
        text,
        attributes,
        scope,
        children: prune(children),
      }));
  return { headers: prune(payload.headers), body: prune(payload.body) };
}
