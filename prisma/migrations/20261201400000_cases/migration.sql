-- Citizens' cases: units and the routing table, cases with their timeline (internal or visible to the citizen,
-- internal by default), attachments as platform file ids, home-service household members and visits, holidays.
-- Every staff action is one transaction with a conditional update, so double presses and several instances
-- change a case once; a trigger refuses any notification that would carry an internal entry to a citizen.
-- Builds on 20261201300000_staff_audit_cards: staff_units (extended here), staff_members and audit_log.

-- A unit: a hotline (one per office type) or a province's home-service team. Targets are business minutes.
ALTER TABLE "staff_units"
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'hotline',
    ADD COLUMN "office_type" TEXT,
    ADD COLUMN "province_id" INTEGER REFERENCES "provinces"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- The unit's public phone numbers, comma-separated.
    ADD COLUMN "phones" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "first_response_minutes" INTEGER NOT NULL DEFAULT 120,
    ADD COLUMN "resolution_minutes" INTEGER NOT NULL DEFAULT 1440,
    -- Home service: a request not visited within this many days escalates.
    ADD COLUMN "visit_within_days" INTEGER NOT NULL DEFAULT 7,
    ADD CONSTRAINT "staff_units_kind_check" CHECK ("kind" IN ('hotline', 'home_service')),
    ADD CONSTRAINT "staff_units_office_type_check" CHECK ("office_type" IS NULL OR "office_type" IN ('pishkhan', 'post', 'civil_registration')),
    ADD CONSTRAINT "staff_units_targets_check" CHECK ("first_response_minutes" > 0 AND "resolution_minutes" >= "first_response_minutes" AND "visit_within_days" > 0);
CREATE UNIQUE INDEX "staff_units_home_service_per_province" ON "staff_units"("province_id") WHERE "kind" = 'home_service';

-- The seed document's report lines.
INSERT INTO "staff_units" ("code", "name", "kind", "office_type", "phones") VALUES
    ('pishkhan-hotline', 'Pishkhan offices hotline', 'hotline', 'pishkhan', '021-61912222'),
    ('post-hotline', 'Post offices hotline', 'hotline', 'post', '021-84470000'),
    ('civil-registration-hotline', 'Civil registration hotline', 'hotline', 'civil_registration', '021-66742876,021-66710270')
ON CONFLICT ("code") DO NOTHING;

-- Routing: (case kind, office type, province) → unit. NULL matches anything; the most specific row wins
-- (src/domain/cases/routing.ts). Admins change rows here; the seed rows are one per seed fact.
CREATE TABLE "case_routes" (
    "id" SERIAL NOT NULL,
    "case_kind" TEXT NOT NULL,
    "office_type" TEXT,
    "province_id" INTEGER REFERENCES "provinces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "unit_id" INTEGER NOT NULL REFERENCES "staff_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_routes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_routes_kind_check" CHECK ("case_kind" IN ('home_service', 'overcharge', 'complaint')),
    CONSTRAINT "case_routes_office_type_check" CHECK ("office_type" IS NULL OR "office_type" IN ('pishkhan', 'post', 'civil_registration'))
);
-- NULLS NOT DISTINCT: one row per key, "any office type" and "any province" included.
CREATE UNIQUE INDEX "case_routes_one_per_key" ON "case_routes"("case_kind", "office_type", "province_id") NULLS NOT DISTINCT;

INSERT INTO "case_routes" ("case_kind", "office_type", "unit_id")
SELECT k.kind, u.office_type, u.id FROM "staff_units" u CROSS JOIN (VALUES ('overcharge'), ('complaint')) AS k(kind)
WHERE u.code IN ('pishkhan-hotline', 'post-hotline', 'civil-registration-hotline');
-- A complaint about no office in particular goes to the pishkhan hotline.
INSERT INTO "case_routes" ("case_kind", "office_type", "unit_id")
SELECT 'complaint', NULL, id FROM "staff_units" WHERE code = 'pishkhan-hotline';

