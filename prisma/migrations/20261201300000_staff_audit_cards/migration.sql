-- Staff side: staff members and their one-time invites, the append-only audit log, the in-person record of a
-- visit, and issued cards (pickup office, transfer, delivery). Every invariant a staff action relies on is a
-- constraint or a conditional update here, so double presses and several instances change a record once.

-- Two new application states: arrived at the office, and card on its way to another pickup office.
ALTER TABLE "applications" DROP CONSTRAINT "applications_status_check";
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_check" CHECK ("status" IN (
    'awaiting_payment', 'paid', 'booked', 'no_show', 'checked_in', 'completed_in_person', 'in_production',
    'ready_for_pickup', 'in_transit', 'delivered', 'cancelled'));

-- A unit staff of the hotline and supervisors belong to (the cases issue extends it).
CREATE TABLE "staff_units" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_units_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_units_code_check" CHECK ("code" ~ '^[A-Za-z0-9._-]{1,64}$')
);
CREATE UNIQUE INDEX "staff_units_code_key" ON "staff_units"("code");

-- A person on the staff side, known by their messenger user id. An operator belongs to one office, a
-- hotline agent or supervisor to one unit, an admin to neither. Revoking keeps the row (the audit log
-- names it); a revoked person may be enrolled again by a new invite (a new row).
CREATE TABLE "staff_members" (
    "id" SERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL,
    "office_id" INTEGER,
    "unit_id" INTEGER,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "sample" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_members_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_members_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "staff_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_members_role_check" CHECK ("role" IN ('admin', 'operator', 'hotline_agent', 'supervisor')),
    CONSTRAINT "staff_members_scope_check" CHECK (
        ("role" = 'admin' AND "office_id" IS NULL AND "unit_id" IS NULL) OR
        ("role" = 'operator' AND "office_id" IS NOT NULL AND "unit_id" IS NULL) OR
        ("role" IN ('hotline_agent', 'supervisor') AND "unit_id" IS NOT NULL AND "office_id" IS NULL))
);
-- One active staff role per person: a second enrolment of the same user cannot commit.
CREATE UNIQUE INDEX "staff_members_one_active_per_user" ON "staff_members"("user_id") WHERE "revoked_at" IS NULL;
CREATE INDEX "staff_members_office_id_idx" ON "staff_members"("office_id") WHERE "revoked_at" IS NULL;

-- A one-time invite: only the sha256 of its token is kept, so a database reader cannot enrol with it.
CREATE TABLE "staff_invites" (
    "id" SERIAL NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "role" TEXT NOT NULL,
    "office_id" INTEGER,
    "unit_id" INTEGER,
    -- NULL: created on the command line.
    "created_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by" INTEGER,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "staff_invites_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_invites_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_invites_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "staff_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_invites_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_invites_used_by_fkey" FOREIGN KEY ("used_by") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_invites_role_check" CHECK ("role" IN ('admin', 'operator', 'hotline_agent', 'supervisor')),
    CONSTRAINT "staff_invites_scope_check" CHECK (
        ("role" = 'admin' AND "office_id" IS NULL AND "unit_id" IS NULL) OR
        ("role" = 'operator' AND "office_id" IS NOT NULL AND "unit_id" IS NULL) OR
        ("role" IN ('hotline_agent', 'supervisor') AND "unit_id" IS NOT NULL AND "office_id" IS NULL)),
    CONSTRAINT "staff_invites_used_check" CHECK (("used_at" IS NULL) = ("used_by" IS NULL))
);
CREATE UNIQUE INDEX "staff_invites_token_hash_key" ON "staff_invites"("token_hash");

-- Every staff action and admin change: who (member, role), what (action), on what (subject, and the office
-- and application it concerns, for the trails), before/after, when, and whether it was done, refused or a
-- violation. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for every role.
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- NULL with actor_role 'cli', 'system' or 'citizen': the command line, a background job, a citizen's own request.
    "actor_member_id" INTEGER,
    "actor_role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "office_id" INTEGER,
    "application_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "outcome" TEXT NOT NULL DEFAULT 'done',
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_log_outcome_check" CHECK ("outcome" IN ('done', 'refused', 'violation')),
    CONSTRAINT "audit_log_actor_check" CHECK ("actor_member_id" IS NOT NULL OR "actor_role" IN ('cli', 'system', 'citizen'))
);
CREATE INDEX "audit_log_application_idx" ON "audit_log"("application_id", "id") WHERE "application_id" IS NOT NULL;
CREATE INDEX "audit_log_office_idx" ON "audit_log"("office_id", "id") WHERE "office_id" IS NOT NULL;

