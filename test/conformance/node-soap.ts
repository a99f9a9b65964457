import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import * as soap from "soap";
import { escapeText } from "../../generated/customer-service/runtime/xml.js";
import type { ServiceUnderTest } from "./services.js";

const ERROR_PAGE_PATH = "/error-page";
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";

/** What node-soap made of one request it received. */
export interface ReceivedCall {
  /** The operation node-soap routed the request to (it routes by the SOAPAction HTTP header). */
  readonly operation: string;
  readonly soapAction: string | undefined;
  /** node-soap's parsed body (the wrapper element's content; null for an empty wrapper). */
  readonly args: unknown;
  /** node-soap's parsed header blocks by element name. */
  readonly headers: unknown;
}

/** How the service answers an operation: by default with its documented response. */
export type Answer =
  | { readonly kind: "documented" }
  | { readonly kind: "serviceFailure"; readonly message: string }
  | { readonly kind: "fault"; readonly code: string; readonly reason: string };

/**
 * node-soap hosting an agent's WSDL on 127.0.0.1 (random free port). node-soap parses and
 * routes every request; each operation answers with the content of its documented response wrapper,
 * which node-soap wraps in its own response element and envelope. Another path on the same server
 * answers HTTP 500 with a plain-text error page, as a failing proxy or server would.
 */
export class NodeSoapHarness {
  readonly received: ReceivedCall[] = [];
  /** Per-operation answers other than the documented response. */
  readonly answers = new Map<string, Answer>();

  private constructor(
    private readonly server: HttpServer,
    readonly endpoint: string,
    readonly errorPageEndpoint: string,
  ) {}

  /** `responses` maps each operation to the XML content of its response wrapper element. */
  static async start(
    service: ServiceUnderTest,
    responses: ReadonlyMap<string, string>,
  ): Promise<NodeSoapHarness> {
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(request.url === ERROR_PAGE_PATH ? 500 : 404, {
        "Content-Type": "text/plain; charset=utf-8",
      });
      response.end(
        request.url === ERROR_PAGE_PATH
          ? "Internal Server Error: the database is not reachable"
          : "Not Found",
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const harness = new NodeSoapHarness(
      server,
      `${base}${service.nodeSoap.path}`,
      `${base}${ERROR_PAGE_PATH}`,
    );

    const operations: Record<
      string,
      (args: unknown, callback: unknown, headers: unknown, request: IncomingMessage) => unknown
    > = {};
    for (const [operation, content] of responses) {
      operations[operation] = (args, _callback, headers, request) => {
        const soapAction = request.headers.soapaction;
        harness.received.push({
          operation,
          soapAction: Array.isArray(soapAction) ? soapAction[0] : soapAction,
          args,
          headers,
        });
        const answer = harness.answers.get(operation) ?? { kind: "documented" };
        // node-soap turns a thrown { Fault } into a SOAP 1.1 Fault response.
        if (answer.kind === "fault")
          throw { Fault: { faultcode: answer.code, faultstring: answer.reason, statusCode: 500 } };
        // `$xml` is node-soap's way of writing raw XML inside the response element it builds.
        return answer.kind === "documented" ? { $xml: content } : {};
      };
    }
    const soapServer = await new Promise<soap.Server>((resolve, reject) => {
      const listening = soap.listen(server, {
        path: service.nodeSoap.path,
        services: { [service.nodeSoap.service]: { [service.nodeSoap.port]: operations } },
        xml: readFileSync(service.wsdlPath, "utf8"),
        suppressStack: true,
        callback: (error: unknown) => (error ? reject(error) : resolve(listening)),
      });
    });
    // Response header blocks, only for an operation told to report a failure the NetServer way.
    soapServer.addSoapHeader((methodName: string) => {
      const answer = harness.answers.get(methodName);
      if (answer?.kind !== "serviceFailure") return "";
      return (
        `<Succeeded xmlns="${NS}">false</Succeeded>` +
        `<ExceptionInfo xmlns="${NS}"><Message>${escapeText(answer.message)}</Message><ExceptionType>SoException</ExceptionType></ExceptionInfo>`
      );
    });
    return harness;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
