/**
 * The whole of SuperOffice NetServer in one SDK: all 60 Services88 agent WSDLs of ../shared/netserver
 * (1,849 operations) generate in one run, whatever order they are given in, compile under the strictest
 * settings, give every client a method for every operation of its WSDL, and keep same-named operations of
 * different agents apart: Person's `getAddress` does not take Contact's `ContactId`.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";
import { loadServiceModel } from "../../generator/parse.js";
import { writeOutputAtomically } from "../../generator/write.js";
import { STRICT_TSCONFIG } from "../safety/harness.js";

const ROOT = process.cwd();
const SERVICES88 = resolve(ROOT, "../shared/netserver/Services88");
const WSDLS = readdirSync(SERVICES88)
  .filter((name) => /^Services88-\w+\.wsdl$/.test(name))
  .sort()
  .map((name) => join(SERVICES88, name));

const dir = mkdtempSync(join(tmpdir(), "soapgen-netserver-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Same-named operations of different agents, each called as the other agent's request would be. */
const PROBES = `
import { AppointmentClient } from "./sdk/appointment.js";
import { ContactClient } from "./sdk/contact.js";
import { PersonClient } from "./sdk/person.js";
import { ProjectClient } from "./sdk/project.js";
import { SaleClient } from "./sdk/sale.js";
import type { GetAddressRequest } from "./sdk/person.js";

const contacts = new ContactClient();
const persons = new PersonClient();
const projects = new ProjectClient();
const appointments = new AppointmentClient();
const sales = new SaleClient();

export async function probes(): Promise<void> {
  await contacts.getAddress({ ContactId: 5 });
  await persons.getAddress({ PersonId: 5 });
  // @ts-expect-error Person's GetAddress takes PersonId, not Contact's ContactId
  await persons.getAddress({ ContactId: 5 });
  // @ts-expect-error Contact's GetAddress takes ContactId
  await contacts.getAddress({ PersonId: 5 });
  // @ts-expect-error Person's Merge merges persons
  await persons.merge({ SourceContactId: 1, DestinationContactId: 2 });
  // @ts-expect-error Project's Merge merges projects
  await projects.merge({ SourcePersonId: 1, DestinationPersonId: 2 });
  // @ts-expect-error Appointment's Move moves an appointment
  await appointments.move({ PersonId: 1, DestinationContactId: 2 });
  // @ts-expect-error Project's HasGuide asks of a project
  await projects.hasGuide({ SaleId: 1 });
  await sales.hasGuide({ SaleId: 1 });
  await projects.hasGuide({ ProjectId: 1 });
  const request: GetAddressRequest = { PersonId: 1 };
  await persons.getAddress(request);
}
`;

describe("the whole of Services88 in one SDK", async () => {
  const files = await render(WSDLS);

  it("is what the 60 WSDLs generate in any order, byte for byte", async () => {
    expect(WSDLS).toHaveLength(60);
    const reversed = await render([...WSDLS].reverse());
    expect([...reversed.keys()]).toEqual([...files.keys()]);
    for (const [path, text] of files) expect(reversed.get(path), path).toBe(text);
  }, 120_000);

  it("gives every client a method for every operation of its WSDL", async () => {
    let operations = 0;
    for (const wsdl of WSDLS) {
      const model = await loadServiceModel({ location: wsdl });
      for (const port of model.ports) {
        const declaration = `export class ${port.portType.local}Client {`;
        const module = [...files.values()].find((text) => text.includes(declaration));
        expect(module, port.portType.local).toBeDefined();
        const client = module!.slice(module!.indexOf(declaration));
        const called = [...client.matchAll(/this\.call\(\s*"(\w+)"/g)].map((m) => m[1]);
        expect(called.sort(), wsdl).toEqual(port.operations.map((op) => op.name).sort());
        operations += port.operations.length;
      }
    }
    expect(operations).toBe(1849);
  }, 120_000);

  it("compiles under the strictest settings, and keeps each agent's operations its own", async () => {
    writeOutputAtomically(join(dir, "sdk"), files);
    writeFileSync(join(dir, "probes.ts"), PROBES);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
    const tsc = resolve(ROOT, "node_modules/.bin/tsc");
    const result = await promisify(execFile)(tsc, ["-p", dir], { maxBuffer: 64 << 20 }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
    );
    // An unused @ts-expect-error is an error too: each probe above must fail to compile.
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 300_000);
});
