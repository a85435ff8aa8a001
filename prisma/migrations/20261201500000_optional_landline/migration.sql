-- A citizen without a landline says so ("ندارم"); the office asks for another contact number instead.
ALTER TABLE "applications" ALTER COLUMN "landline" DROP NOT NULL;
