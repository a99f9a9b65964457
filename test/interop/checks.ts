import {
  type CustomerCenterConfig,
  CustomerServiceClient,
  type CustomerServiceOperations,
  type CustomerServiceRequestHeaders,
  customerServiceTables,
  SoapFaultError,
  SoapServiceError,
} from "../../generated/customer-service/index.js";
import { diffValues, show } from "../conformance/values.js";
import type { ServerSpec } from "./oracles.js";
import { ValueBuilder } from "./populate.js";

/** One request and what came back, kept so a failed check can show the bytes. */
export interface Exchange {
  readonly request: string;
  readonly status: number;
  readonly response: string;
}

export type Verdict =
  | { readonly status: "passed" }
  | { readonly status: "failed"; readonly reason: string }
  | { readonly status: "n/a"; readonly reason: string };

export interface CheckContext {
  readonly server: ServerSpec;
  /**
   * A client for the server's endpoint that records every exchange in `exchanges`; `rewrite` changes the
   * request bytes on their way (the control checks break the encoding on purpose).
   */
  client(headers?: CustomerServiceRequestHeaders, rewrite?: (xml: string) => string): CustomerServiceClient;
  readonly exchanges: Exchange[];
}

export interface Check {
  readonly name: string;
  run(context: CheckContext): Promise<Verdict>;
}

const ACTION = "http://www.superoffice.net/ws/crm/NetServer/Services88/CustomerService";
/** What the gSOAP oracle's fault stubs (build.sh) answer, after gSOAP deserialized the request. */
const GSOAP_NOT_IMPLEMENTED = "Operation not implemented by the oracle";
/**
 * Mono turns the FaultException its stubs (build_mono.sh) throw into this fault code. A value its
 * DataContract deserializer rejects is a `Receiver` fault "There was an error deserializing ..."
 * instead, except a bad xs:dateTime, which is an InternalServiceFault too; the only dates in any
 * request are CustomerCenterConfig's, which the SaveCustomerCenterConfig round trip shows WCF reads.
 */
const MONO_NOT_IMPLEMENTED_CODE = "InternalServiceFault";

/** The operations each oracle implements (`gsoap/README.md`, `wcf-mono/Impl.cs`); the rest are stubs. */
const IMPLEMENTED: Record<ServerSpec["family"], ReadonlySet<string>> = {
  gsoap: new Set([
    "ChatSessionsForUser",
    "GetCustomerCenterConfig",
    "SaveCustomerCenterConfig",
    "DeleteCustomerCenterConfig",
    "DeleteChatSessions",
    "HasChatNotify",
    "GetProgramUrl",
  ]),
  mono: new Set([
    "ChatSessionsForUser",
    "GetCustomerCenterConfig",
    "SaveCustomerCenterConfig",
    "DeleteCustomerCenterConfig",
    "HasChatNotify",
    "GetProgramUrl",
  ]),
};

const HEADERS = {
  ApplicationToken: 'token <&> "æøå"',
  Credentials: { Ticket: "7T:ticket==" },
  TimeZone: { SoTimeZoneId: 7, SoTimeZoneLocationCode: "NO" },
} satisfies CustomerServiceRequestHeaders;

const passed: Verdict = { status: "passed" };
const failed = (reason: string): Verdict => ({ status: "failed", reason });

/**
 * `expected` as WCF writes it (null members as `i:nil`), compared with what the client decoded. gSOAP
 * omits a null member instead of writing `xsi:nil` (gsoap/README.md), so for it null members are
 * expected absent; both decode to the same generated type.
 */
function compare(server: ServerSpec, expected: unknown, actual: unknown, path: string): Verdict {
  const differences = diffValues(server.family === "gsoap" ? withoutNulls(expected) : expected, actual, path);
  return differences.length === 0
    ? passed
    : failed(differences.map((d) => `${d.path}: ${d.message}`).join("; "));
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null || value instanceof Date || value instanceof Uint8Array)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => [key, withoutNulls(item)]),
  );
}

