# Citizens' cases: overcharge reports, the home service for people with mobility disabilities, "My cases",
# and the notifications and staff card of the case system.
menu-my-cases = 📂 My cases

case-choice-error-choose_button = Please choose one of the buttons.
case-choice-error-not_text = Please choose one of the buttons.
case-text-error-too_short = That is too short; write at least { $min } characters.
case-text-error-too_long = That is too long; write at most { $max } characters.
case-text-error-not_text = Please write your answer as text.
case-amount-error-empty = You did not write an amount.
case-amount-error-not_digits = Write the amount in toman with digits only, e.g. 45000.
case-amount-error-too_large = That amount is far too large; please write it again in toman.
case-amount-error-not_text = Please write the amount as text.
case-amount-none = None (0)
case-day-error-empty = You did not write a date.
case-day-error-bad_format = Write the date as year/month/day, e.g. 1405/09/10.
case-day-error-invalid_date = There is no such date in the calendar; please write it again.
case-day-error-in_future = That date has not come yet; write the day of your visit.
case-day-error-too_old = Reports are taken up to a year after the visit.
case-day-error-not_text = Please write the date or press one of the buttons.
case-day-today = Today
case-day-yesterday = Yesterday
case-skip = ⏭ Skip
case-send = ✅ Send
case-more = ➡️ More offices
case-photo-too-large = This file is larger than 10 MB; please send a smaller photo.
case-photo-expected = Please send a photo.
case-photo-expected-optional = Please send a photo or press "⏭ Skip".
case-limit-open = You already have { $max } open cases. No new case can be opened until they are handled; follow them up or add information in "📂 My cases".
case-limit-today = You have opened { $max } cases today, the daily limit. You can report again from { $until }.
case-no-route = Sorry, no unit handles this request yet. Please call the report lines listed under "Help".
case-unit-name = { $unitKind ->
    [home_service] the province's home-service unit
   *[hotline] { $officeType ->
        [pishkhan] the pishkhan offices hotline
        [post] the post offices hotline
        [civil_registration] the civil registration hotline
       *[other] the handling unit
    }
    }
case-phone-separator = {" and "}

case-report-intro = 🚨 Report a violation: if an office charged you more than the legal fee or asked money for the tracking code, report it. Your report goes to the unit for that kind of office.
case-report-ask-own-office = Which office is the report about?
case-report-search-office = 🔎 Search another office
case-report-ask-province = Which province is the office in? Choose or type part of the name:
case-report-ask-city = Which city of { $province } is the office in? Choose or type part of the name:
case-report-no-offices = No office is listed in { $city }. Choose another city or province.
case-report-ask-office = { $count } offices (page { $page } of { $pages }). Choose the office or type part of its name:
case-office-error-not_found = No office with that name in this city; choose a button or type another part of the name.
case-office-error-not_text = Please choose the office from the buttons.
case-report-ask-day = On what day did you visit the office? Press a button or write the date (e.g. 1405/09/10):
case-report-ask-mode = How will you enter what you paid?
case-report-mode-total = 💵 The total paid
case-report-mode-items = 🧾 Item by item
case-report-ask-total = Write the total you paid at the office, in toman:
case-report-ask-item-completion = How many toman were you charged for the completion (photo and fingerprints)?
case-report-ask-item-tracking_code = How many toman were you charged for issuing or recovering the tracking code? (press "None" if nothing)
case-report-ask-item-other = Were you charged for anything else? Write the amount in toman or press "None":
case-verdict-over =
    ⚠️ You paid { $charged } toman while the legal amount on that day was { $legal } toman.
    That is { $over } toman over the legal amount: a violation.
case-verdict-within =
    ✅ You paid { $charged } toman and the legal amount on that day was { $legal } toman; you were not charged more than the legal amount.
case-verdict-tracking-code = ⚠️ Charging for issuing or recovering the tracking code is a violation in itself, whatever the amount: the tracking code is free.
case-report-ask-continue = Do you still want to file the report?
case-report-continue-yes = Yes, file it
case-report-continue-no = No need
case-report-not-sent = No report was filed. If something else went wrong, press "🚨 Report a violation" again.
case-report-ask-receipt = If you have a receipt, send a photo of it (optional):
case-report-ask-description = Briefly describe what happened ({ $min } to { $max } characters):
case-report-ask-anonymous = May the office be told your name? (The handling unit sees the report from this chat either way.)
case-report-anonymous-yes = 🙈 No, keep me anonymous
case-report-anonymous-no = Yes, that is fine
case-report-confirm =
    Please check the report:
    Office: { $office }
    Day of the visit: { $day }
    Amount paid: { $charged } toman
    Anonymous to the office: { $anonymous }
