# Pre-registration (پیش‌ثبت‌نام). English translation of locales/fa/pre-registration.ftl; Persian is the default.
prereg-intro =
    Smart national ID card pre-registration ✍️
    I will ask { $questions } short questions. Have these at hand: your national ID, birth date, mobile and landline numbers, postal code and home address; and a bank card for the fee.
    You can type numbers with Persian or English digits.
    At any point, press "⬅️ Back" to go to the previous question or "❌ Cancel" to leave.

prereg-ask-national-id = Type your 10-digit national ID:
prereg-national-id-error-empty = You did not type your national ID.
prereg-national-id-error-not_digits = A national ID is made of digits only; do not type letters or other signs.
prereg-national-id-error-wrong_length = The national ID must be exactly 10 digits (including any zeros at its start).
prereg-national-id-error-invalid_checksum = This national ID is not valid (its check digit does not match). Please type it again from your card or birth certificate.
prereg-national-id-error-invalid_pattern = This number is not a valid national ID. Please type your national ID exactly.
prereg-national-id-error-not_text = Please type your national ID as text.

prereg-ask-birth-date = Type your date of birth in the Solar Hijri (Persian) calendar (for example 1370/05/12):
prereg-birth-date-error-empty = You did not type your date of birth.
prereg-birth-date-error-bad_format = The date format is not right. Separate the four-digit year, the month and the day with /; for example 1370/05/12.
prereg-birth-date-error-invalid_date = There is no such date in the Solar Hijri calendar (month 1 to 12; the day must fit the month; 30 Esfand only in a leap year).
prereg-birth-date-error-in_future = Your date of birth cannot be in the future. Make sure you type the date in the Solar Hijri calendar, not the Gregorian one.
prereg-birth-date-error-too_young = The smart national ID card is issued to people who are at least 15 full years old. With this date of birth you cannot register yet.
prereg-too-young = The smart national ID card is issued to people who have completed 15 years of age. You can pre-register from { $date }; come back to this bot on that day.
prereg-birth-date-error-too_old = This date of birth cannot be accepted. Please check your year of birth again.
prereg-birth-date-error-not_text = Please type your date of birth as text.

prereg-not-eligible =
    This national ID with this date of birth was not found in the civil registration system.
    Please enter both again exactly as they appear in your birth certificate.

prereg-ask-abroad = Do you live outside Iran?
prereg-confirm-registry-names =
    The civil registry has your names as:
    • First name: { $firstName }
    • Last name: { $lastName }
    • Father's name: { $fatherName }
    The card is issued with these names. Are they right?
prereg-registry-names-yes = ✅ Yes, they are right
prereg-registry-names-no = ✏️ No, they are not
prereg-registry-names-error-choose_button = Please press one of the two buttons (or type yes / no).
prereg-registry-names-error-not_text = Please press one of the two buttons.
prereg-registry-names-wrong = The smart card is issued with the names the civil registry holds. To correct a name, first visit a civil-registration office with your birth certificate; once it is corrected, pre-register again.
prereg-abroad-no = No, I live in Iran
prereg-abroad-yes = Yes, I live abroad
prereg-abroad-error-choose_button = Please choose one of the two buttons.
prereg-abroad-error-not_text = Please choose one of the two buttons.
prereg-abroad-answer =
    The smart national ID card is not yet issued to Iranians living abroad (coordination with the Ministry of Foreign Affairs is under way).
    Until then, the old national ID card is issued to you; for that, go to an Iranian embassy or consulate.

prereg-ask-first-name = Type your first name in Persian, exactly as in your birth certificate:
prereg-ask-last-name = Type your last name in Persian:
prereg-ask-father-name = Type your father's name in Persian:
prereg-name-error-empty = You did not type the name.
prereg-name-error-too_long = This name is too long (at most 50 characters).
prereg-name-error-not_persian = Please type the name in Persian letters, as it appears in your birth certificate.
prereg-name-error-invalid_characters = A name can only contain Persian letters and spaces; do not type digits or signs.
prereg-name-error-not_text = Please type the name as text.

prereg-ask-mobile =
    Type your mobile number (for example 09123456789)
    or press the "Send my number" button:
prereg-share-contact = 📱 Send my number
prereg-mobile-error-empty = You did not type your mobile number.
prereg-mobile-error-not_digits = A mobile number is made of digits only.
prereg-mobile-error-wrong_format = A mobile number must have 11 digits and start with 09 (or with +98).
prereg-mobile-error-not_own_contact = Only your own number is accepted; do not send someone else's number. Press the "Send my number" button or type the number.
prereg-mobile-error-not_text = Please type the number or press the "Send my number" button.

