-- Pre-registration: places, the civil registry's sample table, tariffs, applications, payments, the
-- notification outbox. Invariants live here as constraints, not in application memory.

CREATE TABLE "provinces" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "provinces_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "provinces_name_key" ON "provinces"("name");

CREATE TABLE "cities" (
    "id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    -- Metropolis: the completion fee is capped by the tariff; elsewhere the provincial working group sets it.
    "is_metropolis" BOOLEAN NOT NULL DEFAULT false,
    "completion_fee_rial" INTEGER,
    CONSTRAINT "cities_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cities_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cities_completion_fee_rial_check" CHECK ("completion_fee_rial" IS NULL OR "completion_fee_rial" >= 0)
);
CREATE INDEX "cities_province_id_idx" ON "cities"("province_id");

-- The default civil-registry adapter's data: sample citizens, or records imported with `npm run registry:import`.
CREATE TABLE "registry_citizens" (
    "national_id" CHAR(10) NOT NULL,
    "birth_date" CHAR(10) NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "father_name" TEXT NOT NULL,
    CONSTRAINT "registry_citizens_pkey" PRIMARY KEY ("national_id"),
    CONSTRAINT "registry_citizens_national_id_check" CHECK ("national_id" ~ '^[0-9]{10}$'),
    CONSTRAINT "registry_citizens_birth_date_check" CHECK ("birth_date" ~ '^1[2-4][0-9]{2}/[0-9]{2}/[0-9]{2}$')
);

-- Effective-dated fees in rial; the row with the latest effective_from not in the future is in force.
CREATE TABLE "tariffs" (
    "id" SERIAL NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "pre_registration_rial" INTEGER NOT NULL,
    "completion_metropolis_max_rial" INTEGER NOT NULL,
    "delivery_rial" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "tariffs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tariffs_amounts_check" CHECK ("pre_registration_rial" > 0 AND "completion_metropolis_max_rial" >= 0 AND "delivery_rial" >= 0)
);
CREATE UNIQUE INDEX "tariffs_effective_from_key" ON "tariffs"("effective_from");

CREATE TABLE "applications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "national_id" CHAR(10) NOT NULL,
    "birth_date" CHAR(10) NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "father_name" TEXT NOT NULL,
    "mobile" CHAR(11) NOT NULL,
    "landline" CHAR(11) NOT NULL,
    "postal_code" CHAR(10) NOT NULL,
    "address" TEXT NOT NULL,
    "city_id" INTEGER NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "tracking_code" CHAR(12),
    "fee_rial" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "applications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "applications_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "applications_status_check" CHECK ("status" IN ('awaiting_payment', 'paid', 'booked', 'no_show', 'completed_in_person', 'in_production', 'ready_for_pickup', 'delivered', 'cancelled')),
    -- A tracking code exists exactly when a payment was verified (a cancelled application may have either).
    CONSTRAINT "applications_unpaid_has_no_code_check" CHECK ("status" <> 'awaiting_payment' OR "tracking_code" IS NULL),
    CONSTRAINT "applications_paid_has_code_check" CHECK ("status" IN ('awaiting_payment', 'cancelled') OR "tracking_code" IS NOT NULL),
    CONSTRAINT "applications_fee_rial_check" CHECK ("fee_rial" > 0)
);
CREATE UNIQUE INDEX "applications_tracking_code_key" ON "applications"("tracking_code");
-- One live application per citizen: a second pre-registration finds the first instead of charging again.
CREATE UNIQUE INDEX "applications_one_open_per_citizen" ON "applications"("national_id") WHERE "status" <> 'cancelled';

-- The timeline shown by the status check.
CREATE TABLE "application_events" (
    "id" BIGSERIAL NOT NULL,
    "application_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "application_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "application_events_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "application_events_application_id_at_idx" ON "application_events"("application_id", "at");

CREATE TABLE "payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "gateway" TEXT NOT NULL,
    "amount_rial" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    -- The gateway's id of this payment (Zarinpal authority, sandbox authority, invoice payload).
    "gateway_reference" TEXT,
    -- The gateway's receipt (Zarinpal ref_id, provider charge id), kept once.
    "receipt_reference" TEXT,
    "pay_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "last_checked_at" TIMESTAMPTZ(3),
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "payments_gateway_check" CHECK ("gateway" IN ('sandbox', 'zarinpal', 'bale')),
    CONSTRAINT "payments_status_check" CHECK ("status" IN ('pending', 'paid', 'failed', 'expired')),
    CONSTRAINT "payments_amount_rial_check" CHECK ("amount_rial" > 0),
    CONSTRAINT "payments_paid_has_receipt_check" CHECK ("status" <> 'paid' OR ("receipt_reference" IS NOT NULL AND "settled_at" IS NOT NULL))
);
-- Exactly one verified payment per application, at most one open one.
CREATE UNIQUE INDEX "payments_one_paid_per_application" ON "payments"("application_id") WHERE "status" = 'paid';
CREATE UNIQUE INDEX "payments_one_pending_per_application" ON "payments"("application_id") WHERE "status" = 'pending';
CREATE UNIQUE INDEX "payments_gateway_reference_key" ON "payments"("gateway", "gateway_reference");
CREATE INDEX "payments_pending_idx" ON "payments"("created_at") WHERE "status" = 'pending';

-- The sandbox gateway's own ledger: it plays an external gateway, so it keeps its state apart from ours.
CREATE TABLE "sandbox_transactions" (
    "authority" TEXT NOT NULL,
    "amount_rial" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "callback_url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'created',
    "verified_at" TIMESTAMPTZ(3),
    "ref_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_transactions_pkey" PRIMARY KEY ("authority"),
    CONSTRAINT "sandbox_transactions_status_check" CHECK ("status" IN ('created', 'paid', 'cancelled'))
);

-- Messages to citizens outside a conversation (payment confirmed, reminders): written in the same
-- transaction as the fact they announce, sent by a dispatcher; dedup_key makes each one exist once.
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "message_key" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_dedup_key_key" ON "notifications"("dedup_key");
CREATE INDEX "notifications_unsent_idx" ON "notifications"("created_at") WHERE "sent_at" IS NULL;
