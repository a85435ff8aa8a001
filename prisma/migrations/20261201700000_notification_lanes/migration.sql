-- Message lanes: each outbox row knows whether it is transactional (sent at once, in parallel) or bulk (paced by
-- the one send budget shared by every instance). The lane follows from the message key alone, here, at insert,
-- so every writer (Prisma or raw SQL, in any transaction) gets it without saying it.
-- src/infrastructure/notifications/message-lanes.ts lists the same keys; a test checks that the two agree.
ALTER TABLE "notifications" ADD COLUMN "lane" TEXT NOT NULL DEFAULT 'transactional';

CREATE FUNCTION "notification_lane"(message_key TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN message_key IN (
        'booking-reminder-day-before',
        'booking-reminder-two-hours',
        'card-reminder',
        'booking-office-closed',
        'staff-daily-summary'
    ) THEN 'bulk' ELSE 'transactional' END
$$;

CREATE FUNCTION "notifications_set_lane"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."lane" := "notification_lane"(NEW."message_key");
    RETURN NEW;
END
$$;
CREATE TRIGGER "notifications_set_lane" BEFORE INSERT OR UPDATE OF "message_key" ON "notifications"
    FOR EACH ROW EXECUTE FUNCTION "notifications_set_lane"();

UPDATE "notifications" SET "lane" = "notification_lane"("message_key") WHERE "sent_at" IS NULL;

-- Each lane's dispatcher claims its own unsent rows in order: a bulk backlog of 100,000 is not scanned to find
-- the payment confirmation behind it.
CREATE INDEX "notifications_lane_unsent_idx" ON "notifications"("lane", "id") WHERE "sent_at" IS NULL;
