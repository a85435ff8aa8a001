# The staff side: enrolment, the staff menu, the operator's panel, the admin's panel.
staff-refused = این کار فقط برای کارکنان مجاز است. اگر فکر می‌کنید اشتباهی رخ داده، با مدیر سامانه تماس بگیرید.
staff-enrolled =
    { $name } عزیز، به بخش کارکنان خوش آمدید. ✅
    نقش شما: { $role } { $office }
    از منوی پایین استفاده کنید.
staff-menu-hello =
    منوی کارکنان — { $role } { $office }
    یکی از گزینه‌ها را انتخاب کنید.
staff-enrol-invite_unknown = این پیوند دعوت معتبر نیست. از مدیر سامانه پیوند تازه بخواهید.
staff-enrol-invite_expired = مهلت این پیوند دعوت تمام شده است. از مدیر سامانه پیوند تازه بخواهید.
staff-enrol-invite_used = این پیوند دعوت قبلاً استفاده شده است؛ هر پیوند فقط یک بار کار می‌کند.
staff-enrol-invite_revoked = این پیوند دعوت لغو شده است.
staff-enrol-already_staff = شما هم‌اکنون در بخش کارکنان نقش دارید. برای دیدن منو /staff را بفرستید.
staff-to-citizen-menu = منوی شهروندی 👇 (برای بازگشت به منوی کارکنان /staff را بفرستید)

staff-menu-today = 📋 نوبت‌های امروز
staff-menu-tomorrow = 🗓 نوبت‌های فردا
staff-menu-find = 🔎 یافتن متقاضی
staff-menu-uncollected = 📦 کارت‌های تحویل‌نشده
staff-menu-incoming = 🚚 کارت‌های در راه
staff-menu-citizen = 🏠 منوی شهروندی
staff-menu-invite = ➕ دعوت از کارمند
staff-menu-revoke = ⛔ لغو دسترسی
staff-menu-office-trail = 🧾 سابقه‌ی یک دفتر

staff-role-admin = مدیر سامانه
staff-role-operator = کارمند دفتر
staff-role-hotline_agent = کارشناس پاسخ‌گویی
staff-role-supervisor = سرپرست
staff-actor-cli = خط فرمان
staff-actor-system = سامانه
staff-actor-citizen = خود متقاضی
staff-actor-member = کارمند شماره‌ی { $id } ({ $role })

staff-page-previous = ◀️ قبلی
staff-page-next = بعدی ▶️
staff-appointments-today = نوبت‌های امروز دفتر شما (صفحه‌ی { $page }):
staff-appointments-tomorrow = نوبت‌های فردای دفتر شما (صفحه‌ی { $page }):
staff-appointments-none-today = امروز نوبتی در دفتر شما ثبت نشده است.
staff-appointments-none-tomorrow = برای فردا نوبتی در دفتر شما ثبت نشده است.
staff-appointment-button = { $time } — { $name } — { $status }
staff-appointment-status-active = در انتظار
staff-appointment-status-checked_in = پذیرش شده
staff-appointment-status-completed = تکمیل شده
staff-appointment-status-no_show = غایب
staff-appointment-status-cancelled = لغو شده
staff-appointment-status-moved = جابه‌جا شده

staff-visit-card =
    👤 { $name }
    📅 { $at }
    وضعیت: { $status }

    { $checklist }
    💰 { $fee }
staff-item-birth_certificate = اصل شناسنامه‌ی عکس‌دار
staff-item-postal_code = کد پستی
staff-item-address = نشانی محل سکونت
staff-item-phones = تلفن ثابت و همراه
staff-item-photo = عکس زنده گرفته شد
staff-item-fingerprints = اثر انگشت گرفته شد
staff-item-fee = هزینه‌ی تکمیل ثبت‌نام
staff-fee-not-recorded = هزینه‌ی تکمیل هنوز ثبت نشده (سقف مجاز: { $cap } تومان)
staff-fee-recorded = هزینه‌ی دریافت‌شده: { $fee } تومان (سقف مجاز: { $cap } تومان)
staff-button-check-in = ✅ پذیرش (حاضر شد)
staff-button-no-show = 🚫 ثبت غیبت
staff-button-item = ☑️ { $item }
staff-button-fee = 💰 ثبت هزینه‌ی تکمیل
staff-button-complete = 🏁 تکمیل و ارسال برای صدور
staff-button-open-visit = 📂 پرونده‌ی نوبت
staff-button-deliver = 📦 تحویل کارت
staff-button-receive = 📥 دریافت کارت منتقل‌شده
staff-button-trail = 🧾 سابقه‌ی این متقاضی

