# Citizens' cases: overcharge reports (گزارش تخلف), the home service for people with mobility disabilities,
# «پرونده‌های من», and the notifications and staff card of the case system.
menu-my-cases = 📂 پرونده‌های من

case-choice-error-choose_button = لطفاً یکی از دکمه‌ها را انتخاب کنید.
case-choice-error-not_text = لطفاً یکی از دکمه‌ها را انتخاب کنید.
case-text-error-too_short = متن کوتاه است؛ دست‌کم { $min } نویسه بنویسید.
case-text-error-too_long = متن طولانی است؛ حداکثر { $max } نویسه بنویسید.
case-text-error-not_text = لطفاً پاسخ را به صورت متن بنویسید.
case-amount-error-empty = مبلغ را ننوشتید.
case-amount-error-not_digits = مبلغ را فقط با رقم و به تومان بنویسید، مثلاً ۴۵۰۰۰.
case-amount-error-too_large = این مبلغ بیش از اندازه بزرگ است؛ لطفاً مبلغ را به تومان و دوباره بنویسید.
case-amount-error-not_text = لطفاً مبلغ را به صورت متن بنویسید.
case-amount-none = هیچ (۰)
case-day-error-empty = تاریخ را ننوشتید.
case-day-error-bad_format = تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۵/۰۹/۱۰.
case-day-error-invalid_date = چنین تاریخی در تقویم نیست؛ لطفاً دوباره بنویسید.
case-day-error-in_future = این تاریخ هنوز نرسیده است؛ روز مراجعه را بنویسید.
case-day-error-too_old = گزارش‌ها تا یک سال پس از مراجعه پذیرفته می‌شوند.
case-day-error-not_text = لطفاً تاریخ را بنویسید یا یکی از دکمه‌ها را بزنید.
case-day-today = امروز
case-day-yesterday = دیروز
case-skip = ⏭ رد شدن
case-send = ✅ ثبت و ارسال
case-more = ➡️ دفترهای بیشتر
case-photo-too-large = این فایل بزرگ‌تر از ۱۰ مگابایت است؛ لطفاً عکس کوچک‌تری بفرستید.
case-photo-expected = لطفاً یک عکس بفرستید.
case-photo-expected-optional = لطفاً یک عکس بفرستید یا «⏭ رد شدن» را بزنید.
case-limit-open = شما هم‌اکنون { $max } پرونده‌ی باز دارید. تا رسیدگی به آن‌ها پرونده‌ی تازه ثبت نمی‌شود؛ از «📂 پرونده‌های من» می‌توانید آن‌ها را پیگیری یا اطلاعات تازه اضافه کنید.
case-limit-today = امروز { $max } پرونده ثبت کرده‌اید که بیشترین تعداد روزانه است. از { $until } می‌توانید دوباره گزارش دهید.
case-no-route = متأسفیم، فعلاً واحدی برای رسیدگی به این درخواست تعیین نشده است. لطفاً با خطوط گزارش تخلف در بخش «راهنما» تماس بگیرید.
case-unit-name = { $unitKind ->
    [home_service] واحد خدمت در منزل استان
   *[hotline] { $officeType ->
        [pishkhan] سامانه‌ی رسیدگی دفاتر پیشخوان دولت
        [post] سامانه‌ی رسیدگی دفاتر پست
        [civil_registration] سامانه‌ی رسیدگی ثبت احوال
       *[other] واحد رسیدگی
    }
    }
case-phone-separator = {" و "}

