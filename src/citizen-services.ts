// Wires the citizen journeys to their adapters: what each flow, page and payment route is built from.
import { DEFAULT_BOOKING_POLICY } from "./domain/booking/booking-policy.js";
import { randomInt } from "node:crypto";
import type { Api } from "grammy";
import type { Hono } from "hono";
import type { AppConfig } from "./config/config.js";
import type { BotJourneys } from "./flows/flow.js";
import { informationPages } from "./bot/features/information.js";
import { bookingButtonsFeature } from "./bot/features/booking-buttons.js";
import { paymentsFeature } from "./bot/features/payments.js";
import type { GatewayName, PaymentGateway } from "./domain/payment/payment-gateway.js";
import { closeCancelledPayment, confirmPayment, type PaymentServiceDeps } from "./domain/payment/settle-payment.js";
import { startPayment } from "./domain/payment/start-payment.js";
import type { BookingDeps } from "./domain/booking/booking-deps.js";
import { bookingFlow } from "./flows/booking/booking.flow.js";
import { createCaseSystem, type CaseSystem } from "./case-services.js";
import type { ReminderPlanner } from "./domain/booking/reminder-planner.js";
import { createSqlBookingStore } from "./infrastructure/database/booking-store.js";
import { createSqlOfficeDirectory } from "./infrastructure/database/office-directory.js";
import { preRegistrationFlow } from "./flows/pre-registration/pre-registration.flow.js";
import { recoveryFlow } from "./flows/recovery/recovery.flow.js";
import { statusFlow } from "./flows/status/status.flow.js";
import { createSqlStatusReads } from "./infrastructure/database/status-reads.js";
import { cardPickupFlow } from "./flows/card-pickup/card-pickup.flow.js";
import { createSqlCardStore } from "./infrastructure/database/card-store.js";
import { createSqlApplicationStore } from "./infrastructure/database/application-store.js";
import { createTableCivilRegistry } from "./infrastructure/database/civil-registry.js";
import type { Database } from "./infrastructure/database/database.js";
import { createSqlPaymentLedger } from "./infrastructure/database/payment-ledger.js";
import { createPrismaPlaceDirectory } from "./infrastructure/database/place-directory.js";
import { createPrismaCityLocations } from "./infrastructure/database/city-locations.js";
import { createPrismaTariffBook } from "./infrastructure/database/tariff-book.js";
import type { Translate } from "./domain/shared/translate.js";
import { BaleInvoiceGateway } from "./infrastructure/payments/bale-invoice-gateway.js";
import { paymentCallbackRoutes } from "./infrastructure/payments/payment-callback-routes.js";
import { SandboxGateway } from "./infrastructure/payments/sandbox-gateway.js";
import { sandboxPages } from "./infrastructure/payments/sandbox-pages.js";
import { ZarinpalGateway } from "./infrastructure/payments/zarinpal-gateway.js";
import type { Logger } from "./infrastructure/logging/logger.js";
import { createRedisAttemptLimiter } from "./infrastructure/redis/redis-attempt-limiter.js";
import { createRedisSeatGate } from "./infrastructure/redis/redis-seat-gate.js";
import type { RedisStore } from "./infrastructure/redis/redis.js";
import { persianFontRoutes } from "./infrastructure/http/persian-font.js";

export interface CitizenServicesInput {
  config: AppConfig;
  database: Database;
  redis: RedisStore;
  logger: Logger;
  translate: Translate;
  /** Where citizens' browsers reach this server (payment pages and gateway callbacks). */
  publicBaseUrl: () => string;
  /** Wakes the notification dispatcher after a payment settles. */
  notifyNow: () => void;
  /** Appointment reminders; absent without Redis (local mode). */
  reminders?: ReminderPlanner;
  /** The clock booking decides with (tests move it); the system clock by default. */
  now?: () => Date;
}

/** The citizen side of the bot, plus the HTTP routes and payment service it needs. */
export interface CitizenServices {
  /**
   * Wires what needs the bot's API: Bale's in-app invoice gateway sends its invoices through it. The
   * composition root calls it once the bot exists, before journeys().
   */
  connectBotApi(api: Api): void;
  /** The flows, pages and features; the configured payment gateway must be wired by now. */
  journeys(): BotJourneys;
  /** Routes for the HTTP server: gateway callbacks, and the sandbox gateway's pages when it is in use. */
  httpRoutes: Hono[];
  /** The payment service once the bot's API exists (reconciliation uses it). */
  payments(): PaymentServiceDeps;
  /** Offices, slots and appointments (the no-show sweep and reminders use them too). */
  booking: BookingDeps;
  /** Citizens' cases and the staff who work them (the overdue sweep uses the store). */
  caseSystem: CaseSystem;
}