case-report-sent =
    ✅ Your report is filed.
    Case number: { $number }
    Handled by: { $unit }
    Phone: { $phones }
    We will tell you here about every change; you can also follow it in "📂 My cases".

case-home-intro = ♿ Home service: staff come with mobile devices to register people with mobility disabilities or to hand over their card at home. A few short questions follow.
case-home-ask-need = Which service do you need?
case-home-need-registration = 📝 Registration (photo and fingerprints) at home
case-home-need-delivery = 🪪 Card delivery at home
case-home-need-both = Both
case-home-ask-disability = The mobility disability:
case-home-disability-wheelchair = Wheelchair user
case-home-disability-bedridden = Bedridden at home
case-home-disability-walking_aid = Walks with a cane or walker
case-home-disability-other = Something else
case-home-ask-disability-text = Describe it briefly ({ $min } to { $max } characters):
case-home-ask-certificate = If you have a medical certificate or a disability card, send a photo of it (optional):
case-home-member-self = The applicant (person { $n }):
case-home-member-next = Person { $n } of the household at the same address:
case-home-national-id-error-empty = You did not write the national ID.
case-home-national-id-error-not_digits = A national ID is made of digits only.
case-home-national-id-error-wrong_length = A national ID has 10 digits.
case-home-national-id-error-invalid_checksum = This national ID is not valid; please type the digits again carefully.
case-home-national-id-error-invalid_pattern = This national ID is not valid; please type the digits again carefully.
case-home-national-id-error-not_text = Please write the national ID.
case-home-national-id-error-duplicate_member = You already entered this national ID in this request.
case-home-registry-unavailable = The civil registry did not answer; please enter this person's details again.
case-home-ask-more = Does another member of the household at this address need the service too? (at most { $max } people)
case-home-more-no = No, continue
case-home-more-yes = ➕ Yes, one more person
case-home-ask-province = Which province is the home in? Choose or type part of the name:
case-home-ask-location = Send the home's location so the staff find it easily, or press "Type the address":
case-home-share-location = 📍 Send the home's location
case-home-type-address = ✍️ Type the address
case-home-location-error-choose_button = Please send the location with the button or press "Type the address".
case-home-location-error-not_text = Please send the location with the button or press "Type the address".
case-home-ask-address = Write the full address (street, alley, number, floor and unit):
case-home-ask-days = Which days suit a visit?
case-home-days-any = Any working day
case-home-days-even = Saturday, Monday, Wednesday
case-home-days-odd = Sunday, Tuesday, Thursday
case-home-ask-window = At what time?
case-home-window-morning = Morning (8 to 12)
case-home-window-afternoon = Afternoon (12 to 16)
case-home-window-any = Any time
case-home-member-line = { $n }. { $name }: { $registration }
case-home-registration-registered = pre-registered and paid
case-home-registration-at_home = pre-registration and payment done at home
case-home-registration-not_needed = card delivery
case-home-confirm =
    Please check the request:
    Service: { $need }
    People:
    { $members }
    Province: { $province }
    Address: { $address }
    Phone: { $phone }
    Days: { $days }, time: { $window }
case-home-sent =
    ✅ Your home-service request is filed.
    Case number: { $number }
    Handled by: { $unit }
    The staff will arrange a time with you; we send the proposed time here for you to confirm.

case-not-found = This case was not found.
case-mine-empty = You have no cases yet. Use the menu to report a violation or ask for the home service.
case-mine-list =
    Your cases:
    { $lines }

    Choose a case:
case-list-line = • { $number } — { $kind } — { $status } ({ $at })
case-kind-home_service = Home service
case-kind-overcharge = Violation report
case-kind-complaint = Complaint
case-status-new = Filed, in the queue
case-status-taken = Being handled
case-status-waiting_citizen = Waiting for your answer
case-status-forwarded = Forwarded to another unit
case-status-visit_scheduled = Visit scheduled
case-status-resolved = Resolved
case-status-closed = Closed
case-citizen-view =
    📁 Case { $number } — { $kind }
    Status: { $status }
    Handled by: { $unit }

    History:
    { $timeline }
case-entry-opened = Filed: { $text }
case-entry-note = Internal note ({ $who }): { $text }
case-entry-question = Question from the agent: { $text }
case-entry-answer = Your answer: { $text }
case-entry-citizen_info = Your added information: { $text }
case-entry-taken = An agent started handling it.
case-entry-forwarded = The case was forwarded to { $unitKind ->
    [home_service] the home-service unit
   *[hotline] { $officeType ->
        [pishkhan] the pishkhan offices hotline
        [post] the post offices hotline
        [civil_registration] the civil registration hotline
       *[other] another unit
    }
    }.