case-report-intro = 🚨 گزارش تخلف: اگر دفتری بیش از هزینه‌ی قانونی از شما گرفته یا برای کد رهگیری پول خواسته، گزارش دهید. گزارش شما به واحد رسیدگی همان نوع دفتر می‌رسد.
case-report-ask-own-office = گزارش درباره‌ی کدام دفتر است؟
case-report-search-office = 🔎 جست‌وجوی دفتر دیگر
case-report-ask-province = دفتر در کدام استان است؟ انتخاب کنید یا بخشی از نام استان را بنویسید:
case-report-ask-city = دفتر در کدام شهر استان { $province } است؟ انتخاب کنید یا بخشی از نام شهر را بنویسید:
case-report-no-offices = در { $city } دفتری ثبت نشده است. شهر یا استان دیگری را انتخاب کنید.
case-report-ask-office = { $count } دفتر (صفحه‌ی { $page } از { $pages }). دفتر را انتخاب کنید یا بخشی از نام آن را بنویسید:
case-office-error-not_found = دفتری با این نام در این شهر پیدا نشد؛ از دکمه‌ها انتخاب کنید یا بخش دیگری از نام را بنویسید.
case-office-error-not_text = لطفاً دفتر را از دکمه‌ها انتخاب کنید.
case-report-ask-day = چه روزی به دفتر مراجعه کردید؟ یکی از دکمه‌ها را بزنید یا تاریخ را بنویسید (مثلاً ۱۴۰۵/۰۹/۱۰):
case-report-ask-mode = مبلغی را که پرداختید چطور وارد می‌کنید؟
case-report-mode-total = 💵 جمع کل پرداختی
case-report-mode-items = 🧾 جزء به جزء
case-report-ask-total = جمع کل مبلغی را که در دفتر پرداختید به تومان بنویسید:
case-report-ask-item-completion = برای تکمیل ثبت‌نام (عکس و انگشت‌نگاری) چند تومان گرفتند؟
case-report-ask-item-tracking_code = برای صدور یا بازیابی کد رهگیری چند تومان گرفتند؟ (اگر چیزی نگرفتند «هیچ» را بزنید)
case-report-ask-item-other = بابت چیز دیگری هم پولی گرفتند؟ مبلغ را به تومان بنویسید یا «هیچ» را بزنید:
case-verdict-over =
    ⚠️ شما { $charged } تومان پرداخته‌اید، در حالی که مبلغ قانونی در آن روز { $legal } تومان بوده است.
    یعنی { $over } تومان بیش از مبلغ قانونی از شما گرفته شده و این تخلف است.
case-verdict-within =
    ✅ شما { $charged } تومان پرداخته‌اید و مبلغ قانونی در آن روز { $legal } تومان بوده است؛ بیش از مبلغ قانونی گرفته نشده است.
case-verdict-tracking-code = ⚠️ گرفتن پول برای صدور یا بازیابی کد رهگیری، جدا از مبلغ، خود تخلف است: کد رهگیری رایگان است.
case-report-ask-continue = با این حال می‌خواهید گزارش ثبت شود؟
case-report-continue-yes = بله، گزارش ثبت شود
case-report-continue-no = نه، نیازی نیست
case-report-not-sent = گزارشی ثبت نشد. اگر مشکل دیگری بود، دوباره «🚨 گزارش تخلف» را بزنید.
case-report-ask-receipt = اگر رسید یا فیش پرداخت دارید، عکس آن را بفرستید (اختیاری):
case-report-ask-description = کوتاه بنویسید چه اتفاقی افتاد (دست‌کم { $min } و حداکثر { $max } نویسه):
case-report-ask-anonymous = نام شما به دفتر گفته شود؟ (واحد رسیدگی در هر حال گزارش را از این گفتگو می‌بیند.)
case-report-anonymous-yes = 🙈 نه، ناشناس بمانم
case-report-anonymous-no = بله، اشکالی ندارد
case-report-confirm =
    لطفاً گزارش را بررسی کنید:
    دفتر: { $office }
    روز مراجعه: { $day }
    مبلغ پرداختی: { $charged } تومان
    ناشناس نزد دفتر: { $anonymous }
case-report-sent =
    ✅ گزارش شما ثبت شد.
    شماره‌ی پرونده: { $number }
    رسیدگی‌کننده: { $unit }
    تلفن پیگیری: { $phones }
    هر تغییری در پرونده را همین‌جا به شما خبر می‌دهیم؛ در «📂 پرونده‌های من» هم می‌بینید.

