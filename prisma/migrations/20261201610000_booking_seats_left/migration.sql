-- booking_book also says how many seats its slot has left after a booking (o_seats_left), so the seat gate can
-- mark a slot full when the last seat goes instead of after the next attempt's refusal. The conditional seat
-- increment is unchanged; only its RETURNING is new. A new OUT column changes the function's row type, which
-- CREATE OR REPLACE cannot do, hence the DROP.

DROP FUNCTION "booking_book"(UUID, INTEGER, TIMESTAMPTZ, DATE, TIMESTAMPTZ, TEXT[], TEXT);

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
    OUT o_reopens_at TIMESTAMPTZ,
    OUT o_seats_left INTEGER
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
        UPDATE slots s SET booked = s.booked + 1 WHERE s.id = v_slot AND s.booked < s.capacity
        RETURNING s.capacity - s.booked INTO o_seats_left;
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