export function createCitizenServices(input: CitizenServicesInput): CitizenServices {
  const { config, database, redis, translate } = input;
  const prisma = database.prisma;
  const now = () => new Date();
  const ledger = createSqlPaymentLedger(database.sql);
  const applications = createSqlApplicationStore(database.sql);
  const tariffs = createPrismaTariffBook(prisma);
  const limiter = createRedisAttemptLimiter(redis.redis, config.redisKeyPrefix);
  const places = createPrismaPlaceDirectory(prisma);
  const booking: BookingDeps = {
    offices: createSqlOfficeDirectory(database.sql),
    store: createSqlBookingStore(database.sql),
    policy: DEFAULT_BOOKING_POLICY,
    // Turns a stampede's losers away before PostgreSQL, which still decides every seat; one process in local mode needs none.
    seats: redis.kind === "redis" ? createRedisSeatGate(redis.plain(), config.redisKeyPrefix) : undefined,
  };
  const cards = createSqlCardStore(database.sql, { deliveryRial: async (at) => (await tariffs.inForce(at)).deliveryRial, policy: config.pickup });

  const caseSystem = createCaseSystem({
    database,
    offices: booking.offices,
    places,
    tariffs,
    registry: createTableCivilRegistry(database.sql),
    applications,
    notifyNow: input.notifyNow,
  });

  // Redirecting gateways exist from the start; Bale's invoice needs the bot's API, added by connectBotApi().
  const gateways: Partial<Record<GatewayName, PaymentGateway>> = {
    sandbox: new SandboxGateway({ sql: database.sql, publicBaseUrl: input.publicBaseUrl() }),
  };
  if (config.payment.zarinpal) {
    gateways.zarinpal = new ZarinpalGateway({ merchantId: config.payment.zarinpal.merchantId, apiBase: config.payment.zarinpal.apiBase });
  }
  const payments: PaymentServiceDeps = { ledger, gateways, random: randomInt, now };

  const httpRoutes = [
    persianFontRoutes(),
    paymentCallbackRoutes({
      ledger,
      confirm: async (payment) => {
        const outcome = await confirmPayment(payments, payment);
        if (outcome.kind === "settled") input.notifyNow();
        return outcome;
      },
      cancel: async (payment) => {
        const outcome = await closeCancelledPayment(payments, payment);
        if (outcome.kind === "settled") input.notifyNow();
        return outcome;
      },
      translate,
      onError: (error) => input.logger.error({ err: error }, "payment callback failed"),
    }),
  ];
  if (config.payment.gateway === "sandbox") httpRoutes.push(sandboxPages({ sql: database.sql, translate }));

  return {
    httpRoutes,
    booking,
    caseSystem,
    payments: () => payments,
    connectBotApi(api) {
      if (!config.payment.baleProviderToken) return;
      gateways.bale = new BaleInvoiceGateway({ api, providerToken: config.payment.baleProviderToken, title: translate("prereg-payment-title"), translate });
    },
    journeys() {
      const gateway = gateways[config.payment.gateway];
      if (!gateway) throw new Error(`payment gateway ${config.payment.gateway} is not configured (a Bale gateway needs connectBotApi first)`);
      const startPaymentWithGateway = (request: Parameters<typeof startPayment>[1]) =>
        startPayment(
          { ledger, gateway, now, paymentTtlMs: config.payment.ttlMs, callbackUrl: (name) => `${input.publicBaseUrl()}/pay/callback/${name}` },
          request,
        );
      // Only an application registered from the pressing chat, still awaiting payment, gets a new payment.
      const startAgain = async ({ applicationId, chatId }: { applicationId: string; chatId: number }) => {
        const application = (await applications.findLiveByChat(chatId)).find((candidate) => candidate.id === applicationId);
        if (application?.status !== "awaiting_payment") return undefined;
        return startPaymentWithGateway({ applicationId, amountRial: application.feeRial, chatId, description: translate("prereg-payment-description") });
      };
      return {
        flows: [
          preRegistrationFlow({
            registry: createTableCivilRegistry(database.sql),
            applications,
            places,
            tariffs,
            limiter,
            startPayment: startPaymentWithGateway,
          }),
          statusFlow({ applications, limiter, tariffs, booking, reads: createSqlStatusReads(database.sql) }),
          cardPickupFlow({ applications, limiter, cards, offices: booking.offices, places, tariffs, notifyNow: input.notifyNow }),
          recoveryFlow({ applications, limiter }),
          bookingFlow({ booking, applications, limiter, places, cityLocations: createPrismaCityLocations(prisma), reminders: input.reminders, now: input.now }),
          ...caseSystem.flows,
        ],
        pages: informationPages(tariffs),
        features: [paymentsFeature({ payments, notifyNow: input.notifyNow, startAgain }), bookingButtonsFeature(), ...caseSystem.features],
      };
    },
  };
}
