-- Booking: offices, their closed days, lazily created slots and appointments. The invariants (no slot
-- above its counters, one live appointment per application) are constraints here, so they hold whatever
-- the number of bot instances; the booking steps that must be atomic are functions, one round trip each.

CREATE TABLE "offices" (
    "id" SERIAL NOT NULL,
    -- The office's stable code in import files: re-importing a file updates the office with the same code.
    "code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "province_id" INTEGER NOT NULL,
    "city_id" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    -- The text form of src/domain/booking/weekly-hours.ts, e.g. 'sat-wed 07:30-14:30; thu 07:30-12:00'.
    "weekly_hours" TEXT NOT NULL,
    "slot_minutes" INTEGER NOT NULL,
    -- People served per slot: the capacity a slot gets when it is first booked.
    "counters" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "offices_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "offices_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "provinces"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "offices_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "offices_type_check" CHECK ("type" IN ('pishkhan', 'post', 'civil_registration')),
    CONSTRAINT "offices_location_check" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180),
    CONSTRAINT "offices_slot_minutes_check" CHECK ("slot_minutes" BETWEEN 5 AND 240),
    CONSTRAINT "offices_counters_check" CHECK ("counters" BETWEEN 1 AND 1000)
);
CREATE UNIQUE INDEX "offices_code_key" ON "offices"("code");
CREATE INDEX "offices_city_id_idx" ON "offices"("city_id");

-- Days an office does not open besides its weekly closed days; `day` is the Gregorian date of the Tehran day.
CREATE TABLE "office_closed_dates" (
    "office_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "office_closed_dates_pkey" PRIMARY KEY ("office_id", "day"),
    CONSTRAINT "office_closed_dates_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A slot exists once someone books it (or a reschedule or closing touches it); until then all its
-- counters are free. `booked` never leaves 0..capacity, whatever the application code does.
CREATE TABLE "slots" (
    "id" BIGSERIAL NOT NULL,
    "office_id" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "slots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "slots_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "slots_capacity_check" CHECK ("capacity" >= 0),
    CONSTRAINT "slots_booked_check" CHECK ("booked" BETWEEN 0 AND "capacity")
);
CREATE UNIQUE INDEX "slots_office_id_starts_at_key" ON "slots"("office_id", "starts_at");

CREATE TABLE "appointments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "slot_id" BIGINT NOT NULL,
    -- Copies of the slot's office and start, so the no-show sweep and day closing read one table. No foreign
    -- key on office_id: the slot's already implies it, and a key check would share-lock the office row in
    -- every booking, which turns the hottest office into a multixact bottleneck.
    "office_id" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    -- Set on the appointment a reschedule created: the one it replaced (now 'moved').
    "rescheduled_from" UUID,
    "checked_in_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "missed_at" TIMESTAMPTZ(3),
    -- For a no-show: the missed start plus the ban (3 days); no booking is taken before it.
    "booking_reopens_at" TIMESTAMPTZ(3),
    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "appointments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "appointments_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "appointments_rescheduled_from_fkey" FOREIGN KEY ("rescheduled_from") REFERENCES "appointments"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "appointments_status_check" CHECK ("status" IN ('active', 'cancelled', 'moved', 'no_show', 'checked_in', 'completed')),
    CONSTRAINT "appointments_cancel_reason_check" CHECK ("cancel_reason" IS NULL OR "cancel_reason" IN ('citizen', 'office_closed')),
    CONSTRAINT "appointments_released_check" CHECK ("status" NOT IN ('cancelled', 'moved') OR "cancelled_at" IS NOT NULL),
    CONSTRAINT "appointments_cancelled_reason_check" CHECK ("status" <> 'cancelled' OR "cancel_reason" IS NOT NULL),
    CONSTRAINT "appointments_no_show_check" CHECK ("status" <> 'no_show' OR ("missed_at" IS NOT NULL AND "booking_reopens_at" IS NOT NULL)),
    CONSTRAINT "appointments_checked_in_check" CHECK ("status" NOT IN ('checked_in', 'completed') OR "checked_in_at" IS NOT NULL),
    CONSTRAINT "appointments_completed_check" CHECK ("status" <> 'completed' OR "completed_at" IS NOT NULL)
);
-- At most one live appointment per application: a second booking, from any instance, cannot commit.
CREATE UNIQUE INDEX "appointments_one_live_per_application" ON "appointments"("application_id") WHERE "status" IN ('active', 'checked_in');
-- The no-show sweep's queue.
CREATE INDEX "appointments_active_starts_at_idx" ON "appointments"("starts_at") WHERE "status" = 'active';
-- An office's day: closing it, and the staff's list.
CREATE INDEX "appointments_office_id_starts_at_idx" ON "appointments"("office_id", "starts_at");
-- No-show bans of an application.
CREATE INDEX "appointments_no_show_idx" ON "appointments"("application_id", "booking_reopens_at") WHERE "status" = 'no_show';

