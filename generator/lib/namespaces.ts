/**
 * Every namespace URI the generator reads, in one place. The SOAP *envelope* namespaces are not here:
 * generated clients never see the WSDL, so they live in the runtime (`SOAP11_NS`/`SOAP12_NS` in
 * `templates/runtime/envelope.ts`); these are the namespaces of the WSDL binding extensions.
 */

/** WSDL 1.1 (`wsdl:definitions`, `wsdl:message`, ...). */
export const WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
/** WSDL 2.0, refused by name. */
export const WSDL20_NS = "http://www.w3.org/ns/wsdl";
/** WSDL 1.1's SOAP 1.1 binding extension (`soap:binding`, `soap:body`, `soap:address`). */
export const WSDL_SOAP11_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
/** WSDL 1.1's SOAP 1.2 binding extension (`soap12:binding`, ...). */
export const WSDL_SOAP12_BINDING_NS = "http://schemas.xmlsoap.org/wsdl/soap12/";

/** XML Schema 1.0. */
export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
/** The XML Schema drafts before the 2001 Recommendation, still found in old WSDLs. */
export const PRE_2001_XSD_NAMESPACES: ReadonlySet<string> = new Set([
  "http://www.w3.org/1999/XMLSchema",
  "http://www.w3.org/2000/10/XMLSchema",
]);
/** SOAP encoding's types (`soapenc:Array`, ...), which only rpc/encoded messages use. */
export const SOAP_ENCODING_NS = "http://schemas.xmlsoap.org/soap/encoding/";
/** The `xml:` prefix's namespace (xml:lang, xml:space), bound without a declaration. */
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Namespace of the WCF DataContract serializer's annotations and primitives (guid, char, duration). */
export const DATACONTRACT_NS = "http://schemas.microsoft.com/2003/10/Serialization/";
/** Namespace of the DataContract serializer's collection types (ArrayOfstring, ArrayOfint, ...). */
export const DATACONTRACT_ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
