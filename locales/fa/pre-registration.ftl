# Pre-registration (پیش‌ثبت‌نام).
prereg-intro =
    پیش‌ثبت‌نام کارت ملی هوشمند ✍️
    { $questions } پرسش کوتاه می‌پرسم. این‌ها را دم دست داشته باشید: کد ملی، تاریخ تولد، تلفن همراه و ثابت، کد پستی و نشانی محل سکونت؛ برای پرداخت هزینه هم کارت بانکی.
    اعداد را می‌توانید با ارقام فارسی یا انگلیسی بنویسید.
    هر جا خواستید با «⬅️ بازگشت» به پرسش قبل بروید یا با «❌ انصراف» خارج شوید.

prereg-ask-national-id = کد ملی ۱۰ رقمی خود را بنویسید:
prereg-national-id-error-empty = کد ملی را ننوشتید.
prereg-national-id-error-not_digits = کد ملی فقط از رقم تشکیل می‌شود؛ حرف یا نشانه‌ی دیگری ننویسید.
prereg-national-id-error-wrong_length = کد ملی باید دقیقاً ۱۰ رقم باشد (با صفرهای ابتدای آن).
prereg-national-id-error-invalid_checksum = این کد ملی معتبر نیست (رقم کنترل آن نمی‌خواند). لطفاً آن را از روی کارت یا شناسنامه دوباره بنویسید.
prereg-national-id-error-invalid_pattern = این شماره، کد ملی معتبری نیست. لطفاً کد ملی خود را دقیق بنویسید.
prereg-national-id-error-not_text = لطفاً کد ملی را به صورت متن بنویسید.

prereg-ask-birth-date = تاریخ تولد خود را به تاریخ شمسی بنویسید (مثلاً ۱۳۷۰/۰۵/۱۲):
prereg-birth-date-error-empty = تاریخ تولد را ننوشتید.
prereg-birth-date-error-bad_format = قالب تاریخ درست نیست. سال چهاررقمی، ماه و روز را با / جدا کنید؛ مثلاً ۱۳۷۰/۰۵/۱۲.
prereg-birth-date-error-invalid_date = چنین تاریخی در تقویم شمسی وجود ندارد (ماه ۱ تا ۱۲؛ روز با ماه بخواند؛ ۳۰ اسفند فقط در سال کبیسه).
prereg-birth-date-error-in_future = تاریخ تولد نمی‌تواند در آینده باشد. دقت کنید که تاریخ را به شمسی بنویسید، نه میلادی.
prereg-birth-date-error-too_young = کارت ملی هوشمند برای کسانی صادر می‌شود که ۱۵ سال تمام دارند. با این تاریخ تولد هنوز نمی‌توانید ثبت‌نام کنید.
prereg-too-young = کارت ملی هوشمند برای کسانی صادر می‌شود که ۱۵ سال تمام دارند. شما از { $date } می‌توانید پیش‌ثبت‌نام کنید؛ آن روز دوباره به این بات سر بزنید.
prereg-birth-date-error-too_old = این تاریخ تولد پذیرفتنی نیست. لطفاً سال تولد را دوباره بررسی کنید.
prereg-birth-date-error-not_text = لطفاً تاریخ تولد را به صورت متن بنویسید.

prereg-not-eligible =
    این کد ملی با این تاریخ تولد در سامانه‌ی ثبت احوال پیدا نشد.
    لطفاً هر دو را دقیقاً مطابق شناسنامه دوباره وارد کنید.

prereg-ask-abroad = آیا ساکن خارج از کشور هستید؟
prereg-confirm-registry-names =
    نام شما در ثبت احوال چنین ثبت شده است:
    • نام: { $firstName }
    • نام خانوادگی: { $lastName }
    • نام پدر: { $fatherName }
    کارت با همین نام‌ها صادر می‌شود. درست است؟
