# Status check (پیگیری وضعیت) and tracking-code recovery (بازیابی کد رهگیری). English translation of locales/fa/status.ftl.
status-ask-tracking-code = Type your 12-digit tracking code (dashes and spaces are fine):
status-tracking-code-error-empty = You did not type the tracking code.
status-tracking-code-error-not_digits = A tracking code is made of digits only.
status-tracking-code-error-wrong_length = A tracking code must have 12 digits.
status-tracking-code-error-mistyped = This tracking code has a typo (its check digit does not match). Please type the digits again carefully.
status-tracking-code-reversed = This tracking code was not found; its groups of four may be in the wrong order. Type the code again group by group, left to right, as the tracking-code message shows it.
status-not-found =
    No application was found with this national ID and this tracking code.
    If you do not have your tracking code, choose "Recover tracking code" from the menu. Try again:
lookup-blocked =
    After several failed attempts in a row, this check is temporarily closed.
    Please try again from { $until }.

status-result =
    Dear { $name }, the status of your application: { $stage }

    History:
    { $timeline }

    Next step: { $next }
status-timeline-line = • { $stage }: { $at }
status-stage-awaiting_payment = Awaiting payment
status-stage-paid = Paid, awaiting an appointment
status-stage-booked = Appointment booked
status-stage-no_show = Missed the appointment
status-stage-completed_in_person = In-person registration completed
status-stage-in_production = Card being issued
status-stage-ready_for_pickup = Card ready for collection
status-stage-delivered = Card handed over
status-stage-cancelled = Cancelled
status-next-awaiting_payment = Pay the pre-registration fee; choose "Pre-registration" from the menu again.
status-next-paid = Choose "Book an appointment" from the menu and set the time and place of your visit.
status-next-booked = At your appointment time, go to the office with your original birth certificate with photo, your postal code, your address and your phone numbers.
status-next-no_show = You did not attend your appointment. For three days after that appointment you cannot book a new one; after that, press "Book an appointment" in the menu.
status-next-completed_in_person = Your card is issued 15 days to one month after your in-person visit.
status-next-in_production = Your card is being issued.
status-next-card-window = Your card will be ready between { $from } and { $to }.
status-next-ready_for_pickup = To collect your card, go to the collection office; the collection fee is { $deliveryFee } toman.
status-next-delivered = Your smart national ID card has been handed over to you.
status-next-cancelled = This application has been cancelled. To register again, choose "Pre-registration".

recovery-intro =
    Recover your tracking code 🔑
    Type your national ID and date of birth, and your tracking code will be sent to you right here. This is free.
recovery-not-found =
    No paid pre-registration was found with this national ID and date of birth.
    If you have not pre-registered yet or have not finished paying, choose "Pre-registration" from the menu. Try again:
recovery-found =
    Your tracking code: { $trackingCode }
    Keep it; you need it to check your status and to book an appointment.
status-next-booked-at =
    At your appointment time, come with your original birth certificate (shenasnameh) with a photo, your postal code, address and phone numbers:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
status-next-no-show-until = You missed your appointment. You can book again from { $until }.
status-timeline-appointment-cancelled = Appointment cancelled, waiting for a new booking