prereg-ask-landline = Type your landline number with the city's area code (for example 02188776655):
prereg-landline-none = I have none
prereg-landline-none-noted = Fine, no landline. At the office you will be asked for another contact number instead (for example a workplace or a relative's landline); have it with you.
prereg-landline-error-empty = You did not type your landline number.
prereg-landline-error-not_digits = A landline number is made of digits only.
prereg-landline-error-wrong_length = A landline number must have 11 digits: 0, the two-digit province area code and the 8-digit number.
prereg-landline-error-unknown_area_code = This area code does not belong to any province. Check your city's area code (for example 021 for Tehran).
prereg-landline-error-not_text = Please type the number as text.

prereg-ask-postal-code = Type the 10-digit postal code of your home:
prereg-postal-code-error-empty = You did not type the postal code.
prereg-postal-code-error-not_digits = A postal code is made of digits only.
prereg-postal-code-error-wrong_length = The postal code must be exactly 10 digits.
prereg-postal-code-error-invalid_code = This postal code is not valid: the digits 0 and 2 never appear in the first five digits of a postal code.
prereg-postal-code-error-not_text = Please type the postal code as text.

prereg-ask-address = Type the full address of your home (street, alley, house number, unit):
prereg-address-error-too_short = The address is too short; type the street, alley and house number in full.
prereg-address-error-too_long = The address is too long (at most 300 characters).
prereg-address-error-not_text = Please type the address as text.

prereg-ask-province = Choose the province you live in, or type part of its name:
prereg-province-error-not_found = No province with this name was found. Choose one from the buttons.
prereg-province-error-ambiguous = Several provinces match this name; only those are on the buttons below now, choose one.
prereg-province-error-not_text = Please choose the province from the buttons.
prereg-ask-city = Choose the city you live in, in { $province } province, or type part of its name:
prereg-city-error-not_found = No city with this name was found in this province. Choose from the buttons, or press "Back" to change the province.
prereg-city-error-ambiguous = Several cities match this name; only those are on the buttons below now, choose one.
prereg-city-error-not_text = Please choose the city from the buttons.

prereg-field-nationalId = National ID
prereg-field-birthDate = Date of birth
prereg-field-firstName = First name
prereg-field-lastName = Last name
prereg-field-fatherName = Father's name
prereg-field-mobile = Mobile
prereg-field-landline = Landline
prereg-field-postalCode = Postal code
prereg-field-address = Address
prereg-field-province = Province and city
prereg-edit = ✏️ { $field }
prereg-confirm = ✅ Confirm and pay
prereg-summary-use-buttons = Please use the buttons to choose an item to correct, or press "Confirm and pay".
prereg-summary =
    Please check your details:
    • National ID: { $nationalId }
    • Date of birth: { $birthDate }
    • First name: { $firstName }
    • Last name: { $lastName }
    • Father's name: { $fatherName }
    • Mobile: { $mobile }
    • Landline: { $landline }
    • Postal code: { $postalCode }
    • Address: { $address }
    • Province and city: { $province }, { $city }
    If an item is wrong, press the button for that item; otherwise press "Confirm and pay".

prereg-already-registered =
    Dear { $name }, your pre-registration is already done and its fee has been paid; you do not need to pay again.
    Tracking code: { $trackingCode }
    From the menu you can choose "Check status", "Recover tracking code" or "Book an appointment".
prereg-already-registered-elsewhere =
    This national ID is already pre-registered and its fee paid; nothing more to pay.
    If you do not have the tracking code, choose "Recover tracking code" from the menu.
prereg-saved = Your details have been saved ✅ Now pay the pre-registration fee.
prereg-payment-description = Smart national ID card pre-registration fee
prereg-pay-link =
    Amount to pay: { $amount } toman
    Press the "Pay" button and pay through the bank's payment gateway. This link is valid until { $expiresAt }.
    After you pay, the result is announced right here and you receive your tracking code.
prereg-pay-invoice =
    An invoice for { $amount } toman has been sent to you; pay it right here in this chat (until { $expiresAt }).
    After you pay, your tracking code is sent to you right here.
prereg-pay-button = 💳 Pay
prereg-paid-button = ✅ I have paid

# The "I have paid" button and in-app invoices (popups, so repeated presses add nothing to the chat).
payment-check-not-found = This payment was not found. Please start the pre-registration again.
payment-check-settled = Your payment is confirmed ✅ Your tracking code has been sent to you in this chat.
payment-check-already = Your payment was already confirmed. Tracking code: { $trackingCode }
payment-check-not-paid = No payment from you has reached us yet. If you have not paid, press the "Pay" button.
payment-check-expired = The time for this payment has run out. To pay again, choose "Pre-registration" from the menu.
payment-check-new-link = The previous payment was cancelled; a new payment link was sent.
payment-check-new-link-above = See the new payment link in the message above.
payment-check-unknown = We could not get the result from the bank just now. Don't worry: we will check again automatically and announce the result right here.
payment-invoice-refused = This invoice is no longer valid. Please choose "Pre-registration" again.
prereg-payment-title = Smart national ID card
prereg-gateway-unavailable =
    The payment gateway is not answering right now. Your details are saved; you do not need to enter them again.
    Press "Try again" in a moment.
prereg-retry-button = 🔄 Try again
prereg-retry-error-choose_button = To go on with the payment, press "Try again" or choose "Cancel".
prereg-registry-unavailable =
    The civil registry is not answering right now. Your answers are kept.
    Press "Try again" in a moment.