prereg-registry-names-yes = ✅ بله، درست است
prereg-registry-names-no = ✏️ نه، درست نیست
prereg-registry-names-error-choose_button = لطفاً یکی از دو دکمه را بزنید (یا «بله» / «نه» بنویسید).
prereg-registry-names-error-not_text = لطفاً یکی از دو دکمه را بزنید.
prereg-registry-names-wrong = کارت ملی هوشمند با نام‌هایی صادر می‌شود که در ثبت احوال ثبت شده است. برای اصلاح نام، نخست با شناسنامه به یکی از ادارات ثبت احوال مراجعه کنید؛ پس از اصلاح، پیش‌ثبت‌نام را از نو انجام دهید.
prereg-abroad-no = خیر، ساکن ایران هستم
prereg-abroad-yes = بله، ساکن خارج از کشورم
prereg-abroad-error-choose_button = لطفاً یکی از دو دکمه را انتخاب کنید.
prereg-abroad-error-not_text = لطفاً یکی از دو دکمه را انتخاب کنید.
prereg-abroad-answer =
    کارت ملی هوشمند هنوز برای ایرانیان خارج از کشور صادر نمی‌شود (هماهنگی با وزارت امور خارجه در جریان است).
    تا آن زمان کارت ملی قدیمی برای شما صادر می‌شود؛ برای آن به نمایندگی‌های ایران مراجعه کنید.

prereg-ask-first-name = نام خود را به فارسی و مطابق شناسنامه بنویسید:
prereg-ask-last-name = نام خانوادگی خود را به فارسی بنویسید:
prereg-ask-father-name = نام پدر خود را به فارسی بنویسید:
prereg-name-error-empty = نام را ننوشتید.
prereg-name-error-too_long = این نام بیش از حد طولانی است (حداکثر ۵۰ حرف).
prereg-name-error-not_persian = لطفاً نام را با حروف فارسی بنویسید، همان‌طور که در شناسنامه آمده است.
prereg-name-error-invalid_characters = نام فقط می‌تواند حروف فارسی و فاصله داشته باشد؛ عدد یا نشانه ننویسید.
prereg-name-error-not_text = لطفاً نام را به صورت متن بنویسید.

prereg-ask-mobile =
    شماره‌ی تلفن همراه خود را بنویسید (مثلاً ۰۹۱۲۳۴۵۶۷۸۹)
    یا دکمه‌ی «ارسال شماره‌ی من» را بزنید:
prereg-share-contact = 📱 ارسال شماره‌ی من
prereg-mobile-error-empty = شماره‌ی همراه را ننوشتید.
prereg-mobile-error-not_digits = شماره‌ی همراه فقط از رقم تشکیل می‌شود.
prereg-mobile-error-wrong_format = شماره‌ی همراه باید ۱۱ رقم و با ۰۹ شروع شود (یا با ‎+98‎).
prereg-mobile-error-not_own_contact = فقط شماره‌ی خودتان پذیرفته می‌شود؛ شماره‌ی شخص دیگری را نفرستید. دکمه‌ی «ارسال شماره‌ی من» را بزنید یا شماره را بنویسید.
prereg-mobile-error-not_text = لطفاً شماره را بنویسید یا دکمه‌ی «ارسال شماره‌ی من» را بزنید.

prereg-ask-landline = شماره‌ی تلفن ثابت را با پیش‌شماره‌ی شهر بنویسید (مثلاً ۰۲۱۸۸۷۷۶۶۵۵):
prereg-landline-none = ندارم
prereg-landline-none-noted = بسیار خب، تلفن ثابت ندارید. در مراجعه‌ی حضوری به جای آن یک شماره‌ی تماس دیگر از شما می‌خواهند (مثلاً تلفن ثابت محل کار یا یکی از بستگان)؛ آن را همراه داشته باشید.
prereg-landline-error-empty = شماره‌ی تلفن ثابت را ننوشتید.
prereg-landline-error-not_digits = شماره‌ی تلفن ثابت فقط از رقم تشکیل می‌شود.
prereg-landline-error-wrong_length = شماره‌ی تلفن ثابت باید ۱۱ رقم باشد: ۰، پیش‌شماره‌ی دو رقمی استان و ۸ رقم شماره.
prereg-landline-error-unknown_area_code = این پیش‌شماره متعلق به هیچ استانی نیست. پیش‌شماره‌ی شهر خود را بررسی کنید (مثلاً ۰۲۱ برای تهران).
prereg-landline-error-not_text = لطفاً شماره را به صورت متن بنویسید.