case-entry-visit_proposed = Proposed home visit: { $when }
case-entry-visit_confirmed = You confirmed the visit time.
case-entry-visit_declined = You asked for another time.
case-entry-visit_outcome = Visit outcome: { $outcome ->
    [application_taken] registration done
    [card_delivered] card delivered
    [both] registration done and card delivered
   *[not_done] the visit did not take place; a new time will be arranged
    }
case-entry-resolution = Final answer: { $text }
case-entry-closed = The case was closed.
case-entry-reopened = The case was reopened. { $text }
case-entry-escalated = Overdue; reported to the supervisor ({ $reason }).
case-entry-rated = Your rating: { $rating } of 5
case-mine-visit-yes = ✅ Confirm the time
case-mine-visit-no = 🔁 I need another time
case-mine-answer = ✍️ Answer the question
case-mine-add-info = ➕ Add information or a photo
case-mine-rate = ⭐ Rate the answer
case-mine-close = 🗂 Close the case
case-mine-back-to-list = 📂 List of cases
case-mine-visit-proposed = 🗓 Proposed visit: { $when }. Please confirm or ask for another time.
case-mine-visit-confirmed = 🗓 Visit: { $when }
case-mine-finished = This case has been handled.
case-mine-what-now = What would you like to do?
case-mine-close-sure = Close the case? Handling ends once it is closed.
case-mine-close-yes = Yes, close it
case-mine-close-no = No
case-mine-rate-ask = How would you rate the answer you got, from 1 to 5?
case-rating-1 = 1
case-rating-2 = 2
case-rating-3 = 3
case-rating-4 = 4
case-rating-5 = 5
case-mine-done-info = ✅ Added to case { $number }; the agent will see it.
case-mine-done-close = ✅ Case { $number } is closed.
case-mine-done-rate = ✅ Thank you for your rating.
case-mine-done-visit_yes = ✅ The visit time is confirmed. The staff will come at that time.
case-mine-done-visit_no = All right; the staff will propose another time.
case-mine-already = This was already done.
case-mine-not-allowed = This cannot be done in the case's current state.
case-mine-ask-info = Write the new information or send a photo (at most { $max } characters):
case-mine-info-expected = Please write text or send a photo.
case-button-answer = ✍️ Reply
case-button-open = 📂 See the case
case-button-not-yours = This button does not belong to your chat.

case-notify-taken = 📁 Case { $number }: an agent started handling your case.
case-notify-question =
    📁 Case { $number }: the agent asks:
    { $text }
    Press the button below to answer.
case-notify-forwarded = 📁 Case { $number } was forwarded to { $unitKind ->
    [home_service] the home-service unit
   *[hotline] { $officeType ->
        [pishkhan] the pishkhan offices hotline
        [post] the post offices hotline
        [civil_registration] the civil registration hotline
       *[other] another unit
    }
    }.
case-notify-visit_proposed = 📁 Case { $number }: the staff propose to visit you at { $when }. Please confirm or ask for another time.
case-notify-visit_outcome = 📁 Case { $number }: { $outcome ->
    [application_taken] your registration was done at home.
    [card_delivered] your card was handed over at home.
    [both] your registration was done and the card handed over at home.
   *[not_done] the visit did not take place; a new time will be arranged with you.
    }
case-notify-resolution =
    📁 Case { $number } is resolved:
    { $text }
    How would you rate this answer, from 1 to 5?
case-notify-reopened = 📁 Case { $number } was reopened and is being handled again.

staff-case-overdue =
    ⏰ Case { $number } is past its { $reason ->
        [first_response] first-response
        [visit] home-visit
       *[resolution] resolution
    } deadline.
    { $summary }
staff-case-button-assign = 👤 Assign to an agent
staff-case-button-forward = ↗️ Forward
staff-case-button-open = 📁 See the case
case-staff-yes = Yes
case-staff-no = No
case-staff-source-counter = recorded at the counter (a fee above the tariff was refused)
case-staff-source-citizen = the citizen's report
case-staff-channel-phone = phone call
case-staff-channel-bot = the bot
case-staff-details-overcharge =
    Office: { $office } | Day of the visit: { $day } | Source: { $source }
    Paid: { $charged } toman | Legal: { $legal } toman | Over: { $over } toman | Paid for the tracking code: { $trackingCode }
case-staff-details-home_service =
    Service: { $need } | People: { $members }
    Disability: { $disability }
    Address: { $address } | Location: { $location }
    Phone: { $phone } | Days: { $days } | Time: { $window }