case-home-intro = ♿ خدمت در منزل: همکاران ثبت‌نام یا تحویل کارت با دستگاه‌های سیار به منزل افرادی می‌آیند که معلولیت حرکتی دارند. چند پرسش کوتاه می‌پرسیم.
case-home-ask-need = به چه خدمتی نیاز دارید؟
case-home-need-registration = 📝 ثبت‌نام (عکس و انگشت‌نگاری) در منزل
case-home-need-delivery = 🪪 تحویل کارت در منزل
case-home-need-both = هر دو
case-home-ask-disability = نوع معلولیت حرکتی:
case-home-disability-wheelchair = ویلچر
case-home-disability-bedridden = بستری در منزل
case-home-disability-walking_aid = راه رفتن با عصا یا واکر
case-home-disability-other = مورد دیگر
case-home-ask-disability-text = کوتاه بنویسید (دست‌کم { $min } و حداکثر { $max } نویسه):
case-home-ask-certificate = اگر گواهی پزشکی یا کارت معلولیت دارید، عکس آن را بفرستید (اختیاری):
case-home-member-self = مشخصات متقاضی (نفر { $n }):
case-home-member-next = مشخصات نفر { $n } از اعضای خانوار در همین نشانی:
case-home-national-id-error-empty = کد ملی را ننوشتید.
case-home-national-id-error-not_digits = کد ملی فقط از رقم تشکیل می‌شود.
case-home-national-id-error-wrong_length = کد ملی باید ۱۰ رقم باشد.
case-home-national-id-error-invalid_checksum = این کد ملی معتبر نیست؛ رقم‌ها را با دقت دوباره بنویسید.
case-home-national-id-error-invalid_pattern = این کد ملی معتبر نیست؛ رقم‌ها را با دقت دوباره بنویسید.
case-home-national-id-error-not_text = لطفاً کد ملی را بنویسید.
case-home-national-id-error-duplicate_member = این کد ملی را پیش‌تر در همین درخواست وارد کرده‌اید.
case-home-registry-unavailable = سامانه‌ی ثبت احوال پاسخ نداد؛ مشخصات این نفر را دوباره وارد کنید.
case-home-ask-more = عضو دیگری از خانوار در همین نشانی هم به این خدمت نیاز دارد؟ (حداکثر { $max } نفر)
case-home-more-no = نه، ادامه
case-home-more-yes = ➕ بله، نفر دیگری هم هست
case-home-ask-province = منزل در کدام استان است؟ انتخاب کنید یا بخشی از نام را بنویسید:
case-home-ask-location = موقعیت منزل را بفرستید تا همکاران راحت‌تر پیدا کنند، یا «نوشتن نشانی» را بزنید:
case-home-share-location = 📍 ارسال موقعیت منزل
case-home-type-address = ✍️ نوشتن نشانی
case-home-location-error-choose_button = لطفاً موقعیت را با دکمه بفرستید یا «نوشتن نشانی» را بزنید.
case-home-location-error-not_text = لطفاً موقعیت را با دکمه بفرستید یا «نوشتن نشانی» را بزنید.
case-home-ask-address = نشانی کامل منزل را بنویسید (خیابان، کوچه، پلاک، طبقه و واحد):
case-home-ask-days = چه روزهایی برای آمدن همکاران مناسب است؟
case-home-days-any = هر روز کاری
case-home-days-even = شنبه، دوشنبه، چهارشنبه
case-home-days-odd = یکشنبه، سه‌شنبه، پنجشنبه
case-home-ask-window = چه ساعتی؟
case-home-window-morning = صبح (۸ تا ۱۲)
case-home-window-afternoon = بعدازظهر (۱۲ تا ۱۶)
case-home-window-any = فرقی نمی‌کند
case-home-member-line = { $n }. { $name }: { $registration }
case-home-registration-registered = پیش‌ثبت‌نام و پرداخت انجام شده
case-home-registration-at_home = پیش‌ثبت‌نام و پرداخت در منزل انجام می‌شود
case-home-registration-not_needed = تحویل کارت
case-home-confirm =
    لطفاً درخواست را بررسی کنید:
    خدمت: { $need }
    افراد:
    { $members }
    استان: { $province }
    نشانی: { $address }
    تلفن: { $phone }
    روزها: { $days }، ساعت: { $window }