-- Lock protocol shared by the functions below and the day closing (src/infrastructure/database/booking-store.ts):
--   1. a booking or reschedule holds a shared advisory lock on (office, day - 2000-01-01) for its
--      transaction; closing a day takes it exclusively, so a booking either commits before the closing
--      (and is cancelled by it) or sees the closed day;
--   2. changing an existing appointment locks its slot(s) first (several in id order), then the appointment,
--      then the application; a booking locks its application (still without an appointment, so no one else
--      is changing one of its appointments) and then its slot. No two transactions wait on each other in a circle.

-- Books a seat: one call, one transaction. Outcomes: booked, slot_full, office_unavailable, day_closed,
-- application_not_found, already_booked (o_appointment_id: the live one), not_eligible (o_status and
-- o_reopens_at: the application's state and latest no-show reopening). p_bookable_states and
-- p_booked_state come from the domain's lifecycle table. Every refusal but a lost race for the last seats
-- is decided by reads alone, so it writes nothing (and commits without waiting for the disk).
CREATE FUNCTION "booking_book"(
    p_application_id UUID,
    p_office_id INTEGER,
    p_starts_at TIMESTAMPTZ,
    p_day DATE,
    p_now TIMESTAMPTZ,
    p_bookable_states TEXT[],
    p_booked_state TEXT,
    OUT o_outcome TEXT,
    OUT o_appointment_id UUID,
    OUT o_status TEXT,
    OUT o_reopens_at TIMESTAMPTZ
) LANGUAGE plpgsql AS $$
DECLARE
    v_counters INTEGER;
    v_active BOOLEAN;
    v_closed BOOLEAN;
    v_found BOOLEAN;
    v_updated_at TIMESTAMPTZ;
    v_slot BIGINT;
    v_free BOOLEAN;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(p_office_id, p_day - DATE '2000-01-01');

    -- Everything the refusals depend on, in one statement: the office, the day, the application, its
    -- no-show ban and the slot's seats.
    SELECT o.counters, o.active,
           EXISTS (SELECT 1 FROM office_closed_dates c WHERE c.office_id = o.id AND c.day = p_day),
           a.id IS NOT NULL, a.status, a.updated_at,
           (SELECT max(x.booking_reopens_at) FROM appointments x WHERE x.application_id = a.id AND x.status = 'no_show'),
           s.id, s.booked < s.capacity
      INTO v_counters, v_active, v_closed, v_found, o_status, v_updated_at, o_reopens_at, v_slot, v_free
      FROM offices o
      LEFT JOIN applications a ON a.id = p_application_id
      LEFT JOIN slots s ON s.office_id = o.id AND s.starts_at = p_starts_at
     WHERE o.id = p_office_id;
    IF NOT FOUND OR NOT v_active THEN
        o_outcome := 'office_unavailable';
        RETURN;
    END IF;
    IF v_closed THEN
        o_outcome := 'day_closed';
        RETURN;
    END IF;
    IF NOT v_found THEN
        o_outcome := 'application_not_found';
        RETURN;
    END IF;
    IF NOT (o_status = ANY (p_bookable_states)) OR o_reopens_at > p_now THEN
        SELECT x.id INTO o_appointment_id
          FROM appointments x WHERE x.application_id = p_application_id AND x.status IN ('active', 'checked_in');
        o_outcome := CASE WHEN o_appointment_id IS NULL THEN 'not_eligible' ELSE 'already_booked' END;
        RETURN;
    END IF;
    -- A full slot is refused on that plain read; a slot never booked before is created with all seats free.
    IF v_slot IS NOT NULL AND NOT v_free THEN
        o_outcome := 'slot_full';
        RETURN;
    END IF;
    IF v_slot IS NULL THEN
        INSERT INTO slots (office_id, starts_at, capacity, booked) VALUES (p_office_id, p_starts_at, v_counters, 0)
        ON CONFLICT (office_id, starts_at) DO NOTHING
        RETURNING id INTO v_slot;
        IF v_slot IS NULL THEN
            SELECT s.id INTO v_slot FROM slots s WHERE s.office_id = p_office_id AND s.starts_at = p_starts_at;
        END IF;
    END IF;

    -- Compare-and-set on the state read above: of two bookings of one application, the second waits for the
    -- first's row lock and then misses.
    UPDATE applications a SET status = p_booked_state, updated_at = p_now
     WHERE a.id = p_application_id AND a.status = o_status;
    IF NOT FOUND THEN
        SELECT a.status INTO o_status FROM applications a WHERE a.id = p_application_id;
        SELECT x.id INTO o_appointment_id
          FROM appointments x WHERE x.application_id = p_application_id AND x.status IN ('active', 'checked_in');
        o_outcome := CASE WHEN o_appointment_id IS NULL THEN 'not_eligible' ELSE 'already_booked' END;
        RETURN;
    END IF;

    -- The seat is taken last, so the slot's row lock (what concurrent bookings of this slot queue on) is held
    -- only for the two inserts below and the commit. The condition is what makes overbooking impossible.
    UPDATE slots s SET booked = s.booked + 1 WHERE s.id = v_slot AND s.booked < s.capacity;
    IF NOT FOUND THEN
        -- Lost the last seats to concurrent bookings: undo the state change (nothing of it is visible yet).
        UPDATE applications a SET status = o_status, updated_at = v_updated_at WHERE a.id = p_application_id;
        o_outcome := 'slot_full';
        RETURN;
    END IF;

    INSERT INTO appointments (application_id, slot_id, office_id, starts_at, status, created_at)
    VALUES (p_application_id, v_slot, p_office_id, p_starts_at, 'active', p_now)
    RETURNING id INTO o_appointment_id;
    INSERT INTO application_events (application_id, status, at) VALUES (p_application_id, p_booked_state, p_now);
    o_status := p_booked_state;
    o_outcome := 'booked';
END
$$;

-- Moves an active appointment to another slot: the new seat is taken first; only then is the old
-- appointment marked moved and its seat freed. Outcomes: moved (o_appointment_id: the new one),
-- slot_full, office_unavailable, day_closed, not_active, cutoff_passed (the old one starts before
-- p_changeable_from). The application stays booked.
CREATE FUNCTION "booking_reschedule"(
    p_appointment_id UUID,
    p_office_id INTEGER,
    p_starts_at TIMESTAMPTZ,
    p_day DATE,
    p_changeable_from TIMESTAMPTZ,
    p_now TIMESTAMPTZ,
    OUT o_outcome TEXT,
    OUT o_appointment_id UUID
) LANGUAGE plpgsql AS $$
DECLARE
    v_counters INTEGER;
    v_active BOOLEAN;
    v_old appointments%ROWTYPE;
    v_new_slot BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(p_office_id, p_day - DATE '2000-01-01');

    SELECT o.counters, o.active INTO v_counters, v_active FROM offices o WHERE o.id = p_office_id;
    IF NOT FOUND OR NOT v_active THEN
        o_outcome := 'office_unavailable';
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM office_closed_dates c WHERE c.office_id = p_office_id AND c.day = p_day) THEN
        o_outcome := 'day_closed';
        RETURN;
    END IF;

    SELECT * INTO v_old FROM appointments x WHERE x.id = p_appointment_id;
    IF NOT FOUND OR v_old.status <> 'active' THEN
        o_outcome := 'not_active';
        RETURN;
    END IF;
    IF v_old.starts_at < p_changeable_from THEN
        o_outcome := 'cutoff_passed';
        RETURN;
    END IF;

    INSERT INTO slots (office_id, starts_at, capacity, booked) VALUES (p_office_id, p_starts_at, v_counters, 0)
    ON CONFLICT (office_id, starts_at) DO NOTHING;
    -- Both seats locked in id order, so two citizens swapping times cannot deadlock.
    PERFORM 1 FROM slots s
      WHERE s.id = v_old.slot_id OR (s.office_id = p_office_id AND s.starts_at = p_starts_at)
      ORDER BY s.id FOR UPDATE;

    UPDATE slots s SET booked = s.booked + 1
     WHERE s.office_id = p_office_id AND s.starts_at = p_starts_at AND s.booked < s.capacity
    RETURNING s.id INTO v_new_slot;
    IF NOT FOUND THEN
        o_outcome := 'slot_full';
        RETURN;
    END IF;

    UPDATE appointments x SET status = 'moved', cancelled_at = p_now
     WHERE x.id = p_appointment_id AND x.status = 'active' AND x.starts_at >= p_changeable_from;
    IF NOT FOUND THEN
        -- Changed since our read (cancelled, checked in, swept): give the new seat back.
        UPDATE slots s SET booked = s.booked - 1 WHERE s.id = v_new_slot;
        o_outcome := 'not_active';
        RETURN;
    END IF;
    UPDATE slots s SET booked = s.booked - 1 WHERE s.id = v_old.slot_id;

    INSERT INTO appointments (application_id, slot_id, office_id, starts_at, status, created_at, rescheduled_from)
    VALUES (v_old.application_id, v_new_slot, p_office_id, p_starts_at, 'active', p_now, p_appointment_id)
    RETURNING id INTO o_appointment_id;
    o_outcome := 'moved';
