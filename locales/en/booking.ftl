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
    🏢 { $office }
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
    Send your location with the "Send my location" button,
    or type the name of your city (or the latitude and longitude, e.g. 35.70, 51.41):
booking-share-location = 📍 Send my location
booking-location-error-not_location = No location was received. Press "Send my location", type the name of your city, or press "🏙 Choose province and city".
booking-nothing-near = No office with a free time was found near you. Try another type of office, or choose a province and city.
booking-nearest-list = The offices nearest to you:
booking-earliest-list = The earliest free times near you:
booking-city-list = Offices in { $city }:
booking-no-office-in-city = No office in { $city } registers smart national ID cards. Choose another city or press "Back".
booking-office-line = { $n }. { $office }{ $distance } — earliest time: { $earliest }
booking-office-distance = , { $km } km
booking-office-full = no free times
booking-ask-office = Choose an office:
booking-office-no-days = This office has no free times in the coming days. Please choose another office.
booking-ask-day = Choose the day of your visit to { $office }:
booking-day-button = { $day } ({ $free } free)
booking-day-full = The times on this day have just filled up. Please choose another day.
booking-ask-time = Choose or type the time of your visit, e.g. 14:30 (Tehran time):

booking-confirm =
    Please confirm the appointment:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
booking-confirm-move =
    Move your appointment to this time? (Your current appointment is kept until the new one is secured.)
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
booking-confirm-button = ✅ Confirm appointment
booking-done =
    Your appointment is booked ✅
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    Bring your original birth certificate (shenasnameh) with a photo, your postal code, address, and landline and mobile numbers.
    { $reminders }
    If you miss it, you cannot book a new appointment for three days.
booking-moved =
    Your appointment has been moved ✅
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    { $reminders }
booking-time-refused-filled = Sorry, this time has just been taken. The nearest free times:
booking-time-refused-passed = This time has passed. The nearest free times ahead:
booking-time-refused-too_soon = This time is now too close for you to get there. The nearest free times ahead:
booking-time-refused-day_closed = The office has closed on that day. The nearest free times:
booking-time-refused-office_closed = This office no longer takes appointments. The nearest free times at other offices:
booking-time-refused-changed = The office's timetable changed and this time is no longer offered. The nearest free times:
booking-fixed-warning = Note: this appointment is less than { $cutoff } hours away; once confirmed, it can no longer be changed or cancelled. If you miss it, you cannot book a new one for three days.
booking-reminders-both = We will send you a reminder a day before and again two hours before.
booking-reminders-day-before = We will send you a reminder a day before.
booking-reminders-two-hours = We will send you a reminder two hours before.
booking-reminders-none = No reminder will be sent for this appointment; please note its date and time.
booking-no-alternatives = No free time was found nearby; please choose another office or day.
booking-alternative = { $n }) { $office }: { $at }
booking-ask-alternative = Choose one of these times, or press "Back":

# Messages sent outside the conversation (reminders, missed appointments, closed offices).
booking-reminder-day-before =
    Reminder: your appointment is tomorrow 📅
    🏢 { $office }
    📍 { $address }
    📅 { $date }, at { $time }
    Bring your original birth certificate (shenasnameh) with a photo, your postal code, address, and landline and mobile numbers.
booking-reminder-two-hours =
    Reminder: your appointment is in about two hours ⏰
    🏢 { $office }
    📍 { $address }
    📅 { $date }, at { $time }
    Bring your original birth certificate (shenasnameh) with a photo, your postal code, address, and landline and mobile numbers.
booking-missed =
    You missed your appointment. You cannot book a new one until { $reopensAt }; after that, choose "Book an appointment" from the menu.
booking-office-closed =
    { $office } is closed on { $date }, so your appointment on that day has been cancelled. We are sorry.
    To book a new appointment, press the button below or "Book an appointment" in the menu.
booking-rebook-button = 📅 Book a new appointment
booking-current-fixed =
    You have this appointment:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }, at { $time }
    The deadline for changing or cancelling it ({ $deadline }) has passed; please be there on time.
booking-ask-province = Choose the province of the office you want, or type part of its name:
booking-ask-city = Choose the city of the office you want in { $province } province, or type part of its name:
booking-mode-day = 📆 Day first, then time
booking-ask-day-nearby = Choose the day of your visit (free times at the offices near you):
booking-time-at-office = { $time } — { $office }
booking-office-title = { $name } ({ $type })
booking-page-previous = ▶️ Previous page ({ $page } of { $pages })
booking-page-next = Next page ({ $page } of { $pages }) ◀️
booking-time-error-choose_button = Choose one of the times, or type the time like 14:30.
booking-time-error-not_free = There is no free appointment at that time on this day. Choose one of the listed times ("Next page" shows more).
booking-location-city-unknown = No city named "{ $city }" was found. Type the city name again, send your location, or press "🏙 Choose province and city".
booking-ask-which-city = Which city?
booking-city-in-province = { $city } ({ $province } province)
booking-location-from-city = Showing the offices nearest to the centre of { $city }.
booking-type-with-count = { $type } ({ $count } offices)
booking-ask-type-in-city = Which type of office in { $city }?