case-home-sent =
    ✅ درخواست خدمت در منزل ثبت شد.
    شماره‌ی پرونده: { $number }
    رسیدگی‌کننده: { $unit }
    همکاران برای تعیین زمان با شما هماهنگ می‌کنند؛ زمان پیشنهادی را همین‌جا برایتان می‌فرستیم تا تأیید کنید.

case-not-found = این پرونده پیدا نشد.
case-mine-empty = شما هنوز پرونده‌ای ندارید. برای گزارش تخلف یا درخواست خدمت در منزل از منو استفاده کنید.
case-mine-list =
    پرونده‌های شما:
    { $lines }

    پرونده‌ی مورد نظر را انتخاب کنید:
case-list-line = • { $number } — { $kind } — { $status } ({ $at })
case-kind-home_service = خدمت در منزل
case-kind-overcharge = گزارش تخلف
case-kind-complaint = شکایت
case-status-new = ثبت شده، در صف رسیدگی
case-status-taken = در حال رسیدگی
case-status-waiting_citizen = منتظر پاسخ شما
case-status-forwarded = ارجاع شده به واحد دیگر
case-status-visit_scheduled = زمان مراجعه تعیین شده
case-status-resolved = رسیدگی شده
case-status-closed = بسته شده
case-citizen-view =
    📁 پرونده‌ی { $number } — { $kind }
    وضعیت: { $status }
    رسیدگی‌کننده: { $unit }

    سابقه:
    { $timeline }
case-entry-opened = ثبت شد: { $text }
case-entry-note = یادداشت داخلی ({ $who }): { $text }
case-entry-question = پرسش کارشناس: { $text }
case-entry-answer = پاسخ شما: { $text }
case-entry-citizen_info = اطلاعات تکمیلی شما: { $text }
case-entry-taken = کارشناس رسیدگی را آغاز کرد.
case-entry-forwarded = پرونده به { $unitKind ->
    [home_service] واحد خدمت در منزل
   *[hotline] { $officeType ->
        [pishkhan] سامانه‌ی رسیدگی دفاتر پیشخوان دولت
        [post] سامانه‌ی رسیدگی دفاتر پست
        [civil_registration] سامانه‌ی رسیدگی ثبت احوال
       *[other] واحد دیگر
    }
    } ارجاع شد.
case-entry-visit_proposed = زمان پیشنهادی مراجعه به منزل: { $when }
case-entry-visit_confirmed = زمان مراجعه را تأیید کردید.
case-entry-visit_declined = زمان دیگری خواستید.
case-entry-visit_outcome = نتیجه‌ی مراجعه: { $outcome ->
    [application_taken] ثبت‌نام انجام شد
    [card_delivered] کارت تحویل شد
    [both] ثبت‌نام انجام و کارت تحویل شد
   *[not_done] مراجعه انجام نشد؛ زمان تازه‌ای هماهنگ می‌شود
    }