END
$$;

-- Cancels an active appointment by the citizen: frees its seat and moves the application from
-- p_from_state to p_to_state (booked → paid, from the lifecycle). Outcomes: cancelled, not_active,
-- cutoff_passed.
CREATE FUNCTION "booking_cancel"(
    p_appointment_id UUID,
    p_changeable_from TIMESTAMPTZ,
    p_now TIMESTAMPTZ,
    p_from_state TEXT,
    p_to_state TEXT,
    OUT o_outcome TEXT
) LANGUAGE plpgsql AS $$
DECLARE
    v_old appointments%ROWTYPE;
BEGIN
    SELECT * INTO v_old FROM appointments x WHERE x.id = p_appointment_id;
    IF NOT FOUND OR v_old.status <> 'active' THEN
        o_outcome := 'not_active';
        RETURN;
    END IF;
    IF v_old.starts_at < p_changeable_from THEN
        o_outcome := 'cutoff_passed';
        RETURN;
    END IF;

    PERFORM 1 FROM slots s WHERE s.id = v_old.slot_id FOR UPDATE;
    UPDATE appointments x SET status = 'cancelled', cancelled_at = p_now, cancel_reason = 'citizen'
     WHERE x.id = p_appointment_id AND x.status = 'active' AND x.starts_at >= p_changeable_from;
    IF NOT FOUND THEN
        o_outcome := 'not_active';
        RETURN;
    END IF;
    UPDATE slots s SET booked = s.booked - 1 WHERE s.id = v_old.slot_id;
    UPDATE applications a SET status = p_to_state, updated_at = p_now
     WHERE a.id = v_old.application_id AND a.status = p_from_state;
    IF FOUND THEN
        INSERT INTO application_events (application_id, status, at) VALUES (v_old.application_id, p_to_state, p_now);
    END IF;
    o_outcome := 'cancelled';
END
$$;
