# Booking (نوبت‌گیری). English translation of locales/fa/booking.ftl.
booking-for = Booking an appointment for { $name } 📅
booking-identify = To book an appointment, enter the national ID and the pre-registration tracking code.
booking-ask-person = Several people were pre-registered from this phone. Whom is the appointment for?
booking-person = { $firstName } { $lastName } (national ID …{ $end })
booking-person-someone-else = Someone else (by national ID and tracking code)
booking-no-show-ban =
    Because you missed your last appointment, you cannot book a new one for three days.
    You can book again from { $reopensAt }.
booking-not-bookable-unpaid = The pre-registration fee has not been paid yet. First choose "Pre-registration" from the menu and complete the payment.
booking-not-bookable-other = Your application is at a stage that does not take appointments. To see where it stands, choose "Check status".
booking-choice-error-choose_button = Please choose one of the buttons.

booking-current =
    You have this appointment:
    🏢 { $office } ({ $type })
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    Would you like to change the time or cancel the appointment?
booking-reschedule = 🔁 Change time or place
booking-cancel-appointment = 🗑 Cancel appointment
booking-cancel-sure = Are you sure you want to cancel this appointment?
booking-cancel-yes = Yes, cancel it
booking-cancel-keep = No, keep my appointment
booking-kept = Your appointment stays as it was.
booking-cancelled = Your appointment has been cancelled. Whenever you like, choose "Book an appointment" from the menu to book a new one.
booking-cutoff-passed = The appointment could only be changed or cancelled until { $deadline }, and that time has passed.
booking-refused = This booking could not be made. Please choose "Book an appointment" from the menu again.

booking-ask-mode = How would you like to choose the office and time?
booking-mode-nearest = 📍 Offices nearest to me
booking-mode-earliest = ⏱ Earliest time near me
booking-mode-city = 🏙 Choose province and city
booking-ask-type = Which type of office?
booking-type-any = All offices
booking-office-type-pishkhan = Pishkhan government office
booking-office-type-post = Post office
booking-office-type-civil_registration = Civil registry office
booking-ask-location =
    Send your location with the "Send my location" button
    (or type the latitude and longitude, e.g. 35.70, 51.41):
booking-share-location = 📍 Send my location
booking-location-error-not_location = No location was received. Press "Send my location", or type the latitude and longitude separated by a comma.
booking-nothing-near = No office with a free time was found near you. Try another type of office, or choose a province and city.
booking-nearest-list = The offices nearest to you:
booking-earliest-list = The earliest free times near you:
booking-city-list = Offices in this city:
booking-no-office-in-city = No office in { $city } registers smart national ID cards. Choose another city or press "Back".
booking-office-line = { $n }. { $name } ({ $type }){ $distance } — earliest time: { $earliest }
booking-office-distance = , { $km } km
booking-office-full = no free times
booking-ask-office = Choose an office:
booking-office-no-days = This office has no free times in the coming days. Please choose another office.
booking-ask-day = Choose the day of your visit to { $office }:
booking-day-button = { $day } ({ $free } free)
booking-day-full = The times on this day have just filled up. Please choose another day.
booking-ask-time = Choose the time of your visit (Tehran time):

booking-confirm =
    Please confirm the appointment:
    🏢 { $office } ({ $type })
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
booking-confirm-move =
    Move your appointment to this time? (Your current appointment is kept until the new one is secured.)
    🏢 { $office } ({ $type })
    📍 { $address }
    📅 { $date }, at { $time }
booking-confirm-button = ✅ Confirm appointment
booking-done =
    Your appointment is booked ✅
    🏢 { $office } ({ $type })
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    Bring your original birth certificate (shenasnameh) with a photo, your postal code, address and phone numbers. We will send you a reminder a day before and again two hours before.
    If you miss it, you cannot book a new appointment for three days.
booking-moved =
    Your appointment has been moved ✅
    🏢 { $office } ({ $type })
    📍 { $address }
    📅 { $date }, at { $time }
booking-slot-taken = Sorry, this time has just been taken. The nearest free times:
booking-no-alternatives = No free time was found nearby; please choose another office or day.
booking-alternative = { $n }) { $office }: { $at }
booking-ask-alternative = Choose one of these times, or press "Back":

# Messages sent outside the conversation (reminders, missed appointments, closed offices).
booking-reminder-day-before =
    Reminder: your appointment is tomorrow 📅
    🏢 { $office }
    📍 { $address }
    📅 { $date }, at { $time }
    Bring your original birth certificate (shenasnameh) with a photo, your postal code, address and phone numbers.
booking-reminder-two-hours =
    Reminder: your appointment is in about two hours ⏰
    🏢 { $office } — { $address }
    At { $time }
booking-missed =
    You missed your appointment. You cannot book a new one until { $reopensAt }; after that, choose "Book an appointment" from the menu.
booking-office-closed =
    { $office } is closed on { $date }, so your appointment on that day has been cancelled. We are sorry.
    To book a new appointment, press the button below or "Book an appointment" in the menu.
booking-rebook-button = 📅 Book a new appointment
booking-current-fixed =
    You have this appointment:
    🏢 { $office } ({ $type })
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    The deadline for changing or cancelling it ({ $deadline }) has passed; please be there on time.
booking-ask-province = Choose the province of the office you want, or type part of its name:
booking-ask-city = Choose the city of the office you want in { $province } province, or type part of its name:
booking-mode-day = 📆 Day first, then time
booking-ask-day-nearby = Choose the day of your visit (free times at the offices near you):
booking-time-at-office = { $time } — { $office }
