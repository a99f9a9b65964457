/** Value types the generated types use besides the built-in ones. */

declare const unknownEnumValue: unique symbol;

/**
 * An enumeration value (or `xs:list` flag) the schema the client was generated from does not list: a newer
 * server's. Only the decoder makes these, so a misspelt literal does not compile where a known value is
 * expected, while a value read from the server can be compared, logged and sent back unchanged.
 */
export type UnknownEnumValue = string & { readonly [unknownEnumValue]: true };

/**
 * XML content (child elements and text) written as it is: the value of an `xs:anyType` element that has
 * child elements. The encoder checks it is well-formed; a plain string is sent as escaped text instead.
 */
export class RawXml {
  readonly xml: string;

  constructor(xml: string) {
    this.xml = xml;
  }

  toString(): string {
    return this.xml;
  }
}