case-entry-resolution = پاسخ نهایی: { $text }
case-entry-closed = پرونده بسته شد.
case-entry-reopened = پرونده دوباره باز شد. { $text }
case-entry-escalated = دیرکرد؛ به سرپرست گزارش شد ({ $reason }).
case-entry-rated = امتیاز شما: { $rating } از ۵
case-mine-visit-yes = ✅ تأیید زمان
case-mine-visit-no = 🔁 زمان دیگری می‌خواهم
case-mine-answer = ✍️ پاسخ به پرسش
case-mine-add-info = ➕ افزودن اطلاعات یا عکس
case-mine-rate = ⭐ امتیاز به پاسخ
case-mine-close = 🗂 بستن پرونده
case-mine-back-to-list = 📂 فهرست پرونده‌ها
case-mine-visit-proposed = 🗓 زمان پیشنهادی مراجعه: { $when }. لطفاً تأیید کنید یا زمان دیگری بخواهید.
case-mine-visit-confirmed = 🗓 زمان مراجعه: { $when }
case-mine-finished = به این پرونده رسیدگی شده است.
case-mine-what-now = چه کاری انجام دهیم؟
case-mine-close-sure = پرونده بسته شود؟ پس از بستن، رسیدگی به آن پایان می‌یابد.
case-mine-close-yes = بله، بسته شود
case-mine-close-no = نه
case-mine-rate-ask = به پاسخی که گرفتید از ۱ تا ۵ چه امتیازی می‌دهید؟
case-rating-1 = ۱
case-rating-2 = ۲
case-rating-3 = ۳
case-rating-4 = ۴
case-rating-5 = ۵
case-mine-done-info = ✅ به پرونده‌ی { $number } اضافه شد و کارشناس آن را می‌بیند.
case-mine-done-close = ✅ پرونده‌ی { $number } بسته شد.
case-mine-done-rate = ✅ سپاس از امتیاز شما.
case-mine-done-visit_yes = ✅ زمان مراجعه تأیید شد. همکاران در همان زمان می‌آیند.
case-mine-done-visit_no = باشد؛ همکاران زمان دیگری پیشنهاد می‌کنند.
case-mine-already = این کار پیش‌تر انجام شده است.
case-mine-not-allowed = در وضعیت کنونی پرونده این کار ممکن نیست.
case-mine-ask-info = اطلاعات تازه را بنویسید یا عکسی بفرستید (حداکثر { $max } نویسه):
case-mine-info-expected = لطفاً متن بنویسید یا عکس بفرستید.
case-button-answer = ✍️ پاسخ دادن
case-button-open = 📂 دیدن پرونده
case-button-not-yours = این دکمه مربوط به گفتگوی شما نیست.

case-notify-taken = 📁 پرونده‌ی { $number }: کارشناس رسیدگی به پرونده‌ی شما را آغاز کرد.
case-notify-question =
    📁 پرونده‌ی { $number }: کارشناس پرسیده است:
    { $text }
    برای پاسخ، دکمه‌ی زیر را بزنید.
case-notify-forwarded = 📁 پرونده‌ی { $number } برای رسیدگی به { $unitKind ->
    [home_service] واحد خدمت در منزل
   *[hotline] { $officeType ->
        [pishkhan] سامانه‌ی رسیدگی دفاتر پیشخوان دولت
        [post] سامانه‌ی رسیدگی دفاتر پست
        [civil_registration] سامانه‌ی رسیدگی ثبت احوال
       *[other] واحد دیگری
    }
    } ارجاع شد.
case-notify-visit_proposed = 📁 پرونده‌ی { $number }: همکاران پیشنهاد می‌کنند { $when } به منزل شما بیایند. لطفاً تأیید کنید یا زمان دیگری بخواهید.
case-notify-visit_outcome = 📁 پرونده‌ی { $number }: { $outcome ->
    [application_taken] ثبت‌نام شما در منزل انجام شد.
    [card_delivered] کارت شما در منزل تحویل شد.
    [both] ثبت‌نام در منزل انجام و کارت تحویل شد.
   *[not_done] مراجعه انجام نشد؛ زمان تازه‌ای با شما هماهنگ می‌شود.
    }
case-notify-resolution =
    📁 پرونده‌ی { $number } رسیدگی شد:
    { $text }
    به این پاسخ از ۱ تا ۵ چه امتیازی می‌دهید؟
case-notify-reopened = 📁 پرونده‌ی { $number } دوباره باز شد و رسیدگی ادامه دارد.

