// The README's example of a fake CustomerService, as it is printed there (only the import paths differ).
import { expect, it } from "vitest";
import { CustomerServiceClient, CustomerServiceError } from "../../generated/customer-service/index.js";
import { createCustomerServiceHandler } from "../../generated/customer-service/stub.js";

it("a fake CustomerService answers the client, and fails as NetServer does", async () => {
  const fake = createCustomerServiceHandler({
    chatSessionsForUser(_request, { headers }) {
      if (headers.Credentials?.Ticket !== "7T:ok")
        throw new CustomerServiceError({
          exceptionInfo: { Message: "Ticket expired" },
          headers: {},
          status: 200,
        });
      return { Response: [{ ChatSessionId: 7 }] };
    },
  });
  const crm = (Ticket: string) =>
    new CustomerServiceClient({ fetch: fake, headers: { Credentials: { Ticket } } });
  expect(await crm("7T:ok").chatSessionsForUser()).toEqual({ Response: [{ ChatSessionId: 7 }] });
  await expect(crm("7T:old").chatSessionsForUser()).rejects.toThrow(CustomerServiceError);
});