prereg-ask-postal-code = کد پستی ۱۰ رقمی محل سکونت خود را بنویسید:
prereg-postal-code-error-empty = کد پستی را ننوشتید.
prereg-postal-code-error-not_digits = کد پستی فقط از رقم تشکیل می‌شود.
prereg-postal-code-error-wrong_length = کد پستی باید دقیقاً ۱۰ رقم باشد.
prereg-postal-code-error-invalid_code = این کد پستی معتبر نیست: در پنج رقم اول کد پستی، رقم ۰ و ۲ نمی‌آید.
prereg-postal-code-error-not_text = لطفاً کد پستی را به صورت متن بنویسید.

prereg-ask-address = نشانی کامل محل سکونت خود را بنویسید (خیابان، کوچه، پلاک، واحد):
prereg-address-error-too_short = نشانی خیلی کوتاه است؛ خیابان، کوچه و پلاک را کامل بنویسید.
prereg-address-error-too_long = نشانی خیلی طولانی است (حداکثر ۳۰۰ حرف).
prereg-address-error-not_text = لطفاً نشانی را به صورت متن بنویسید.

prereg-ask-province = استان محل سکونت را انتخاب کنید یا بخشی از نام آن را بنویسید:
prereg-province-error-not_found = استانی با این نام پیدا نشد. از دکمه‌ها انتخاب کنید.
prereg-province-error-ambiguous = چند استان با این نام جور درمی‌آیند؛ فقط همان‌ها را در دکمه‌های زیر آورده‌ام، یکی را انتخاب کنید.
prereg-province-error-not_text = لطفاً استان را از دکمه‌ها انتخاب کنید.
prereg-ask-city = شهر محل سکونت در استان { $province } را انتخاب کنید یا بخشی از نام آن را بنویسید:
prereg-city-error-not_found = شهری با این نام در این استان پیدا نشد. از دکمه‌ها انتخاب کنید یا برای تغییر استان «بازگشت» را بزنید.
prereg-city-error-ambiguous = چند شهر با این نام جور درمی‌آیند؛ فقط همان‌ها را در دکمه‌های زیر آورده‌ام، یکی را انتخاب کنید.
prereg-city-error-not_text = لطفاً شهر را از دکمه‌ها انتخاب کنید.

prereg-field-nationalId = کد ملی
prereg-field-birthDate = تاریخ تولد
prereg-field-firstName = نام
prereg-field-lastName = نام خانوادگی
prereg-field-fatherName = نام پدر
prereg-field-mobile = تلفن همراه
prereg-field-landline = تلفن ثابت
prereg-field-postalCode = کد پستی
prereg-field-address = نشانی
prereg-field-province = استان و شهر
prereg-edit = ✏️ { $field }
prereg-confirm = ✅ تأیید و پرداخت
prereg-summary-use-buttons = لطفاً با دکمه‌ها یکی از موارد را برای اصلاح انتخاب کنید یا «تأیید و پرداخت» را بزنید.
prereg-summary =
    لطفاً اطلاعات خود را بررسی کنید:
    • کد ملی: { $nationalId }
    • تاریخ تولد: { $birthDate }
    • نام: { $firstName }
    • نام خانوادگی: { $lastName }
    • نام پدر: { $fatherName }
    • تلفن همراه: { $mobile }
    • تلفن ثابت: { $landline }
    • کد پستی: { $postalCode }
    • نشانی: { $address }
    • استان و شهر: { $province }، { $city }
    اگر موردی نادرست است، دکمه‌ی همان مورد را بزنید؛ وگرنه «تأیید و پرداخت».