staff-done-check-in = پذیرش ثبت شد.
staff-done-item = «{ $item }» ثبت شد.
staff-done-complete = ثبت‌نام حضوری تکمیل شد و کارت برای صدور فرستاده شد.
staff-done-no-show = غیبت ثبت شد؛ متقاضی تا سه روز نمی‌تواند نوبت تازه بگیرد.
staff-done-receive = کارت در دفتر شما دریافت شد و به متقاضی خبر داده می‌شود.
staff-done-fee = هزینه‌ی { $fee } تومان ثبت شد.
staff-done-deliver = کارت تحویل داده شد و به متقاضی خبر داده می‌شود. ✅
staff-completed = به متقاضی گفته شد که کارت بین { $from } و { $to } آماده می‌شود.
staff-outcome-already = این کار قبلاً انجام شده است؛ دوباره ثبت نشد.
staff-outcome-not_found = این پرونده پیدا نشد.
staff-outcome-out_of_scope = این پرونده مربوط به دفتر شما نیست.
staff-outcome-wrong_state = این کار در وضعیت فعلی پرونده ممکن نیست.
staff-outcome-outside_window = پذیرش فقط از { $opensAt } تا { $closesAt } ممکن است.
staff-outcome-too_early = غیبت را پس از زمان نوبت ({ $from }) می‌توان ثبت کرد.
staff-outcome-incomplete = پیش از تکمیل، این موارد را ثبت کنید: { $missing }
staff-outcome-fee_above_tariff =
    این مبلغ بیش از تعرفه‌ی قانونی ({ $cap } تومان) است و پذیرفته نشد.
    این مورد به عنوان تخلف در سابقه ثبت شد.

staff-fee-ask = مبلغ دریافت‌شده برای تکمیل ثبت‌نام را به تومان بنویسید (سقف مجاز: { $cap } تومان):
staff-fee-error-not_amount = مبلغ را فقط با رقم و به تومان بنویسید، مثلاً ۹۰۰۰.

staff-find-ask = کد رهگیری ۱۲ رقمی یا کد ملی ۱۰ رقمی متقاضی را بنویسید:
staff-find-error-not_a_code = این نه کد رهگیری معتبر است نه کد ملی معتبر. دوباره بنویسید.
staff-find-not-found = پرونده‌ای با این کد پیدا نشد. دوباره امتحان کنید یا «انصراف» را بزنید.
staff-find-done = منوی کارکنان 👇
staff-applicant =
    👤 { $name }
    وضعیت: { $stage }
    { $card }
    { $appointment }
staff-applicant-no-card = 🪪 کارت هنوز صادر نشده است.
staff-applicant-card-ready = 🪪 کارت در «{ $office }» آماده‌ی تحویل است.
staff-applicant-card-delivered = 🪪 کارت در «{ $office }» تحویل داده شده است.
staff-applicant-card-in-transit = 🪪 کارت از «{ $from }» در راه «{ $to }» است.
staff-applicant-appointment = 📅 نوبت: { $office }، { $at } ({ $status })
staff-applicant-no-appointment = 📅 نوبتی ثبت نشده است.

staff-uncollected = کارت‌های تحویل‌نشده‌ی دفتر شما، قدیمی‌ترها اول (صفحه‌ی { $page }):
staff-uncollected-none = کارت تحویل‌نشده‌ای در دفتر شما نیست.
staff-uncollected-button = { $name } — { $age } روز در انتظار — { $left } روز تا پایان نگهداری
staff-incoming = کارت‌هایی که به دفتر شما منتقل می‌شوند؛ پس از رسیدن، «دریافت» را بزنید:
staff-incoming-none = کارتی در راه دفتر شما نیست.
staff-incoming-button = 📥 { $name } — از { $from }

