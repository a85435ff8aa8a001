# Booking (نوبت‌گیری).
booking-for = نوبت‌گیری برای { $name } 📅
booking-identify = برای نوبت‌گیری، کد ملی و کد رهگیری پیش‌ثبت‌نام را وارد کنید.
booking-ask-person = از این گوشی برای چند نفر پیش‌ثبت‌نام شده است. نوبت را برای چه کسی می‌گیرید؟
booking-person = { $firstName } { $lastName } (کد ملی …{ $end })
booking-person-someone-else = کس دیگری (با کد ملی و کد رهگیری)
booking-no-show-ban =
    چون در نوبت قبلی خود حاضر نشدید، تا سه روز نمی‌توانید نوبت تازه بگیرید.
    نوبت‌گیری برای شما از { $reopensAt } دوباره باز می‌شود.
booking-not-bookable-unpaid = هنوز هزینه‌ی پیش‌ثبت‌نام پرداخت نشده است. ابتدا از منو «پیش‌ثبت‌نام» را انتخاب کنید و پرداخت را کامل کنید.
booking-not-bookable-other = پرونده‌ی شما در مرحله‌ای است که نوبت‌گیری ندارد. برای دیدن وضعیت، «پیگیری وضعیت» را انتخاب کنید.
booking-choice-error-choose_button = لطفاً یکی از دکمه‌ها را انتخاب کنید.

booking-current =
    شما این نوبت را دارید:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
    می‌خواهید زمان را تغییر دهید یا نوبت را لغو کنید؟
booking-reschedule = 🔁 تغییر زمان یا محل
booking-cancel-appointment = 🗑 لغو نوبت
booking-cancel-sure = آیا مطمئنید که می‌خواهید این نوبت را لغو کنید؟
booking-cancel-yes = بله، لغو شود
booking-cancel-keep = نه، نوبتم بماند
booking-kept = نوبت شما بدون تغییر باقی ماند.
booking-cancelled = نوبت شما لغو شد. هر زمان خواستید از منو «نوبت‌گیری» را بزنید و نوبت تازه بگیرید.
booking-cutoff-passed = تغییر یا لغو نوبت فقط تا { $deadline } ممکن بود و این مهلت گذشته است.
booking-refused = این نوبت‌گیری انجام نشد. لطفاً دوباره از منو «نوبت‌گیری» را انتخاب کنید.

booking-ask-mode = دفتر و زمان مراجعه را چطور انتخاب می‌کنید؟
booking-mode-nearest = 📍 نزدیک‌ترین دفترها به من
booking-mode-earliest = ⏱ زودترین نوبت نزدیک من
booking-mode-city = 🏙 انتخاب استان و شهر
booking-ask-type = کدام نوع دفتر؟
booking-type-any = همه‌ی دفترها
booking-office-type-pishkhan = دفتر پیشخوان دولت
booking-office-type-post = دفتر پست
booking-office-type-civil_registration = اداره‌ی ثبت احوال
booking-ask-location =
    موقعیت خود را با دکمه‌ی «ارسال موقعیت من» بفرستید،
    یا نام شهر خود را بنویسید (یا عرض و طول جغرافیایی، مثلاً ۳۵٫۷۰, ۵۱٫۴۱):
booking-share-location = 📍 ارسال موقعیت من
booking-location-error-not_location = موقعیت دریافت نشد. دکمه‌ی «ارسال موقعیت من» را بزنید، نام شهر خود را بنویسید، یا «🏙 انتخاب استان و شهر» را بزنید.
booking-nothing-near = در نزدیکی شما دفتری با نوبت خالی پیدا نشد. نوع دفتر دیگری را امتحان کنید یا استان و شهر را انتخاب کنید.
booking-nearest-list = نزدیک‌ترین دفترها به شما:
booking-earliest-list = زودترین نوبت‌های خالی در نزدیکی شما:
booking-city-list = دفترهای { $city }:
booking-no-office-in-city = در { $city } دفتری برای ثبت‌نام کارت ملی هوشمند نیست. شهر دیگری را انتخاب کنید یا «بازگشت» را بزنید.
booking-office-line = { $n }. { $office }{ $distance } — زودترین نوبت: { $earliest }
booking-office-distance = ، { $km } کیلومتر
booking-office-full = نوبت خالی ندارد
booking-ask-office = دفتر مورد نظر را انتخاب کنید:
booking-office-no-days = این دفتر در روزهای پیش رو نوبت خالی ندارد. دفتر دیگری را انتخاب کنید.
booking-ask-day = روز مراجعه به { $office } را انتخاب کنید:
booking-day-button = { $day } ({ $free } نوبت)
booking-day-full = نوبت‌های این روز پر شد. روز دیگری را انتخاب کنید.
booking-ask-time = ساعت مراجعه را انتخاب کنید یا بنویسید، مثلاً ۱۴:۳۰ (به وقت تهران):

booking-confirm =
    لطفاً نوبت را تأیید کنید:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
booking-confirm-move =
    نوبت شما به این زمان منتقل شود؟ (نوبت فعلی تا انتقال نوبت تازه محفوظ می‌ماند)
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
booking-confirm-button = ✅ تأیید نوبت
booking-done =
    نوبت شما ثبت شد ✅
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
    با اصل شناسنامه‌ی عکس‌دار، کد پستی، نشانی و شماره‌های تلفن ثابت و همراه مراجعه کنید.
    { $reminders }
    اگر حاضر نشوید، تا سه روز نمی‌توانید نوبت تازه بگیرید.
