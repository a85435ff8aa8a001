# Cards: the citizen's "where to collect my card" journey, the messages about a card's life, and the status check's new stages.
pickup-intro =
    Where to collect your card 📍
    With your national ID and tracking code, see the office that hands your card over.
pickup-ready =
    Dear { $name }, your smart national ID card is ready:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    🕘 Hours: { $hours }
    💰 Delivery fee: { $deliveryFee } toman
    Bring: your original birth certificate and your old national card (if you have one). The card is handed only to you or your representative, after a fingerprint match.
    The card is held at this office until { $heldUntil }.
pickup-in-transit =
    Dear { $name }, your card is on its way to "{ $office }".
    We will tell you here when it arrives.
pickup-delivered = Dear { $name }, your smart national ID card has been delivered.
pickup-not-yet =
    Dear { $name }, your card has not been issued yet.
    Your application: { $stage }
    After the in-person visit and issuance, the pickup office will be shown here.
pickup-not-yet-window =
    Dear { $name }, your card is being issued (status: { $stage }).
    It will be ready between { $from } and { $to }; we will tell you where to collect it.
pickup-ask-change = Would you like to collect the card at another office?
pickup-keep = 👍 This office is fine
pickup-change-nearest = 📍 The office nearest to me
pickup-change-city = 🏙 Choose province and city
pickup-choice-error-choose_button = Please choose one of the buttons.
pickup-kept = Fine; the card waits for you at the same office. Main menu 👇
pickup-offices = Suggested offices:
pickup-ask-office = Which office should the card go to?
pickup-no-office = No office found. Try another way.
pickup-transfer-requested =
    The card's transfer to "{ $office }" is recorded. The card is now on its way.
    We will tell you when that office receives it.
pickup-transfer-refused = The card could not be moved to "{ $office }"; its status changed. Press "Where to collect my card" again.

visit-completed =
    Dear { $name }, your in-person registration is complete and your card was sent to production. ✅
    The card will be ready between { $from } and { $to }; we will tell you here where to collect it.
card-ready =
    Dear { $name }, your smart national ID card is ready. 🎉
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    🕘 Hours: { $hours }
    💰 Delivery fee: { $deliveryFee } toman
    Bring: your original birth certificate and tracking code { $trackingCode }. The card is handed only to you or your representative, after a fingerprint match.
    The card is held at this office until { $heldUntil }. To collect it at another office, press "📍 Where to collect my card".
card-in-transit =
    Dear { $name }, your card was sent to "{ $office }" and is on its way.
    We will tell you when it arrives.
card-delivered = Dear { $name }, your smart national ID card was delivered. Thank you. 🇮🇷
card-delivered-representative = Dear { $name }, your smart national ID card was delivered to your representative, { $representative }.
card-reminder =
    Dear { $name }, your smart national ID card is still waiting for you at "{ $office }".
    📍 { $address }
    You have only { $daysLeft } days (until { $heldUntil }) to collect it.

status-stage-checked_in = checked in at the office
status-stage-in_transit = card on its way to another office
status-next-checked_in = Your in-person registration is in progress.
status-next-in_transit = Your card was sent to the office you asked for.
status-next-ready_for_pickup-at = Your card is ready at "{ $office }"; the delivery fee is { $deliveryFee } toman. Address and hours: "📍 Where to collect my card".
status-next-in_transit-at = Your card is on its way to "{ $office }"; we will tell you when it arrives.

staff-daily-summary =
    📊 Today's report for "{ $office }" ({ $date }):
    • Check-ins: { $checkedIn }
    • No-shows: { $noShows }
    • Completions: { $completed }
    • Cards arrived: { $cardsReady }
    • Cards delivered: { $delivered }
    • Uncollected cards at the office: { $waiting }
