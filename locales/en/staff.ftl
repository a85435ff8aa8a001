# The staff side: enrolment, the staff menu, the operator's panel, the admin's panel.
staff-refused = This is for staff only. If you think this is a mistake, contact the system administrator.
staff-enrolled =
    Welcome to the staff side, { $name }. ✅
    Your role: { $role } { $office }
    Use the menu below.
staff-menu-hello =
    Staff menu — { $role } { $office }
    Choose an option.
staff-enrol-invite_unknown = This invite link is not valid. Ask the administrator for a new one.
staff-enrol-invite_expired = This invite link has expired. Ask the administrator for a new one.
staff-enrol-invite_used = This invite link was already used; each link works once.
staff-enrol-invite_revoked = This invite link was revoked.
staff-enrol-already_staff = You already have a staff role. Send /staff to see the menu.
staff-to-citizen-menu = Citizen menu 👇 (send /staff to return to the staff menu)

staff-menu-today = 📋 Today's appointments
staff-menu-tomorrow = 🗓 Tomorrow's appointments
staff-menu-find = 🔎 Find an applicant
staff-menu-uncollected = 📦 Uncollected cards
staff-menu-incoming = 🚚 Cards in transit
staff-menu-citizen = 🏠 Citizen menu
staff-menu-invite = ➕ Invite staff
staff-menu-revoke = ⛔ Revoke access
staff-menu-office-trail = 🧾 An office's audit trail

staff-role-admin = administrator
staff-role-operator = office operator
staff-role-hotline_agent = hotline agent
staff-role-supervisor = supervisor
staff-actor-cli = command line
staff-actor-system = system
staff-actor-citizen = the applicant
staff-actor-member = staff member { $id } ({ $role })

staff-page-previous = ◀️ Previous
staff-page-next = Next ▶️
staff-appointments-today = Today's appointments at your office (page { $page }):
staff-appointments-tomorrow = Tomorrow's appointments at your office (page { $page }):
staff-appointments-none-today = No appointments at your office today.
staff-appointments-none-tomorrow = No appointments at your office tomorrow.
staff-appointment-button = { $time } — { $name } — { $status }
staff-appointment-status-active = waiting
staff-appointment-status-checked_in = checked in
staff-appointment-status-completed = completed
staff-appointment-status-no_show = no-show
staff-appointment-status-cancelled = cancelled
staff-appointment-status-moved = moved

staff-visit-card =
    👤 { $name }
    📅 { $at }
    Status: { $status }

    { $checklist }
    💰 { $fee }
staff-item-birth_certificate = Original photo birth certificate
staff-item-postal_code = Postal code
staff-item-address = Residential address
staff-item-phones = Landline and mobile
staff-item-photo = Live photo taken
staff-item-fingerprints = Fingerprints taken
staff-item-fee = Completion fee
staff-fee-not-recorded = Completion fee not recorded yet (legal cap: { $cap } toman)
staff-fee-recorded = Fee received: { $fee } toman (legal cap: { $cap } toman)
staff-button-check-in = ✅ Check in (arrived)
staff-button-no-show = 🚫 Mark no-show
staff-button-item = ☑️ { $item }
staff-button-fee = 💰 Record completion fee
staff-button-complete = 🏁 Complete and send to production
staff-button-open-visit = 📂 Appointment file
staff-button-deliver = 📦 Deliver the card
staff-button-receive = 📥 Receive transferred card
staff-button-trail = 🧾 This applicant's audit trail

staff-done-check-in = Checked in.
staff-done-item = "{ $item }" recorded.
staff-done-complete = In-person step completed; the card was sent to production.
staff-done-no-show = No-show recorded; the applicant cannot book again for three days.
staff-done-receive = Card received at your office; the applicant will be told.
staff-done-fee = Fee of { $fee } toman recorded.
staff-done-deliver = Card delivered; the applicant will be told. ✅
staff-completed = The applicant was told the card will be ready between { $from } and { $to }.
staff-outcome-already = This was already done; nothing was recorded twice.
staff-outcome-not_found = This record was not found.
staff-outcome-out_of_scope = This record does not belong to your office.
staff-outcome-wrong_state = This cannot be done in the record's current state.
staff-outcome-outside_window = Check-in is possible only from { $opensAt } to { $closesAt }.
staff-outcome-too_early = A no-show can be recorded after the appointment time ({ $from }).
staff-outcome-incomplete = Before completing, record: { $missing }
staff-outcome-fee_above_tariff =
    This amount is above the legal tariff ({ $cap } toman) and was refused.
    It was recorded as a violation in the audit log.

