# English texts of payments (translations of locales/fa/payments.ftl; Persian is the default).

## Web pages (shared)
payment-page-lang = en
payment-page-dir = ltr
payment-page-title = Payment result | Smart national ID card
payment-back-to-bot = Back to the bot

## Returning from the gateway
payment-result-paid-heading = Payment successful ✅
payment-result-paid-body = Your pre-registration fee has been paid. Go back to the bot: your tracking code has been sent to you there.
payment-result-cancelled-heading = Payment cancelled
payment-result-cancelled-body = The payment was not made; the details you entered are kept. Go back to the bot and press "✅ I have paid" to get a new payment link. If money was taken from your account, the bank usually returns it within 72 hours.
payment-result-not-paid-heading = Payment not completed
payment-result-not-paid-body = The payment gateway did not confirm your payment. If any money was taken from your account, the bank usually returns it within 72 hours. Go back to the bot to pay again.
payment-result-unknown-heading = The payment result is not known yet
payment-result-unknown-body = We could not ask the payment gateway for the result just now. Please do not pay again: we will check again ourselves and tell you the result in the bot.
payment-result-expired-heading = The time to pay has run out
payment-result-expired-body = This payment has expired. If any money was taken from your account, the bank usually returns it within 72 hours. Go back to the bot to pay again.
payment-result-not-payable-heading = Payment received, but your application is not open
payment-result-not-payable-body = Your payment reached us, but your pre-registration is no longer waiting for payment (for example, it was cancelled). Keep the bank receipt and contact support for a refund.
payment-result-not-found-heading = Payment not found
payment-result-not-found-body = No payment matches these details. Please start again from the bot.

## In-app invoice (Bale)
payment-invoice-label = Smart national ID card pre-registration fee

## Chat message after the payment is confirmed (sent from the notification outbox)
payment-confirmed =
    ✅ Your payment is confirmed and your pre-registration is complete.
    Your tracking code: { $trackingCode }
    Keep this code: you need it to check your status and to book an appointment.
    You can now book your in-person visit (photo and fingerprints) with "📅 Book an appointment" in the menu.

## Sandbox gateway (test payments, no real money)
sandbox-page-title = Test payment gateway
sandbox-test-warning = ⚠️ This is a test payment gateway: no real money moves and no bank card is needed.
sandbox-heading = Test payment
sandbox-description = For: { $description }
sandbox-amount-label = Amount to pay:
sandbox-amount = { $amount } toman
sandbox-pay-button = Pay (test)
sandbox-cancel-button = Cancel
sandbox-already-paid = This transaction has already been paid
sandbox-already-cancelled = This transaction was cancelled. For a new payment link, press "✅ I have paid" in the bot.
sandbox-return-button = Back to the merchant's site
sandbox-not-found-heading = Transaction not found
sandbox-not-found-body = The test gateway has no transaction with this id.
