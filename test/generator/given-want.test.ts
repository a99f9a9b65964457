/**
 * Per construct, given a schema fragment, the exact declaration soapgen emits for it: the whole
 * declaration, doc comment included, so any change to what a construct becomes shows here.
 */
import { describe, expect, it } from "vitest";
import { emittedDeclaration } from "./given-want.js";

const op = (type: string): string => `<xs:element name="Op" type="tns:${type}"/>`;
const wrapped = (field: string): string =>
  `<xs:element name="Op"><xs:complexType><xs:sequence>${field}</xs:sequence></xs:complexType></xs:element>`;

const BASE_AND_DERIVED = `
  <xs:complexType name="Base">
    <xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence>
  </xs:complexType>
  <xs:complexType name="Derived">
    <xs:complexContent>
      <xs:extension base="tns:Base">
        <xs:sequence><xs:element name="B" type="xs:int" minOccurs="0"/></xs:sequence>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  ${op("Base")}`;

describe("given a schema construct, want its declaration", () => {
  it.each([
    {
      construct: "an enumeration: open to a newer server's values",
      schema: `
        <xs:simpleType name="Color">
          <xs:restriction base="xs:string">
            <xs:enumeration value="Red"/>
            <xs:enumeration value="Green"/>
          </xs:restriction>
        </xs:simpleType>
        ${wrapped(`<xs:element name="C" type="tns:Color"/>`)}`,
      name: "Color",
      want: `export type Color = "Red" | "Green" | UnknownEnumValue;
`,
    },
    {
      construct: "an xs:list of enumerated flags",
      schema: `
        <xs:simpleType name="Flags">
          <xs:list>
            <xs:simpleType>
              <xs:restriction base="xs:string">
                <xs:enumeration value="A"/>
                <xs:enumeration value="B"/>
              </xs:restriction>
            </xs:simpleType>
          </xs:list>
        </xs:simpleType>
        ${wrapped(`<xs:element name="F" type="tns:Flags"/>`)}`,
      name: "Flags",
      want: `/** An \`xs:list\`: sent as the items separated by spaces (WCF flag enums). */
export type Flags = ("A" | "B" | UnknownEnumValue)[];
`,
    },
    {
      construct: "occurrences, nillability and the built-in types",
      schema: `
        <xs:complexType name="Item">
          <xs:sequence>
            <xs:element name="Id" type="xs:int"/>
            <xs:element name="Note" type="xs:string" minOccurs="0" nillable="true"/>
            <xs:element name="Tag" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="When" type="xs:dateTime" minOccurs="0"/>
            <xs:element name="Data" type="xs:base64Binary" minOccurs="0"/>
            <xs:element name="Big" type="xs:long"/>
          </xs:sequence>
        </xs:complexType>
        ${op("Item")}`,
      name: "Item",
      want: `export interface Item {
  Id: number;
  Note?: string | null;
  Tag?: string[];
  When?: Date;
  Data?: Uint8Array;
  Big: number;
}
`,
    },
    {
      construct: "the base of a complexContent extension: $type names it and its descendants",
      schema: BASE_AND_DERIVED,
      name: "Base",
      want: `export interface Base {
  /** This type or a derived one, read from and sent as \`xsi:type\`. */
  $type?: "Base" | "Derived";
  A: string;
}
`,
    },
    {
      construct: "a complexContent extension: an interface that extends its base",
      schema: BASE_AND_DERIVED,
      name: "Derived",
      want: `export interface Derived extends Base {
  /** This type or a derived one, read from and sent as \`xsi:type\`. */
  $type?: "Derived";
  B?: number;
}
`,
    },
    {
      construct: "a bare xs:choice: the union of its exclusive alternatives",
      schema: `
        <xs:complexType name="Pay">
          <xs:choice>
            <xs:element name="Card" type="xs:string"/>
            <xs:element name="Iban" type="xs:string"/>
          </xs:choice>
        </xs:complexType>
        ${op("Pay")}`,
      name: "Pay",
      want: `export type Pay = { Card: string; Iban?: never } | { Iban: string; Card?: never };
`,
    },
    {
      construct: "a choice after a sequence: the object intersected with the union",
      schema: `
        <xs:complexType name="Pay">
          <xs:sequence>
            <xs:element name="Amount" type="xs:decimal"/>
            <xs:choice>
              <xs:element name="Card" type="xs:string"/>
              <xs:element name="Iban" type="xs:string"/>
            </xs:choice>
          </xs:sequence>
        </xs:complexType>
        ${op("Pay")}`,
      name: "Pay",
      want: `export type Pay = { Amount: number } & ({ Card: string; Iban?: never } | { Iban: string; Card?: never });
`,
    },
    {
      construct: "simpleContent with an attribute",
      schema: `
        <xs:complexType name="Price">
          <xs:simpleContent>
            <xs:extension base="xs:decimal">
              <xs:attribute name="currency" type="xs:string" use="required"/>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
        ${op("Price")}`,
      name: "Price",
      want: `export interface Price {
  /** The element's text content (\`xs:simpleContent\`). */
  $value: number;
  currency: string;
}
`,
    },
    {
      construct: "xs:anyType and xs:any",
      schema: `
        <xs:complexType name="Open">
          <xs:sequence>
            <xs:element name="Payload" type="xs:anyType"/>
            <xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/>
          </xs:sequence>
        </xs:complexType>
        ${op("Open")}`,
      name: "Open",
      want: `export interface Open {
  Payload: string | RawXml;
  /** Elements the schema leaves open (\`xs:any\`), as raw XML. */
  $any?: string[];
}
`,
    },
    {
      construct: "documentation, with a comment terminator neutralised",
      schema: `
        <xs:complexType name="Doc">
          <xs:annotation><xs:documentation>A documented */ type.</xs:documentation></xs:annotation>
          <xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence>
        </xs:complexType>
        ${op("Doc")}`,
      name: "Doc",
      want: `/** A documented *\\/ type. */
export interface Doc {
  X: string;
}
`,
    },
  ])("$construct", async ({ schema, name, want }) => {
    expect(await emittedDeclaration(schema, name)).toBe(want);
  });
});