/** The verdict of a call expected to succeed, or the error it threw. */
async function expectSuccess(call: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await call();
  } catch (error) {
    return failed(`threw ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Every field of a CustomerCenterConfig populated, dates at milliseconds and at DateTime.MinValue. */
function populatedConfig(): CustomerCenterConfig {
  const config = new ValueBuilder(customerServiceTables).value(
    "CustomerCenterConfig",
  ) as CustomerCenterConfig;
  const minValue = new Date(Date.UTC(2000, 0, 1));
  minValue.setUTCFullYear(1); // Date.UTC maps years 0-99 to 1900-1999
  return { ...config, Registered: new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123)), Updated: minValue };
}

const behaviour: readonly Check[] = [
  {
    name: "ChatSessionsForUser: one ChatSession, id 0",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const { Response } = await client(HEADERS).chatSessionsForUser();
        return compare(
          server,
          [{ TableRight: null, FieldProperties: null, ChatSessionId: 0 }],
          Response,
          "Response",
        );
      }),
  },
  {
    name: "GetCustomerCenterConfig: documented config",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const { Response } = await client(HEADERS).getCustomerCenterConfig({ CustomerCenterConfigId: 42 });
        const documented: CustomerCenterConfig = {
          TableRight: { Mask: ["Select", "Update"], Reason: "" },
          FieldProperties: {
            Config: {
              FieldRight: { Mask: ["Read", "Write"], Reason: null },
              FieldType: "System.String",
              FieldLength: 255,
            },
          },
          CustConfigId: 42,
          Type: "Style",
          Config: "",
          CustLangId: 0,
          Registered: new Date("2021-11-30T13:23:36Z"),
          RegisteredAssociateId: 0,
          Updated: new Date("2021-11-30T13:23:36Z"),
          UpdatedAssociateId: 0,
        };
        return compare(server, documented, Response, "Response");
      }),
  },
  {
    name: "SaveCustomerCenterConfig: every field round-trips",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const sent = populatedConfig();
        const { Response } = await client(HEADERS).saveCustomerCenterConfig({ CustomerCenterConfig: sent });
        return compare(server, sent, Response, "Response");
      }),
  },
  {
    name: "SaveCustomerCenterConfig: null members round-trip",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const sent: CustomerCenterConfig = {
          TableRight: { Mask: ["Insert"], Reason: null },
          FieldProperties: { Nulls: { FieldRight: null, FieldType: null, FieldLength: 0 } },
          CustConfigId: 3,
          Type: "Options",
          Config: null,
          CustLangId: 0,
          Registered: new Date("2021-11-30T13:23:36.5Z"),
          RegisteredAssociateId: 0,
          Updated: new Date("2021-11-30T13:23:36.5Z"),
          UpdatedAssociateId: 0,
        };
        const { Response } = await client(HEADERS).saveCustomerCenterConfig({ CustomerCenterConfig: sent });
        return compare(server, sent, Response, "Response");
      }),
  },
  {
    name: "SaveCustomerCenterConfig: a flag mask comes back in declaration order",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const sent: CustomerCenterConfig = {
          TableRight: { Mask: ["RestrictedUpdate", "Delete", "Select"], Reason: "" },
          FieldProperties: {},
        };
        const { Response } = await client(HEADERS).saveCustomerCenterConfig({ CustomerCenterConfig: sent });
        // Both servers hold a mask as a bit set (a [Flags] enum, a gSOAP bitmask) and write it in the
        // enumeration's order, as WCF does: the same set, not the same array.
        return compare(server, ["Select", "Delete", "RestrictedUpdate"], Response?.TableRight?.Mask, "Mask");
      }),
  },
  {
    name: "GetProgramUrl: headers, body and SOAPAction arrive",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const { Response } = await client(HEADERS).getProgramUrl({
          ProgramName: "Program <1>",
          External: true,
        });
        const expected =
          server.family === "gsoap"
            ? `ApplicationToken=${HEADERS.ApplicationToken};Ticket=7T:ticket==;TimeZoneId=7;TimeZoneLocationCode=NO;ProgramName=Program <1>;External=true;SOAPAction=${ACTION}/GetProgramUrl`
            : // The Mono oracle echoes fewer values (wcf-mono/Impl.cs).
              `ApplicationToken=${HEADERS.ApplicationToken};ProgramName=Program <1>;External=True;Action=${ACTION}/GetProgramUrl`;
        return compare(server, expected, Response, "Response");
      }),
  },
  {
    name: "GetProgramUrl: per-call headers override",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const { Response } = await client(HEADERS).getProgramUrl(
          { ProgramName: "p", External: false },
          { headers: { ApplicationToken: "per-call" } },
        );
        const expected =
          server.family === "gsoap"
            ? `ApplicationToken=per-call;Ticket=7T:ticket==;TimeZoneId=7;TimeZoneLocationCode=NO;ProgramName=p;External=false;SOAPAction=${ACTION}/GetProgramUrl`
            : `ApplicationToken=per-call;ProgramName=p;External=False;Action=${ACTION}/GetProgramUrl`;
        return compare(server, expected, Response, "Response");
      }),
  },
  {
    name: "HasChatNotify: ApplicationToken arrives",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const withToken = await client(HEADERS).hasChatNotify();
        const without = await client().hasChatNotify();
        return compare(server, [{ Response: true }, { Response: false }], [withToken, without], "");
      }),
  },
  {
    name: "DeleteChatSessions: ids arrive in order",
    run: async ({ server, client }) => {
      if (!IMPLEMENTED[server.family].has("DeleteChatSessions"))
        return { status: "n/a", reason: "the oracle does not implement DeleteChatSessions" };
      return expectSuccess(async () => {
        const { body, headers } = await client(HEADERS).call("DeleteChatSessions", {
          Ids: [7, 3, 11, 3, -1],
        });
        return compare(server, [{}, { ReceivedIds: "7,3,11,3,-1" }], [body, headers.ExtraInfo], "");
      });
    },
  },
  {
    name: "DeleteChatSessions: empty, null and absent Ids",
    run: async ({ server, client }) => {
      if (!IMPLEMENTED[server.family].has("DeleteChatSessions"))
        return { status: "n/a", reason: "the oracle does not implement DeleteChatSessions" };
      return expectSuccess(async () => {
        const received: unknown[] = [];
        for (const request of [{ Ids: [] }, { Ids: null }, {}]) {
          const { headers } = await client(HEADERS).call("DeleteChatSessions", request);
          received.push(headers.ExtraInfo?.ReceivedIds);
        }
        // The oracle reads xsi:nil on Ids as absent (gsoap/README.md).
        return compare(server, ["", "<absent>", "<absent>"], received, "ReceivedIds");
      });
    },
  },
  {
    name: "DeleteCustomerCenterConfig: Succeeded=true",
    run: ({ server, client }) =>
      expectSuccess(async () => {
        const { body, headers } = await client(HEADERS).call("DeleteCustomerCenterConfig", {
          CustomerCenterConfigId: 5,
        });
        return compare(server, [{}, { Succeeded: true }], [body, headers], "");
      }),
  },
  {
    name: "DeleteCustomerCenterConfig: negative id is a SoapServiceError",
    run: async ({ server, client }) => {
      try {
        const response = await client(HEADERS).deleteCustomerCenterConfig({ CustomerCenterConfigId: -5 });
        return failed(`returned ${show(response)}`);
      } catch (error) {
        if (!(error instanceof SoapServiceError)) return failed(`threw ${describe(error)}`);
        // The Mono oracle answers Succeeded=false without an ExceptionInfo header (wcf-mono/Impl.cs).
        const expected =
          server.family === "gsoap"
            ? { Message: "CustomerCenterConfigId must not be negative", ExceptionType: "SoException" }
            : undefined;
        return compare(server, expected, error.exceptionInfo, "exceptionInfo");
      }
    },
  },
];

/**
 * Controls: the client's encoding broken on purpose, to show the checks above can fail. Each expects
 * what the oracle is documented to do with such a request (gsoap/README.md, wcf-mono/smoke_mono.sh).
 */
const controls: readonly Check[] = [
  {
    name: "control: Carrier elements sent after the derived ones",
    run: async ({ server, client, exchanges }) => {
      const sent = populatedConfig();
      const moveCarrierLast = (xml: string): string =>
        xml.replace(
          /(<ns0:CustomerCenterConfig>)(<ns0:TableRight>.*<\/ns0:FieldProperties>)(.*)(<\/ns0:CustomerCenterConfig>)/,
          "$1$3$2$4",
        );
      let echoed: unknown;
      try {
        echoed = (
          await client(HEADERS, moveCarrierLast).saveCustomerCenterConfig({ CustomerCenterConfig: sent })
        ).Response;
      } catch (error) {
        if (server.family === "gsoap") return failed(`threw ${describe(error)}`);
        echoed = error;
      }
      // gSOAP accepts any order and echoes what was sent.
      if (server.family === "gsoap") return compare(server, sent, echoed, "Response");
      // WCF reads a sequence in order: the late base elements miss their slot (nil), go to ExtensionData
      // and are written back after the derived ones, so the round trip cannot come back equal.
      const lost = /<Response [^>]*><TableRight i:nil="true" \/><FieldProperties i:nil="true" \/>/;
      if (!lost.test(exchanges.at(-1)?.response ?? "")) return failed("the base elements were not lost");
      return diffValues(sent, echoed, "Response").length > 0
        ? passed
        : failed("the round trip came back equal");
    },
  },
  {
    name: "control: an unknown element in the request",
    run: async ({ server, client }) => {
      const addUnknown = (xml: string): string =>
        xml.replace("<ns0:External>", "<ns0:Bogus>1</ns0:Bogus><ns0:External>");
      try {
        await client(HEADERS, addUnknown).getProgramUrl({ ProgramName: "p", External: true });
        return server.id === "gsoapStrict" ? failed("the strict server accepted it") : passed;
      } catch (error) {
        if (server.id !== "gsoapStrict") return failed(`threw ${describe(error)}`);
        return error instanceof SoapFaultError && error.reason !== GSOAP_NOT_IMPLEMENTED
          ? passed
          : failed(`threw ${describe(error)}`);
      }
    },
  },
];

type OperationName = keyof CustomerServiceOperations;

/**
 * One check per operation: the request (body and headers) with every element populated. An implemented
 * operation must answer; a stub must answer its not-implemented fault, which the servers send only
 * after deserializing the request, so the strict gSOAP server proves the encoding valid against its own
 * schema-driven parser (a wrong name, namespace, duplicate or value type is a validation fault).
 */
const populatedRequests: readonly Check[] = Object.keys(customerServiceTables.operations)
  .sort()
  .map((operation) => ({
    name: `${operation}: fully populated request`,
    run: async ({ server, client }: CheckContext): Promise<Verdict> => {
      const builder = new ValueBuilder(customerServiceTables);
      const headers = builder.headers(operation) as CustomerServiceRequestHeaders;
      const request = builder.request(operation);
      try {
        await client(headers).call(
          operation as OperationName,
          request as CustomerServiceOperations[OperationName]["request"],
        );
        return IMPLEMENTED[server.family].has(operation) ? passed : failed("a stub answered without a fault");
      } catch (error) {
        if (IMPLEMENTED[server.family].has(operation)) return failed(`threw ${describe(error)}`);
        if (!(error instanceof SoapFaultError)) return failed(`threw ${describe(error)}`);
        const stub =
          server.family === "gsoap"
            ? error.reason === GSOAP_NOT_IMPLEMENTED
            : error.code === MONO_NOT_IMPLEMENTED_CODE;
        return stub ? passed : failed(`not the stub's fault: ${describe(error)}`);
      }
    },
  }));

export const CHECKS: readonly Check[] = [...behaviour, ...controls, ...populatedRequests];
