/**
 * The import/include walk: every document reachable from the WSDL through wsdl:import (location),
 * xs:import and xs:include (schemaLocation). All documents are fetched concurrently, each location
 * once; the result is then assembled by a depth-first walk in document order, so it never depends on
 * which response arrived first. Cycles end at the second visit.
 */
import { SoapgenError } from "../errors.js";
import {
  PRE_2001_XSD_NAMESPACES,
  WSDL20_NS,
  WSDL_NS,
  WSDL_SOAP11_BINDING_NS,
  WSDL_SOAP12_BINDING_NS,
  XSD_NS,
} from "../lib/namespaces.js";
import { readText, resolveLocation } from "./read.js";
import { parseXml, type XmlDocument, type XmlElement } from "./xml.js";

/** An xs:schema found by the walk, inline or imported, and the namespace its declarations are in. */
export interface SchemaSource {
  element: XmlElement;
  /** The effective target namespace: a chameleon include takes its includer's. */
  targetNamespace: string;
  /** Included without a targetNamespace of its own: unqualified references mean the includer's namespace. */
  chameleon: boolean;
}

export interface LoadedDocuments {
  /** Every wsdl:definitions, the root document's first, then in import order. */
  definitions: XmlElement[];
  /** Every xs:schema (inline or imported), in document order; an include follows its includer. */
  schemas: SchemaSource[];
  /**
   * Namespaces of xs:imports whose schemaLocation could not be read, each with that error: a location is
   * only a hint (XSD 1.0 Part 1 §4.2.3), so this is an error only if something refers to the namespace.
   */
  unread: Map<string, SoapgenError>;
  /** What was read liberally, one line each (file:line:col: what was wrong). */
  warnings: string[];
}

interface Reference {
  location: string;
  element: XmlElement;
}

export async function walkDocuments(
  root: XmlDocument,
  timeoutMs: number,
  onRead?: (location: string, text: string) => void,
): Promise<LoadedDocuments> {
  const loading = new Map<string, Promise<XmlDocument>>([[root.location, Promise.resolve(root)]]);
  /** The errors of documents that could not be read at all (not those read and found bad). */
  const unreadable = new WeakSet<SoapgenError>();

  const request = (ref: Reference): Promise<XmlDocument> => {
    let doc = loading.get(ref.location);
    if (!doc) {
      doc = readText(ref.location, timeoutMs).then(
        (text) => {
          onRead?.(ref.location, text);
          const parsed = parseXml(text, ref.location);
          checkNames(parsed.root);
          references(parsed.root).forEach(request);
          return parsed;
        },
        // A missing or unreachable import is reported at the import, which is what the user must fix.
        (cause: unknown) => {
          const detail = cause instanceof SoapgenError ? cause.detail : String(cause);
          const error = ref.element.error(`cannot read imported document ${ref.location}: ${detail}`);
          unreadable.add(error);
          throw error;
        },
      );
      // Errors surface when the walk below reaches the document; this only keeps Node from reporting
      // a rejection the walk never got to because an earlier document failed first.
      doc.catch(() => undefined);
      loading.set(ref.location, doc);
    }
    return doc;
  };
  checkNames(root.root);
  references(root.root).forEach(request);

  const result: LoadedDocuments = {
    definitions: [],
    schemas: [],
    unread: new Map(),
    warnings: [],
  };
  // A document's own warnings (a DOCTYPE read past) in walk order, once.
  const warned = new Set<XmlDocument>();
  const addWarnings = (doc: XmlDocument): void => {
    if (warned.has(doc)) return;
    warned.add(doc);
    result.warnings.push(...doc.warnings);
  };
  const seenDefinitions = new Set<XmlElement>();
  const seenSchemas = new Map<XmlElement, Set<string>>();

  const visitSchema = async (schema: XmlElement, includerNamespace: string | undefined): Promise<void> => {
    const own = schema.attr("targetNamespace");
    if (own !== undefined && includerNamespace !== undefined && own !== includerNamespace) {
      throw schema.error(
        `included schema has targetNamespace '${own}' but the including schema's is '${includerNamespace}'`,
      );
    }
    const targetNamespace = own ?? includerNamespace ?? "";
    addWarnings(schema.doc);
    const seen = seenSchemas.get(schema) ?? new Set<string>();
    if (seen.has(targetNamespace)) return;
    seen.add(targetNamespace);
    seenSchemas.set(schema, seen);
    result.schemas.push({
      element: schema,
      targetNamespace,
      chameleon: own === undefined && includerNamespace !== undefined,
    });
    for (const child of schema.children) {
      if (child.ns !== XSD_NS) continue;
      if (child.local === "redefine") throw child.error("xs:redefine is not supported");
      const location = child.attr("schemaLocation");
      if ((child.local !== "import" && child.local !== "include") || location === undefined) continue;
      let target: XmlElement;
      try {
        target = (await request({ location: resolveLocation(location, schema.doc.location), element: child }))
          .root;
      } catch (error) {
        if (child.local !== "import" || !(error instanceof SoapgenError) || !unreadable.has(error))
          throw error;
        result.unread.set(child.attr("namespace") ?? "", error);
        continue;
      }
      if (!target.is(XSD_NS, "schema")) {
        rejectPre2001Schema(target);
        throw child.error(`'${location}' is not an XML Schema (root element is ${target.tag})`);
      }
      const mismatch = child.local === "import" ? importedNamespaceMismatch(child, target) : undefined;
      if (mismatch !== undefined) result.warnings.push(mismatch);
      await visitSchema(target, child.local === "include" ? targetNamespace : undefined);
    }
  };

  const visitDefinitions = async (definitions: XmlElement): Promise<void> => {
    if (seenDefinitions.has(definitions)) return;
    seenDefinitions.add(definitions);
    addWarnings(definitions.doc);
    result.definitions.push(definitions);
    for (const child of definitions.children) {
      if (child.is(WSDL_NS, "import")) {
        const location = child.attr("location");
        if (location === undefined) throw child.error("wsdl:import needs a location attribute");
        const target = (
          await request({ location: resolveLocation(location, definitions.doc.location), element: child })
        ).root;
        if (target.is(WSDL_NS, "definitions")) await visitDefinitions(target);
        else if (target.is(XSD_NS, "schema")) await visitSchema(target, undefined);
        else {
          rejectPre2001Schema(target);
          throw child.error(
            `'${location}' is neither a WSDL nor an XML Schema (root element is ${target.tag})`,
          );
        }
      } else if (child.is(WSDL_NS, "types")) {
        child.children.forEach(rejectPre2001Schema);
        for (const schema of child.childrenIn(XSD_NS, "schema")) await visitSchema(schema, undefined);
      }
    }
  };

  await visitDefinitions(root.root);
  return result;
}