-- Official holidays: no business minutes are counted on them.
CREATE TABLE "business_holidays" (
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "business_holidays_pkey" PRIMARY KEY ("day")
);

CREATE SEQUENCE "case_number_seq" START WITH 1000000 MINVALUE 1000000 MAXVALUE 9999999;

CREATE TABLE "cases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    -- Seven digits of case_number_seq and a Verhoeff check digit.
    "number" CHAR(8) NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    -- Where the citizen is told; NULL for a phone caller's case opened by an agent.
    "chat_id" BIGINT,
    "unit_id" INTEGER NOT NULL REFERENCES "staff_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "assignee_id" INTEGER REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "office_id" INTEGER REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "province_id" INTEGER REFERENCES "provinces"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- The office is not told who reported it; the unit still sees the chat.
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "opened_by_id" INTEGER REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "caller_national_id" CHAR(10),
    "caller_phone" CHAR(11),
    -- What the journey collected (charges and verdict, the home-service request); shown to staff.
    "details" JSONB NOT NULL DEFAULT '{}',
    "summary" TEXT NOT NULL DEFAULT '',
    "first_response_due_at" TIMESTAMPTZ(3) NOT NULL,
    "resolution_due_at" TIMESTAMPTZ(3) NOT NULL,
    "first_responded_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "rated_at" TIMESTAMPTZ(3),
    -- Bumped by every change: staff buttons carry it, so a stale or second press changes nothing.
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cases_number_check" CHECK ("number" ~ '^[0-9]{8}$'),
    CONSTRAINT "cases_kind_check" CHECK ("kind" IN ('home_service', 'overcharge', 'complaint')),
    CONSTRAINT "cases_status_check" CHECK ("status" IN ('new', 'taken', 'waiting_citizen', 'forwarded', 'visit_scheduled', 'resolved', 'closed')),
    CONSTRAINT "cases_taken_check" CHECK ("status" NOT IN ('taken', 'waiting_citizen', 'visit_scheduled') OR "assignee_id" IS NOT NULL),
    CONSTRAINT "cases_rating_check" CHECK ("rating" IS NULL OR ("rating" BETWEEN 1 AND 5 AND "rated_at" IS NOT NULL)),
    CONSTRAINT "cases_citizen_check" CHECK ("chat_id" IS NOT NULL OR "opened_by_id" IS NOT NULL)
);
CREATE UNIQUE INDEX "cases_number_key" ON "cases"("number");
CREATE INDEX "cases_chat_idx" ON "cases"("chat_id", "created_at");
CREATE INDEX "cases_unit_queue_idx" ON "cases"("unit_id", "status", "created_at");
CREATE INDEX "cases_open_due_idx" ON "cases"("resolution_due_at") WHERE "status" NOT IN ('resolved', 'closed') AND "escalated_at" IS NULL;

CREATE TABLE "case_entries" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    -- Internal unless said otherwise; notes and escalations can never be visible (CHECK below).
    "visibility" TEXT NOT NULL DEFAULT 'internal',
    -- citizen | staff | system
    "author" TEXT NOT NULL,
    "author_member_id" INTEGER REFERENCES "staff_members"("id") ON DELETE RESTRICT,
    "text" TEXT NOT NULL DEFAULT '',
    "params" JSONB NOT NULL DEFAULT '{}',
    -- Names the request that wrote the entry: the same request again finds it instead of writing a second.
    "request_key" TEXT,
    CONSTRAINT "case_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_entries_visibility_check" CHECK ("visibility" IN ('internal', 'citizen')),
    CONSTRAINT "case_entries_notes_internal_check" CHECK ("kind" NOT IN ('note', 'escalated') OR "visibility" = 'internal'),
    CONSTRAINT "case_entries_author_check" CHECK ("author" IN ('citizen', 'staff', 'system') AND ("author" <> 'staff' OR "author_member_id" IS NOT NULL)),
    CONSTRAINT "case_entries_text_check" CHECK (length("text") <= 4000)
);
CREATE INDEX "case_entries_case_idx" ON "case_entries"("case_id", "id");
CREATE UNIQUE INDEX "case_entries_request_key" ON "case_entries"("request_key") WHERE "request_key" IS NOT NULL;