staff-case-overdue =
    ⏰ پرونده‌ی { $number } از مهلت { $reason ->
        [first_response] نخستین پاسخ
        [visit] مراجعه به منزل
       *[resolution] رسیدگی
    } گذشته است.
    { $summary }
staff-case-button-assign = 👤 واگذاری به کارشناس
staff-case-button-forward = ↗️ ارجاع
staff-case-button-open = 📁 دیدن پرونده
case-staff-yes = بله
case-staff-no = خیر
case-staff-source-counter = ثبت کارمند باجه (هزینه‌ی بیش از تعرفه رد شد)
case-staff-source-citizen = گزارش شهروند
case-staff-channel-phone = تماس تلفنی
case-staff-channel-bot = بات
case-staff-details-overcharge =
    دفتر: { $office } | روز مراجعه: { $day } | منبع: { $source }
    پرداختی: { $charged } تومان | قانونی: { $legal } تومان | اضافه: { $over } تومان | پول برای کد رهگیری: { $trackingCode }
case-staff-details-home_service =
    خدمت: { $need } | افراد: { $members }
    معلولیت: { $disability }
    نشانی: { $address } | موقعیت: { $location }
    تلفن: { $phone } | روزها: { $days } | ساعت: { $window }
case-staff-details-complaint = راه ثبت: { $channel }
case-staff-anonymous-yes = بله (نام به دفتر گفته نشود)
case-staff-anonymous-no = خیر
case-staff-card =
    📁 پرونده‌ی { $number } — { $kind }
    وضعیت: { $status } | واحد: { $unit }
    کارشناس: { $assignee } | ناشناس نزد دفتر: { $anonymous }
    مهلت رسیدگی: { $due }
    خلاصه: { $summary }
    { $details }
    پیوست‌ها: { $attachments } | امتیاز: { $rating }

    سابقه (🔒 داخلی، 👁 دیدنی برای شهروند):
    { $timeline }

# The hotline staff's side of the case system.
staff-menu-case-queue = 📥 صف پرونده‌ها
staff-menu-case-number = 🔢 پرونده با شماره
staff-menu-case-caller = ☎️ پرونده برای تماس‌گیرنده
staff-only = این بخش فقط برای کارشناسان و سرپرستان خطوط رسیدگی است.
staff-queue-menu = { $name }، صف پرونده‌های واحد شما:
staff-queue-commands = فرمان‌ها: /cases صف پرونده‌ها، /case پرونده با شماره، /caller پرونده برای تماس‌گیرنده
staff-queue-new = 🆕 تازه ({ $count })
staff-queue-mine = 🙋 پرونده‌های من ({ $count })
staff-queue-waiting = ⏳ منتظر شهروند ({ $count })
staff-queue-overdue = ⏰ دیرکرد ({ $count })
staff-queue-title-new = پرونده‌های تازه
staff-queue-title-mine = پرونده‌های من
staff-queue-title-waiting = منتظر پاسخ شهروند
staff-queue-title-overdue = پرونده‌های دیرکرد
staff-queue-previous = ⬅️ قبلی
staff-queue-next = بعدی ➡️
staff-queue-back = 📥 بازگشت به صف
staff-queue-empty = در «{ $queue }» پرونده‌ای نیست.
staff-queue-page =
    { $queue } ({ $total } پرونده، صفحه‌ی { $page }):
    { $lines }