booking-moved =
    نوبت شما منتقل شد ✅
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
    { $reminders }
booking-time-refused-filled = متأسفیم، این زمان همین حالا پر شد. نزدیک‌ترین زمان‌های خالی:
booking-time-refused-passed = این زمان گذشته است. نزدیک‌ترین زمان‌های خالی پیش رو:
booking-time-refused-too_soon = این زمان دیگر خیلی نزدیک است و به آن نمی‌رسید. نزدیک‌ترین زمان‌های خالی پیش رو:
booking-time-refused-day_closed = این دفتر در آن روز تعطیل شده است. نزدیک‌ترین زمان‌های خالی:
booking-time-refused-office_closed = این دفتر دیگر نوبت نمی‌دهد. نزدیک‌ترین زمان‌های خالی در دفترهای دیگر:
booking-time-refused-changed = برنامه‌ی این دفتر تغییر کرده و این زمان دیگر نوبت ندارد. نزدیک‌ترین زمان‌های خالی:
booking-fixed-warning = توجه: این نوبت کمتر از { $cutoff } ساعت دیگر است؛ پس از تأیید، دیگر نمی‌توانید آن را تغییر دهید یا لغو کنید. اگر حاضر نشوید، تا سه روز نمی‌توانید نوبت تازه بگیرید.
booking-reminders-both = یک روز پیش و دو ساعت پیش از نوبت یادآوری می‌فرستیم.
booking-reminders-day-before = یک روز پیش از نوبت یادآوری می‌فرستیم.
booking-reminders-two-hours = دو ساعت پیش از نوبت یادآوری می‌فرستیم.
booking-reminders-none = برای این نوبت یادآوری فرستاده نمی‌شود؛ تاریخ و ساعت آن را یادداشت کنید.
booking-no-alternatives = زمان خالی نزدیکی پیدا نشد؛ لطفاً دفتر یا روز دیگری انتخاب کنید.
booking-alternative = { $n }) { $office }: { $at }
booking-ask-alternative = یکی از این زمان‌ها را انتخاب کنید یا «بازگشت» را بزنید:

# Messages sent outside the conversation (reminders, missed appointments, closed offices).
booking-reminder-day-before =
    یادآوری نوبت فردا 📅
    🏢 { $office }
    📍 { $address }
    📅 { $date }، ساعت { $time }
    اصل شناسنامه‌ی عکس‌دار، کد پستی، نشانی و شماره‌های تلفن ثابت و همراه را همراه داشته باشید.
booking-reminder-two-hours =
    یادآوری: نوبت شما حدود دو ساعت دیگر است ⏰
    🏢 { $office }
    📍 { $address }
    📅 { $date }، ساعت { $time }
    اصل شناسنامه‌ی عکس‌دار، کد پستی، نشانی و شماره‌های تلفن ثابت و همراه را همراه داشته باشید.
booking-missed =
    در نوبت خود حاضر نشدید. تا { $reopensAt } نمی‌توانید نوبت تازه بگیرید؛ پس از آن از منو «نوبت‌گیری» را بزنید.
booking-office-closed =
    { $office } روز { $date } تعطیل شد و نوبت شما در آن روز لغو شد. پوزش می‌خواهیم.
    برای گرفتن نوبت تازه دکمه‌ی زیر یا «نوبت‌گیری» در منو را بزنید.
booking-rebook-button = 📅 گرفتن نوبت تازه
booking-current-fixed =
    شما این نوبت را دارید:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
    مهلت تغییر یا لغو آن ({ $deadline }) گذشته است؛ لطفاً سر وقت مراجعه کنید.
booking-ask-province = استان دفتر مورد نظر را انتخاب کنید یا بخشی از نام آن را بنویسید:
booking-ask-city = شهر دفتر مورد نظر در استان { $province } را انتخاب کنید یا بخشی از نام آن را بنویسید:
booking-mode-day = 📆 اول روز، بعد ساعت
booking-ask-day-nearby = روز مراجعه را انتخاب کنید (نوبت‌های خالی دفترهای نزدیک شما):
booking-time-at-office = { $time } — { $office }
booking-office-title = { $name } ({ $type })
booking-page-previous = ▶️ صفحه‌ی قبل ({ $page } از { $pages })
booking-page-next = صفحه‌ی بعد ({ $page } از { $pages }) ◀️
booking-time-error-choose_button = یکی از ساعت‌ها را انتخاب کنید یا ساعت را به شکل ۱۴:۳۰ بنویسید.
booking-time-error-not_free = این ساعت در این روز نوبت خالی ندارد. یکی از ساعت‌های فهرست را انتخاب کنید (با «صفحه‌ی بعد» ساعت‌های دیگر را ببینید).
booking-location-city-unknown = شهری به نام «{ $city }» پیدا نشد. نام شهر را دوباره بنویسید، موقعیت خود را بفرستید یا «🏙 انتخاب استان و شهر» را بزنید.
booking-ask-which-city = کدام شهر؟
booking-city-in-province = { $city } (استان { $province })
booking-location-from-city = دفترهای نزدیک به مرکز شهر { $city } را نشان می‌دهیم.
booking-type-with-count = { $type } ({ $count } دفتر)
booking-ask-type-in-city = در { $city } کدام نوع دفتر را می‌خواهید؟