-- Photos and documents as the platform's file ids (the bytes stay on Telegram's or Bale's servers).
CREATE TABLE "case_attachments" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
    "entry_id" BIGINT NOT NULL REFERENCES "case_entries"("id") ON DELETE CASCADE,
    -- receipt | certificate | photo
    "purpose" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "file_unique_id" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_attachments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_attachments_purpose_check" CHECK ("purpose" IN ('receipt', 'certificate', 'photo'))
);
CREATE INDEX "case_attachments_case_idx" ON "case_attachments"("case_id");

-- Household members at the same address a home-service request covers (the requester among them).
CREATE TABLE "home_service_members" (
    "case_id" UUID NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
    "position" INTEGER NOT NULL,
    "national_id" CHAR(10) NOT NULL,
    "birth_date" CHAR(10) NOT NULL,
    "first_name" TEXT NOT NULL DEFAULT '',
    -- The member's live application when there is one; the visit's outcome moves it.
    "application_id" UUID REFERENCES "applications"("id") ON DELETE SET NULL,
    CONSTRAINT "home_service_members_pkey" PRIMARY KEY ("case_id", "position")
);
CREATE UNIQUE INDEX "home_service_members_once_per_case" ON "home_service_members"("case_id", "national_id");

-- A visit time proposed by the unit; at most one proposed or confirmed visit per case.
CREATE TABLE "home_visits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "proposed_by" INTEGER NOT NULL REFERENCES "staff_members"("id") ON DELETE RESTRICT,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    -- application_taken | card_delivered | both | not_done
    "outcome" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),
    "recorded_at" TIMESTAMPTZ(3),
    CONSTRAINT "home_visits_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "home_visits_status_check" CHECK ("status" IN ('proposed', 'confirmed', 'declined', 'done')),
    CONSTRAINT "home_visits_outcome_check" CHECK (("status" = 'done') = ("outcome" IS NOT NULL) AND ("outcome" IS NULL OR "outcome" IN ('application_taken', 'card_delivered', 'both', 'not_done')))
);
CREATE UNIQUE INDEX "home_visits_one_open_per_case" ON "home_visits"("case_id") WHERE "status" IN ('proposed', 'confirmed');

-- The server-side rule: a notification about a case entry exists only for an entry visible to the citizen,
-- and goes only to that case's chat. Whatever code path writes the outbox, an internal note cannot reach a citizen.
CREATE FUNCTION "notifications_case_entry_visible"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_id BIGINT;
    v_ok BOOLEAN;
BEGIN
    IF NEW."dedup_key" LIKE 'case-entry:%' OR NEW."message_key" LIKE 'case-%' THEN
        IF NEW."dedup_key" NOT LIKE 'case-entry:%' THEN
            RAISE EXCEPTION 'case notifications must name their entry (case-entry:<id>)' USING ERRCODE = 'check_violation';
        END IF;
        v_entry_id := split_part(NEW."dedup_key", ':', 2)::BIGINT;
        SELECT e."visibility" = 'citizen' AND c."chat_id" = NEW."chat_id" INTO v_ok
          FROM "case_entries" e JOIN "cases" c ON c."id" = e."case_id" WHERE e."id" = v_entry_id;
        IF v_ok IS NOT TRUE THEN
            RAISE EXCEPTION 'case entry % is not visible to this chat', v_entry_id USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "notifications_case_entry_visible" BEFORE INSERT OR UPDATE OF "chat_id", "dedup_key", "message_key" ON "notifications"
    FOR EACH ROW EXECUTE FUNCTION "notifications_case_entry_visible"();

