# Persian (default) texts of payments: the result pages after a gateway, the sandbox gateway's test pay page,
# the in-app invoice and the confirmation message. Amounts and codes arrive already formatted (Persian digits).

## Web pages (shared)
payment-page-lang = fa
payment-page-dir = rtl
payment-page-title = نتیجه‌ی پرداخت | کارت ملی هوشمند
payment-back-to-bot = بازگشت به بات

## Returning from the gateway
payment-result-paid-heading = پرداخت با موفقیت انجام شد ✅
payment-result-paid-body = هزینه‌ی پیش‌ثبت‌نام شما پرداخت شد. به بات برگردید؛ کد رهگیری شما همان‌جا برایتان فرستاده شده است.
payment-result-cancelled-heading = پرداخت لغو شد
payment-result-cancelled-body = پرداخت انجام نشد؛ اطلاعاتی که وارد کرده‌اید محفوظ است. به بات برگردید و دکمه‌ی «✅ پرداخت کردم» را بزنید تا پیوند پرداخت تازه‌ای بگیرید. اگر مبلغی از حساب شما کم شده باشد، بانک معمولاً ظرف ۷۲ ساعت آن را برمی‌گرداند.
payment-result-not-paid-heading = پرداخت انجام نشد
payment-result-not-paid-body = درگاه پرداخت، پرداخت شما را تأیید نکرد. اگر مبلغی از حساب شما کم شده باشد، بانک معمولاً ظرف ۷۲ ساعت آن را برمی‌گرداند. برای پرداخت دوباره به بات برگردید.
payment-result-unknown-heading = نتیجه‌ی پرداخت هنوز معلوم نیست
payment-result-unknown-body = الان نتوانستیم نتیجه را از درگاه پرداخت بپرسیم. لطفاً دوباره پرداخت نکنید: خودمان دوباره بررسی می‌کنیم و نتیجه را در بات به شما خبر می‌دهیم.
payment-result-expired-heading = مهلت پرداخت تمام شده است
payment-result-expired-body = مهلت این پرداخت گذشته است. اگر مبلغی از حساب شما کم شده باشد، بانک معمولاً ظرف ۷۲ ساعت آن را برمی‌گرداند. برای پرداخت دوباره به بات برگردید.
payment-result-not-payable-heading = پرداخت رسید، اما درخواست شما باز نیست
payment-result-not-payable-body = پرداخت شما به ما رسید، اما درخواست پیش‌ثبت‌نام شما دیگر در انتظار پرداخت نیست (برای نمونه لغو شده است). رسید بانکی را نگه دارید و برای بازگشت وجه با پشتیبانی تماس بگیرید.
payment-result-not-found-heading = پرداخت پیدا نشد
payment-result-not-found-body = پرداختی با این مشخصات پیدا نشد. لطفاً از بات دوباره اقدام کنید.

## In-app invoice (Bale)
payment-invoice-label = هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند

## Chat message after the payment is confirmed (sent from the notification outbox)
payment-confirmed =
    ✅ پرداخت شما تأیید شد و پیش‌ثبت‌نام شما کامل شد.
    کد رهگیری شما: { $trackingCode }
    این کد را نگه دارید؛ برای پیگیری وضعیت و نوبت‌گیری لازم است.
    اکنون می‌توانید از منوی «📅 نوبت‌گیری» برای مراجعه‌ی حضوری (عکس و اثر انگشت) نوبت بگیرید.

## Sandbox gateway (test payments, no real money)
sandbox-page-title = درگاه پرداخت آزمایشی
sandbox-test-warning = ⚠️ این یک درگاه پرداخت آزمایشی است: هیچ پول واقعی جابه‌جا نمی‌شود و به کارت بانکی نیازی نیست.
sandbox-heading = پرداخت آزمایشی
sandbox-description = بابت: { $description }
sandbox-amount-label = مبلغ قابل پرداخت:
sandbox-amount = { $amount } تومان
sandbox-pay-button = پرداخت (آزمایشی)
sandbox-cancel-button = انصراف
sandbox-already-paid = این تراکنش پیش‌تر پرداخت شده است
sandbox-already-cancelled = این تراکنش لغو شده است. برای پیوند پرداخت تازه، در بات دکمه‌ی «✅ پرداخت کردم» را بزنید.
sandbox-return-button = بازگشت به سایت پذیرنده
sandbox-not-found-heading = تراکنش پیدا نشد
sandbox-not-found-body = تراکنشی با این شناسه در درگاه آزمایشی وجود ندارد.