/** A schema in a pre-2001 XML Schema draft namespace would otherwise be skipped silently, its declarations missing. */
function rejectPre2001Schema(element: XmlElement): void {
  if (element.local === "schema" && PRE_2001_XSD_NAMESPACES.has(element.ns))
    throw element.error(
      `xs:schema is in the pre-2001 XML Schema namespace ${element.ns}; soapgen reads XML Schema 1.0 (${XSD_NS})`,
    );
}

/**
 * An xs:import names the namespace it brings in; a document declaring another one (or an import without
 * a namespace of a schema that has one, as some payment gateways write) is read under the namespace it
 * declares itself, which is unambiguous, with a warning.
 */
function importedNamespaceMismatch(xsImport: XmlElement, target: XmlElement): string | undefined {
  const expected = xsImport.attr("namespace");
  const actual = target.attr("targetNamespace") ?? "";
  if ((expected ?? "") === actual) return undefined;
  const imported =
    expected === undefined ? "xs:import without a namespace" : `xs:import of namespace '${expected}'`;
  return xsImport.error(
    `${imported} reads ${target.doc.location}, whose targetNamespace is '${actual}': read under '${actual}'`,
  ).message;
}

/** Locations a document refers to, resolved against it. */
function references(root: XmlElement): Reference[] {
  const found: Reference[] = [];
  const fromSchema = (schema: XmlElement): void => {
    for (const child of schema.children) {
      const location = child.attr("schemaLocation");
      if (
        child.ns === XSD_NS &&
        (child.local === "import" || child.local === "include") &&
        location !== undefined
      ) {
        found.push({ location: resolveLocation(location, root.doc.location), element: child });
      }
    }
  };
  if (root.is(XSD_NS, "schema")) fromSchema(root);
  else if (root.is(WSDL_NS, "definitions")) {
    for (const child of root.children) {
      const location = child.attr("location");
      if (child.is(WSDL_NS, "import") && location !== undefined) {
        found.push({ location: resolveLocation(location, root.doc.location), element: child });
      } else if (child.is(WSDL_NS, "types")) child.childrenIn(XSD_NS, "schema").forEach(fromSchema);
    }
  }
  return found;
}

/** Checks the root document is a WSDL 1.1 definitions element, with a specific message for near misses. */
export function expectWsdlRoot(doc: XmlDocument): void {
  const root = doc.root;
  if (root.is(WSDL_NS, "definitions")) return;
  if (root.ns === WSDL20_NS) {
    throw root.error(
      "this is a WSDL 2.0 document (wsdl:description); soapgen reads WSDL 1.1 (wsdl:definitions)",
    );
  }
  if (root.is(XSD_NS, "schema"))
    throw root.error("this is an XML Schema, not a WSDL; expected a WSDL 1.1 wsdl:definitions root element");
  throw new SoapgenError(
    { file: doc.location, where: root.tag },
    `not a WSDL: expected root element {${WSDL_NS}}definitions, found {${root.ns}}${root.local}`,
  );
}

/**
 * Namespaces whose `name` attributes declare what the client is made of: their values must be XML names
 * (NCNames). WSDL names that only label (definitions, service, port, input, output) are not checked.
 */
const DECLARING_NAMESPACES = new Set([WSDL_NS, XSD_NS, WSDL_SOAP11_BINDING_NS, WSDL_SOAP12_BINDING_NS]);
const LABELS = new Set(["definitions", "service", "port", "input", "output"]);

/**
 * The characters of an XML NCName (XML 1.0 NameChar without ':'). Element and attribute names are
 * written into every message, so a name with other characters (quotes, '<', spaces) would break or
 * inject XML. The first character is not held to NameStartChar: a leading digit, '-' or '.' harms nothing.
 */
const NAME_CHARS =
  /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}.0-9\u00B7\u0300-\u036F\u203F\u2040-]+$/u;

/** Rejects a declaration whose `name` is not an XML name, anywhere in the document. */
function checkNames(element: XmlElement): void {
  const name = element.attr("name");
  const label = element.ns === WSDL_NS && LABELS.has(element.local);
  if (name !== undefined && DECLARING_NAMESPACES.has(element.ns) && !label && !NAME_CHARS.test(name)) {
    throw element.error(
      `name ${JSON.stringify(name)} is not an XML name: expected letters, digits, '_', '-' and '.' only`,
    );
  }
  element.children.forEach(checkNames);
}