staff-fee-ask = Type the completion fee received, in toman (legal cap: { $cap } toman):
staff-fee-error-not_amount = Type the amount in digits only, in toman, e.g. 9000.

staff-find-ask = Type the applicant's 12-digit tracking code or 10-digit national ID:
staff-find-error-not_a_code = This is neither a valid tracking code nor a valid national ID. Type it again.
staff-find-not-found = No record with this code. Try again or press "Cancel".
staff-find-done = Staff menu 👇
staff-applicant =
    👤 { $name }
    Status: { $stage }
    { $card }
    { $appointment }
staff-applicant-no-card = 🪪 The card has not been issued yet.
staff-applicant-card-ready = 🪪 The card is ready at "{ $office }".
staff-applicant-card-delivered = 🪪 The card was delivered at "{ $office }".
staff-applicant-card-in-transit = 🪪 The card is on its way from "{ $from }" to "{ $to }".
staff-applicant-appointment = 📅 Appointment: { $office }, { $at } ({ $status })
staff-applicant-no-appointment = 📅 No appointment.

staff-uncollected = Your office's uncollected cards, oldest first (page { $page }):
staff-uncollected-none = No uncollected cards at your office.
staff-uncollected-button = { $name } — waiting { $age } days — { $left } days left to hold
staff-incoming = Cards being transferred to your office; press "Receive" when one arrives:
staff-incoming-none = No cards on their way to your office.
staff-incoming-button = 📥 { $name } — from { $from }

staff-deliver-intro = Delivering { $name }'s card: first check the applicant's identity.
staff-deliver-ask-national-id = Type the national ID of the card's holder:
staff-deliver-identity-mismatch = The national ID and tracking code do not match this card. Type them again.
staff-deliver-identity-failed = Identity not confirmed; the card was not delivered.
staff-deliver-ask-fingerprint = Check the holder's fingerprint on the device. Does it match?
staff-deliver-fingerprint-yes = ✅ Fingerprint matched
staff-deliver-fingerprint-no = ❌ No match
staff-deliver-fingerprint-failed = Without a fingerprint match the card is not delivered.
staff-deliver-ask-recipient = Who receives the card?
staff-deliver-to-holder = The holder
staff-deliver-to-representative = The holder's representative
staff-deliver-ask-representative-name = Type the representative's full name:
staff-deliver-ask-representative-id = Type the representative's national ID:
staff-deliver-ask-fee = Type the delivery fee received, in toman (tariff: { $cap } toman):
staff-choice-error-choose_button = Please choose one of the buttons.

staff-invite-ask-role = Which role is the invite for?
staff-invite-ask-office = Type the office's code (as in the offices file):
staff-office-code-error-unknown = No office with this code. Type it again.
staff-invite-created =
    Invite link for { $role } { $office } created. It works once and is valid until { $until }:
    { $link }
    or send the bot this message:
    { $command }
staff-invite-done = Staff menu 👇
staff-revoke-choose = Whose access should be revoked?
staff-revoke-none = There is no other staff member.
staff-revoke-button = ⛔ { $id } — { $name } — { $role } { $office }
staff-revoked = Access revoked; their old buttons no longer do anything.
staff-trail-ask-office = Type the code of the office whose audit trail you want:
staff-trail-done = Staff menu 👇
staff-audit-office = 🧾 Audit trail of "{ $office }", newest first (page { $page }):
staff-audit-applicant = 🧾 The applicant's audit trail, newest first (page { $page }):
staff-audit-empty = Nothing recorded.
staff-audit-line = • { $at } — { $actor } — { $action } — { $outcome }
staff-audit-outcome-done = done
staff-audit-outcome-refused = refused
staff-audit-outcome-violation = ⚠️ violation
staff-audit-action-staff-invite = invite created
staff-audit-action-staff-enrol = enrolled by invite
staff-audit-action-staff-enrol_admin = admin enrolled
staff-audit-action-staff-revoke = access revoked
staff-audit-action-visit-check_in = check-in
staff-audit-action-visit-record_item = document, photo or fingerprint recorded
staff-audit-action-visit-record_fee = completion fee recorded
staff-audit-action-visit-complete = in-person step completed
staff-audit-action-visit-no_show = no-show recorded
staff-audit-action-card-import = issued card imported
staff-audit-action-card-transfer_request = card transfer requested
staff-audit-action-card-receive = transferred card received
staff-audit-action-card-deliver = card delivered
staff-audit-action-applicant-find = applicant looked up
staff-audit-action-audit-read = audit trail read