case-staff-details-complaint = Opened through: { $channel }
case-staff-anonymous-yes = Yes (do not tell the office)
case-staff-anonymous-no = No
case-staff-card =
    📁 Case { $number } — { $kind }
    Status: { $status } | Unit: { $unit }
    Agent: { $assignee } | Anonymous to the office: { $anonymous }
    Resolution due: { $due }
    Summary: { $summary }
    { $details }
    Attachments: { $attachments } | Rating: { $rating }

    History (🔒 internal, 👁 visible to the citizen):
    { $timeline }

# The hotline staff's side of the case system.
staff-menu-case-queue = 📥 Case queue
staff-menu-case-number = 🔢 Case by number
staff-menu-case-caller = ☎️ Case for a caller
staff-only = This part is for hotline agents and supervisors only.
staff-queue-menu = { $name }, your unit's case queue:
staff-queue-commands = Commands: /cases the queue, /case a case by number, /caller a case for a phone caller
staff-queue-new = 🆕 New ({ $count })
staff-queue-mine = 🙋 Mine ({ $count })
staff-queue-waiting = ⏳ Waiting for the citizen ({ $count })
staff-queue-overdue = ⏰ Overdue ({ $count })
staff-queue-title-new = New cases
staff-queue-title-mine = My cases
staff-queue-title-waiting = Waiting for the citizen
staff-queue-title-overdue = Overdue cases
staff-queue-previous = ⬅️ Previous
staff-queue-next = Next ➡️
staff-queue-back = 📥 Back to the queue
staff-queue-empty = There is no case in "{ $queue }".
staff-queue-page =
    { $queue } ({ $total } cases, page { $page }):
    { $lines }
staff-case-button-take = ✋ Take
staff-case-button-note = 🔒 Internal note
staff-case-button-ask = ❓ Ask the citizen
staff-case-button-resolve = ✅ Final answer
staff-case-button-reopen = ♻️ Reopen
staff-case-button-visit = 🗓 Propose a visit time
staff-case-button-outcome = 📝 Record the visit's outcome
staff-case-done = ✅ Done. Case { $number }: { $status }
staff-case-already = This was already done (perhaps by a colleague).
staff-case-not-allowed = This cannot be done in the case's current state.
staff-case-out-of-scope = This case is not within your unit.
staff-case-found = Case found:
staff-visit-outcome-ask = The home visit's outcome:
staff-visit-outcome-taken = Registration done
staff-visit-outcome-delivered = Card delivered
staff-visit-outcome-both = Registration done and card delivered
staff-visit-outcome-notdone = The visit did not take place
staff-assign-ask = Which agent should take the case over?
staff-ask-note = Write the internal note (the citizen never sees it; { $min } to { $max } characters):
staff-ask-question = Write the question for the citizen (it is sent to them; { $min } to { $max } characters):
staff-ask-resolution = Write the final answer to the citizen; if your unit is not the one to handle it, say where to go ({ $min } to { $max } characters):
staff-ask-reopen = Write why the case is reopened (sent to the citizen; { $min } to { $max } characters):
staff-ask-forward-unit = Forward the case to which unit?
staff-ask-forward-note = Write the forwarding note for { $unit } (internal; { $min } to { $max } characters):
case-unit-option-pishkhan = Pishkhan offices hotline
case-unit-option-post = Post offices hotline
case-unit-option-civil_registration = Civil registration hotline
case-unit-option-other = Another unit
staff-ask-visit-time = Write the visit time as "year/month/day hour:minute", e.g. 1405/09/20 10:30:
staff-visit-time-error-bad_format = Write the time as "1405/09/20 10:30".
staff-visit-time-error-invalid_date = There is no such date in the calendar.
staff-visit-time-error-in_past = That time has passed; write a time in the future.
staff-visit-time-error-too_far = The visit must be within the next 60 days.
staff-ask-case-number = Write the 8-digit case number:
staff-case-number-error-empty = You did not write the case number.
staff-case-number-error-not_digits = A case number is made of digits only.
staff-case-number-error-wrong_length = A case number has 8 digits.
staff-case-number-error-mistyped = This number is not right (its check digit does not match); ask the caller for it again.
staff-ask-caller-national-id = Write the caller's national ID:
staff-ask-caller-phone = Write the caller's mobile number:
staff-ask-caller-kind = What is the call about?
staff-ask-caller-office-type = Which kind of office is it about?
staff-caller-no-office = None / not known
staff-ask-caller-said = Summarise what the caller said ({ $min } to { $max } characters):
staff-caller-case-opened =
    ✅ Case { $number } is opened for the caller and went to { $unit }.
    Tell the caller this number to follow it up.
