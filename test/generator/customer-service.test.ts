/**
 * The committed CustomerService client is the snapshot: rendering the WSDL again must reproduce it byte
 * for byte (regenerate with `npm run generate` after an intended change and review the diff).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { outputParts } from "./output.js";
import { CustomerServiceClient } from "../../generated/customer-service/index.js";
import { itIsTheCommittedOutput } from "./committed.js";

const WSDL = resolve(process.cwd(), "../shared/superoffice-docs/Services88/Services88-CustomerService.wsdl");
const OUT = resolve(process.cwd(), "generated/customer-service");

describe("generated/customer-service", () => {
  const rendered = itIsTheCommittedOutput({
    wsdl: WSDL,
    out: OUT,
    client: CustomerServiceClient,
    operations: 33,
  });

  it("types the schema's constructs as the reference's mapping says", () => {
    const { types } = outputParts(rendered());
    expect(types).toContain("export interface CustomerCenterConfig extends Carrier {");
    expect(types).toContain(
      'export type ETableRight = (\n  "Select" | "Update" | "Insert" | "Delete" | "Filtering" | "RestrictedUpdate" | UnknownEnumValue\n)[];',
    );
    expect(types).toContain("FieldProperties?: Record<string, FieldProperty | null> | null;");
    expect(types).toContain("Registered?: Date;");
    expect(types).toContain('export type ConfigType = "Style" | "Options" | UnknownEnumValue;');
    expect(types).toMatch(
      /export interface ChatSessionsForUserResponse \{\n\s+Response\?: \(ChatSession \| null\)\[\] \| null;/,
    );
    expect(types).toMatch(
      /export interface CustomerServiceRequestHeaders \{[^}]*ApplicationToken\?: string \| null;[^}]*Credentials\?: SoCredentials \| null;[^}]*TimeZone\?: SoTimeZone \| null;/,
    );
    expect(types).toMatch(
      /export interface CustomerServiceResponseHeaders \{[^}]*ExceptionInfo\?: SoExceptionInfo \| null;[^}]*ExtraInfo\?: Record<string, string \| null> \| null;[^}]*Succeeded\?: boolean;/,
    );
    // Wrapper entry types of dictionaries and ArrayOf wrappers are wire details, not TypeScript types.
    expect(types).not.toMatch(/KeyValuePair|interface ArrayOf|type ArrayOf/);
  });

  it("carries the WSDL's documentation as JSDoc", () => {
    expect(rendered().get("customer-service.ts")).toMatch(
      /\/\*\*\n\s+\* Get all chat TOPICS which this user is a member of\.[^/]*\*\/\n\s+async chatSessionsForUser\(/,
    );
  });
});
