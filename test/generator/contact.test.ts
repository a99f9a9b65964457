/**
 * The committed Contact client is a snapshot too: a second real Services88 agent, whose WSDL lists
 * `ETableRight` and `EFieldRight` values the CustomerService WSDL lacks.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ContactClient } from "../../generated/contact/index.js";
import { itIsTheCommittedOutput } from "./committed.js";

const WSDL = resolve(process.cwd(), "../shared/superoffice-docs/Services88/Services88-Contact.wsdl");
const OUT = resolve(process.cwd(), "generated/contact");

describe("generated/contact", () => {
  const rendered = itIsTheCommittedOutput({ wsdl: WSDL, out: OUT, client: ContactClient, operations: 31 });

  it("types the Contact schema's own constructs", () => {
    const types = rendered().get("types.ts")!;
    expect(types).toContain(
      'export type ETableRight = (\n  | "Select"\n  | "Update"\n  | "Insert"\n  | "Delete"\n  | "Filtering"\n  | "RestrictedUpdate"\n  | "Unused1"\n  | "Uninitialized"\n  | "R"\n  | "F"\n  | UnknownEnumValue\n)[];',
    );
    expect(types).toMatch(/export type EFieldRight = \([^)]*\| "Nullable"\n  \| UnknownEnumValue\n\)\[\];/);
    expect(types).toMatch(
      /export interface ContactEntity extends Carrier \{\n[^}]*\$type\?: "ContactEntity";\n\s+ContactId\?: number;/,
    );
    expect(types).toMatch(
      /export interface SelectableMDOListItem extends Carrier \{[^}]*\n\s+Id\?: number;\n/,
    );
    expect(rendered().get("contact.ts")).toContain("export class ContactError extends SoapServiceError<");
  });
});