CREATE FUNCTION "audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_is_append_only"();

-- What the operator recorded during the visit: the seed's documents, the live photo, the fingerprints and
-- the completion fee. Each item is set once (the first press wins, a second changes nothing).
CREATE TABLE "visit_records" (
    "appointment_id" UUID NOT NULL,
    "birth_certificate_at" TIMESTAMPTZ(3),
    "postal_code_at" TIMESTAMPTZ(3),
    "address_at" TIMESTAMPTZ(3),
    "phones_at" TIMESTAMPTZ(3),
    "photo_at" TIMESTAMPTZ(3),
    "fingerprints_at" TIMESTAMPTZ(3),
    "fee_rial" INTEGER,
    "fee_recorded_at" TIMESTAMPTZ(3),
    CONSTRAINT "visit_records_pkey" PRIMARY KEY ("appointment_id"),
    CONSTRAINT "visit_records_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "visit_records_fee_check" CHECK ("fee_rial" IS NULL OR "fee_rial" >= 0),
    CONSTRAINT "visit_records_fee_recorded_check" CHECK (("fee_rial" IS NULL) = ("fee_recorded_at" IS NULL))
);

-- An issued card: one per application. `office_id` is where it is (or, in transit, where it comes from);
-- `transfer_office_id` is where the applicant asked to collect it instead.
CREATE TABLE "cards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "serial" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "office_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ready',
    "ready_at" TIMESTAMPTZ(3) NOT NULL,
    -- Uncollected cards are held until this instant (counted from when the card became ready at the office).
    "held_until" TIMESTAMPTZ(3) NOT NULL,
    "transfer_office_id" INTEGER,
    "transfer_requested_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "delivered_by" INTEGER,
    -- holder | representative
    "delivered_to" TEXT,
    "representative_name" TEXT,
    "representative_national_id" CHAR(10),
    "delivery_fee_rial" INTEGER,
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cards_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cards_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cards_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cards_transfer_office_id_fkey" FOREIGN KEY ("transfer_office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cards_delivered_by_fkey" FOREIGN KEY ("delivered_by") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cards_status_check" CHECK ("status" IN ('ready', 'in_transit', 'delivered')),
    CONSTRAINT "cards_in_transit_check" CHECK ("status" <> 'in_transit' OR ("transfer_office_id" IS NOT NULL AND "transfer_requested_at" IS NOT NULL)),
    CONSTRAINT "cards_delivered_check" CHECK ("status" <> 'delivered' OR ("delivered_at" IS NOT NULL AND "delivered_by" IS NOT NULL AND "delivered_to" IS NOT NULL AND "delivery_fee_rial" IS NOT NULL)),
    CONSTRAINT "cards_delivered_to_check" CHECK ("delivered_to" IS NULL OR "delivered_to" IN ('holder', 'representative')),
    CONSTRAINT "cards_representative_check" CHECK ("delivered_to" IS DISTINCT FROM 'representative' OR ("representative_name" IS NOT NULL AND "representative_national_id" IS NOT NULL)),
    CONSTRAINT "cards_fee_check" CHECK ("delivery_fee_rial" IS NULL OR "delivery_fee_rial" >= 0),
    CONSTRAINT "cards_reminders_check" CHECK ("reminders_sent" >= 0)
);
CREATE UNIQUE INDEX "cards_application_id_key" ON "cards"("application_id");
CREATE UNIQUE INDEX "cards_serial_key" ON "cards"("serial");
-- An office's uncollected cards by age, and the cards on their way to it.
CREATE INDEX "cards_ready_idx" ON "cards"("office_id", "ready_at") WHERE "status" = 'ready';
CREATE INDEX "cards_in_transit_idx" ON "cards"("transfer_office_id") WHERE "status" = 'in_transit';