staff-case-button-take = ✋ برداشتن
staff-case-button-note = 🔒 یادداشت داخلی
staff-case-button-ask = ❓ پرسش از شهروند
staff-case-button-resolve = ✅ پاسخ نهایی
staff-case-button-reopen = ♻️ بازگشایی
staff-case-button-visit = 🗓 پیشنهاد زمان مراجعه
staff-case-button-outcome = 📝 ثبت نتیجه‌ی مراجعه
staff-case-done = ✅ انجام شد. پرونده‌ی { $number }: { $status }
staff-case-already = این کار پیش‌تر انجام شده است (یا همکار دیگری انجام داده است).
staff-case-not-allowed = در وضعیت کنونی پرونده این کار ممکن نیست.
staff-case-out-of-scope = این پرونده در حوزه‌ی کاری شما نیست.
staff-case-found = پرونده پیدا شد:
staff-visit-outcome-ask = نتیجه‌ی مراجعه به منزل:
staff-visit-outcome-taken = ثبت‌نام انجام شد
staff-visit-outcome-delivered = کارت تحویل شد
staff-visit-outcome-both = ثبت‌نام انجام و کارت تحویل شد
staff-visit-outcome-notdone = مراجعه انجام نشد
staff-assign-ask = پرونده به کدام کارشناس واگذار شود؟
staff-ask-note = یادداشت داخلی را بنویسید (شهروند آن را نمی‌بیند؛ { $min } تا { $max } نویسه):
staff-ask-question = پرسش از شهروند را بنویسید (برای شهروند فرستاده می‌شود؛ { $min } تا { $max } نویسه):
staff-ask-resolution = پاسخ نهایی به شهروند را بنویسید؛ اگر رسیدگی با واحد شما نیست، بگویید کجا پیگیری کند ({ $min } تا { $max } نویسه):
staff-ask-reopen = دلیل بازگشایی را بنویسید (برای شهروند فرستاده می‌شود؛ { $min } تا { $max } نویسه):
staff-ask-forward-unit = پرونده به کدام واحد ارجاع شود؟
staff-ask-forward-note = یادداشت ارجاع برای { $unit } را بنویسید (داخلی؛ { $min } تا { $max } نویسه):
case-unit-option-pishkhan = سامانه‌ی رسیدگی دفاتر پیشخوان دولت
case-unit-option-post = سامانه‌ی رسیدگی دفاتر پست
case-unit-option-civil_registration = سامانه‌ی رسیدگی ثبت احوال
case-unit-option-other = واحد دیگر
staff-ask-visit-time = زمان مراجعه را به شکل «سال/ماه/روز ساعت:دقیقه» بنویسید، مثلاً ۱۴۰۵/۰۹/۲۰ ۱۰:۳۰:
staff-visit-time-error-bad_format = زمان را به شکل «۱۴۰۵/۰۹/۲۰ ۱۰:۳۰» بنویسید.
staff-visit-time-error-invalid_date = چنین تاریخی در تقویم نیست.
staff-visit-time-error-in_past = این زمان گذشته است؛ زمانی در آینده بنویسید.
staff-visit-time-error-too_far = زمان مراجعه باید در ۶۰ روز آینده باشد.
staff-ask-case-number = شماره‌ی ۸ رقمی پرونده را بنویسید:
staff-case-number-error-empty = شماره‌ی پرونده را ننوشتید.
staff-case-number-error-not_digits = شماره‌ی پرونده فقط از رقم تشکیل می‌شود.
staff-case-number-error-wrong_length = شماره‌ی پرونده ۸ رقم است.
staff-case-number-error-mistyped = این شماره درست نیست (رقم کنترل آن نمی‌خواند)؛ شماره را دوباره از تماس‌گیرنده بپرسید.
staff-ask-caller-national-id = کد ملی تماس‌گیرنده را بنویسید:
staff-ask-caller-phone = شماره‌ی همراه تماس‌گیرنده را بنویسید:
staff-ask-caller-kind = موضوع تماس:
staff-ask-caller-office-type = درباره‌ی کدام نوع دفتر است؟
staff-caller-no-office = هیچ‌کدام / نامشخص
staff-ask-caller-said = خلاصه‌ی گفته‌های تماس‌گیرنده را بنویسید ({ $min } تا { $max } نویسه):
staff-caller-case-opened =
    ✅ پرونده‌ی { $number } برای تماس‌گیرنده ثبت شد و به { $unit } رفت.
    این شماره را برای پیگیری به تماس‌گیرنده بگویید.