staff-deliver-intro = تحویل کارت { $name }: ابتدا هویت متقاضی را بررسی کنید.
staff-deliver-ask-national-id = کد ملی تحویل‌گیرنده‌ی کارت (صاحب کارت) را بنویسید:
staff-deliver-identity-mismatch = کد ملی و کد رهگیری با این کارت نمی‌خواند. دوباره بنویسید.
staff-deliver-identity-failed = هویت تأیید نشد و کارت تحویل داده نشد.
staff-deliver-ask-fingerprint = اثر انگشت صاحب کارت را با دستگاه بررسی کنید. آیا اثر انگشت مطابقت دارد؟
staff-deliver-fingerprint-yes = ✅ اثر انگشت مطابقت دارد
staff-deliver-fingerprint-no = ❌ مطابقت ندارد
staff-deliver-fingerprint-failed = بدون تطبیق اثر انگشت، کارت تحویل داده نمی‌شود.
staff-deliver-ask-recipient = کارت به چه کسی تحویل داده می‌شود؟
staff-deliver-to-holder = خود صاحب کارت
staff-deliver-to-representative = نماینده‌ی صاحب کارت
staff-deliver-ask-representative-name = نام و نام خانوادگی نماینده را بنویسید:
staff-deliver-ask-representative-id = کد ملی نماینده را بنویسید:
staff-deliver-ask-fee = هزینه‌ی تحویل دریافت‌شده را به تومان بنویسید (تعرفه: { $cap } تومان):
staff-choice-error-choose_button = لطفاً یکی از دکمه‌ها را انتخاب کنید.

staff-invite-ask-role = برای چه نقشی دعوت می‌کنید؟
staff-invite-ask-office = کد دفتر را بنویسید (همان کد فایل دفترها):
staff-office-code-error-unknown = دفتری با این کد پیدا نشد. دوباره بنویسید.
staff-invite-created =
    پیوند دعوت برای { $role } { $office } ساخته شد. فقط یک بار کار می‌کند و تا { $until } معتبر است:
    { $link }
    یا این پیام را به بات بفرستد:
    { $command }
staff-invite-done = منوی کارکنان 👇
staff-revoke-choose = دسترسی چه کسی لغو شود؟
staff-revoke-none = کارمند دیگری ثبت نشده است.
staff-revoke-button = ⛔ { $id } — { $name } — { $role } { $office }
staff-revoked = دسترسی لغو شد؛ دکمه‌های قبلی او دیگر کاری نمی‌کنند.
staff-trail-ask-office = کد دفتری که سابقه‌اش را می‌خواهید بنویسید:
staff-trail-done = منوی کارکنان 👇
staff-audit-office = 🧾 سابقه‌ی «{ $office }»، تازه‌ترها اول (صفحه‌ی { $page }):
staff-audit-applicant = 🧾 سابقه‌ی متقاضی، تازه‌ترها اول (صفحه‌ی { $page }):
staff-audit-empty = موردی ثبت نشده است.
staff-audit-line = • { $at } — { $actor } — { $action } — { $outcome }
staff-audit-outcome-done = انجام شد
staff-audit-outcome-refused = رد شد
staff-audit-outcome-violation = ⚠️ تخلف
staff-audit-action-staff-invite = ساخت دعوت
staff-audit-action-staff-enrol = عضویت با دعوت
staff-audit-action-staff-enrol_admin = ثبت مدیر
staff-audit-action-staff-revoke = لغو دسترسی
staff-audit-action-visit-check_in = پذیرش
staff-audit-action-visit-record_item = ثبت مدرک یا عکس یا اثر انگشت
staff-audit-action-visit-record_fee = ثبت هزینه‌ی تکمیل
staff-audit-action-visit-complete = تکمیل ثبت‌نام حضوری
staff-audit-action-visit-no_show = ثبت غیبت
staff-audit-action-card-import = ورود کارت صادرشده
staff-audit-action-card-transfer_request = درخواست انتقال کارت
staff-audit-action-card-receive = دریافت کارت منتقل‌شده
staff-audit-action-card-deliver = تحویل کارت
staff-audit-action-applicant-find = جست‌وجوی متقاضی
staff-audit-action-audit-read = مشاهده‌ی سابقه
