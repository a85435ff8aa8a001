-- Booking finds the citizen's application from the chat they registered in.
CREATE INDEX "applications_chat_id_idx" ON "applications"("chat_id");
