-- One writer of application status: application_move() is the only statement that changes
-- applications.status, with its timeline event, for every path (payment settled, booking, cancelling, a
-- closed day, a no-show, completion, and the staff actions to come). The moves themselves come from the
-- domain's lifecycle (src/domain/application/lifecycle.ts); callers pass the source states and the target.
-- A trigger refuses any other write of the column, so a path that bypasses it fails loudly in every test.

-- Moves the applications among p_ids that are in one of p_from to p_to, each with a timeline event at
-- p_at; returns the ids it moved (a compare-and-set: the others are left as they are). p_tracking_code is
-- given with the move to paid: the table's checks want status and code to change in one statement.
CREATE FUNCTION "application_move"(p_ids UUID[], p_from TEXT[], p_to TEXT, p_at TIMESTAMPTZ, p_tracking_code TEXT DEFAULT NULL)
RETURNS SETOF UUID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('idcard.status_writer', 'application_move', true);
    RETURN QUERY
    WITH moved AS (
        UPDATE applications a SET status = p_to, updated_at = p_at, tracking_code = COALESCE(p_tracking_code, a.tracking_code)
         WHERE a.id = ANY (p_ids) AND a.status = ANY (p_from)
        RETURNING a.id
    ), logged AS (
        INSERT INTO application_events (application_id, status, at) SELECT m.id, p_to, p_at FROM moved m
    )
    SELECT m.id FROM moved m;
    PERFORM set_config('idcard.status_writer', '', true);
END
$$;

CREATE FUNCTION "applications_status_guard"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('idcard.status_writer', true) IS DISTINCT FROM 'application_move' THEN
        RAISE EXCEPTION 'applications.status is written only by application_move() (% to %)', OLD.status, NEW.status
            USING ERRCODE = 'IDC02';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "applications_status_guard" BEFORE UPDATE OF "status" ON "applications"
    FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "applications_status_guard"();

-- booking_book and booking_cancel as before, their status writes now through application_move.

CREATE OR REPLACE FUNCTION "booking_book"(
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
    v_updated_at TIMESTAMPTZ; -- read with the rest; no longer needed to undo a move
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

    BEGIN
        -- Compare-and-set on the state read above, through the one writer of application status: of two
        -- bookings of one application, the second waits for the first's row lock and then misses.
        IF NOT EXISTS (SELECT 1 FROM application_move(ARRAY[p_application_id], ARRAY[o_status], p_booked_state, p_now)) THEN
            SELECT a.status INTO o_status FROM applications a WHERE a.id = p_application_id;
            SELECT x.id INTO o_appointment_id
              FROM appointments x WHERE x.application_id = p_application_id AND x.status IN ('active', 'checked_in');
            o_outcome := CASE WHEN o_appointment_id IS NULL THEN 'not_eligible' ELSE 'already_booked' END;
            RETURN;
        END IF;

        -- The seat is taken last, so the slot's row lock (what concurrent bookings of this slot queue on) is held
        -- only for the insert below and the commit. The condition is what makes overbooking impossible.
        UPDATE slots s SET booked = s.booked + 1 WHERE s.id = v_slot AND s.booked < s.capacity;
        IF NOT FOUND THEN
            -- Lost the last seats to concurrent bookings: leaving the block by this error rolls the move back
            -- (nothing of it was visible), so no second writer has to undo it.
            RAISE EXCEPTION 'slot full' USING ERRCODE = 'IDC01';
        END IF;
    EXCEPTION WHEN SQLSTATE 'IDC01' THEN
        o_outcome := 'slot_full';
        RETURN;
    END;

    INSERT INTO appointments (application_id, slot_id, office_id, starts_at, status, created_at)
    VALUES (p_application_id, v_slot, p_office_id, p_starts_at, 'active', p_now)
    RETURNING id INTO o_appointment_id;
    o_status := p_booked_state;
    o_outcome := 'booked';
END
$$;

CREATE OR REPLACE FUNCTION "booking_cancel"(
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
    PERFORM application_move(ARRAY[v_old.application_id], ARRAY[p_from_state], p_to_state, p_now);
    o_outcome := 'cancelled';
END
$$;
