# Information pages: fees, documents, stages, report lines. English translation of locales/fa/information.ftl.
info-fees =
    💰 Official fees of the smart national ID card:
    • Pre-registration (paid online): { $preRegistration } toman
    • Completing the registration in person: in metropolises at most { $completion } toman; in other cities the amount set by the provincial working group
    • Card collection: { $delivery } toman
    Total: { $total } toman. Charging more than this is a violation, and you can report it.
    Issuing and recovering the tracking code is free.
info-documents =
    📄 Documents needed for your in-person visit:
    • Original birth certificate with photo
    • Postal code of your home
    • Full address of your home
    • Landline and mobile phone numbers
    Your photo is taken with a camera at the office; do not bring a photo.
info-stages =
    🧭 Steps to get the card:
    1. Online pre-registration and paying the fee (in this bot), and receiving a tracking code
    2. Booking: choosing a government services office (Pishkhan), a post office or a civil registration office, and the time of your visit
    3. In-person visit to complete the registration (photo and fingerprints); if you miss your appointment, you cannot book a new one for three days
    4. Card issuance: 15 days to one month after your visit
    5. Collecting the card at the office that is announced to you (it may differ from the office where you registered)
    Not every step is online: registration and booking are online, then you must go in person.
    Iranians living abroad: the smart card is not yet issued abroad; they receive the old national ID card.
    People with physical (mobility) disabilities can request a mobile service at home.
info-report-lines =
    🚨 Report a violation (for example, being charged extra):
    • Government services offices (Pishkhan): 021-61912222
    • Post offices: 021-84470000
    • Civil registration offices: 021-66742876 and 021-66710270
