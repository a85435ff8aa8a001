// The in-memory booking store the domain tests use runs the port's contract suite, as the PostgreSQL store does.
import { randomUUID } from "node:crypto";
import type { Office } from "../../../src/domain/booking/office.js";
import { describeBookingStoreContract } from "../../contracts/booking-store.contract.js";
import { createInMemoryBookingStore } from "./in-memory-booking-store.js";
import { makeOffice } from "./office-fixtures.js";

describeBookingStoreContract("in memory", async () => {
  const offices: Office[] = [];
  const store = createInMemoryBookingStore(() => offices);
  let chat = 100;
  let code = 0;
  return {
    store,
    async addOffice(options = {}) {
      const office = makeOffice({ counters: options.counters ?? 1, active: options.active ?? true });
      offices.push(office);
      return office.id;
    },
    async addApplication(status = "paid") {
      const id = randomUUID();
      const chatId = ++chat;
      const trackingCode = status === "awaiting_payment" ? null : `7${String(++code).padStart(11, "0")}`;
      store.addApplication(id, status, chatId, trackingCode);
      return { id, chatId, trackingCode };
    },
    applicationStatus: async (id) => store.applicationStatus(id),
  };
});