prereg-already-registered =
    { $name } عزیز، پیش‌ثبت‌نام شما قبلاً انجام و هزینه‌ی آن پرداخت شده است؛ هزینه‌ی دوباره‌ای لازم نیست.
    کد رهگیری: { $trackingCode }
    از منو می‌توانید «پیگیری وضعیت»، «بازیابی کد رهگیری» یا «نوبت‌گیری» را انتخاب کنید.
prereg-already-registered-elsewhere =
    پیش‌ثبت‌نام این کد ملی قبلاً انجام و هزینه‌ی آن پرداخت شده است؛ هزینه‌ی دوباره‌ای لازم نیست.
    اگر کد رهگیری را ندارید، از منو «بازیابی کد رهگیری» را انتخاب کنید.
prereg-saved = اطلاعات شما ثبت شد ✅ حالا هزینه‌ی پیش‌ثبت‌نام را بپردازید.
prereg-payment-description = هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند
prereg-pay-link =
    مبلغ قابل پرداخت: { $amount } تومان
    دکمه‌ی «پرداخت» را بزنید و در درگاه بانکی پرداخت کنید. این پیوند تا ساعت { $expiresAt } معتبر است.
    پس از پرداخت، نتیجه همین‌جا به شما اعلام می‌شود و کد رهگیری را دریافت می‌کنید.
prereg-pay-invoice =
    صورت‌حساب { $amount } تومانی برایتان فرستاده شد؛ آن را در همین گفتگو بپردازید (تا ساعت { $expiresAt }).
    پس از پرداخت، کد رهگیری همین‌جا برایتان فرستاده می‌شود.
prereg-pay-button = 💳 پرداخت
prereg-paid-button = ✅ پرداخت کردم

# The "I have paid" button and in-app invoices (popups, so repeated presses add nothing to the chat).
payment-check-not-found = این پرداخت پیدا نشد. لطفاً پیش‌ثبت‌نام را دوباره شروع کنید.
payment-check-settled = پرداخت شما تأیید شد ✅ کد رهگیری در همین گفتگو برایتان فرستاده شد.
payment-check-already = پرداخت شما پیش‌تر تأیید شده است. کد رهگیری: { $trackingCode }
payment-check-not-paid = هنوز پرداختی از شما به ما نرسیده است. اگر پرداخت نکرده‌اید، دکمه‌ی «پرداخت» را بزنید.
payment-check-expired = مهلت این پرداخت تمام شده است. برای پرداخت دوباره، «پیش‌ثبت‌نام» را از منو انتخاب کنید.
payment-check-new-link = پرداخت قبلی لغو شده بود؛ پیوند پرداخت تازه فرستاده شد.
payment-check-new-link-above = پیوند پرداخت تازه را در پیام بالا ببینید.
payment-check-unknown = الان نتوانستیم نتیجه را از بانک بپرسیم. نگران نباشید: دوباره خودکار بررسی می‌کنیم و نتیجه را همین‌جا اعلام می‌کنیم.
payment-invoice-refused = این صورت‌حساب دیگر معتبر نیست. لطفاً پیش‌ثبت‌نام را دوباره انتخاب کنید.
prereg-payment-title = کارت ملی هوشمند
prereg-gateway-unavailable =
    درگاه پرداخت الان پاسخ نمی‌دهد. اطلاعات شما ذخیره شده است و لازم نیست دوباره وارد شود.
    چند لحظه بعد دکمه‌ی «تلاش دوباره» را بزنید.
prereg-retry-button = 🔄 تلاش دوباره
prereg-retry-error-choose_button = برای ادامه‌ی پرداخت، دکمه‌ی «تلاش دوباره» را بزنید یا «انصراف» را انتخاب کنید.
prereg-registry-unavailable =
    سامانه‌ی ثبت احوال الان پاسخ نمی‌دهد. پاسخ‌های شما حفظ شده است.
    چند لحظه بعد دکمه‌ی «تلاش دوباره» را بزنید.
