# Status check (پیگیری وضعیت) and tracking-code recovery (بازیابی کد رهگیری).
status-ask-tracking-code = کد رهگیری ۱۲ رقمی را بنویسید (خط تیره و فاصله اشکالی ندارد):
status-tracking-code-error-empty = کد رهگیری را ننوشتید.
status-tracking-code-error-not_digits = کد رهگیری فقط از رقم تشکیل می‌شود.
status-tracking-code-error-wrong_length = کد رهگیری باید ۱۲ رقم باشد.
status-tracking-code-error-mistyped = این کد رهگیری اشتباه تایپ شده است (رقم کنترل آن نمی‌خواند). لطفاً رقم‌ها را با دقت دوباره بنویسید.
status-tracking-code-reversed = این کد رهگیری پیدا نشد؛ شاید گروه‌های چهاررقمی آن جابه‌جا نوشته شده‌اند. کد را گروه به گروه، از چپ به راست همان‌طور که در پیام کد رهگیری آمده، دوباره بنویسید.
status-not-found =
    پرونده‌ای با این کد ملی و این کد رهگیری پیدا نشد.
    اگر کد رهگیری را ندارید، از منو «بازیابی کد رهگیری» را انتخاب کنید. دوباره امتحان کنید:
lookup-blocked =
    به دلیل تلاش‌های ناموفق پی‌درپی، این بررسی موقتاً بسته شده است.
    لطفاً از { $until } دوباره تلاش کنید.

status-result =
    { $name } عزیز، وضعیت پرونده‌ی شما: { $stage }

    سابقه:
    { $timeline }

    گام بعدی: { $next }
status-timeline-line = • { $stage }: { $at }
status-stage-awaiting_payment = در انتظار پرداخت
status-stage-paid = پرداخت شده، در انتظار نوبت‌گیری
status-stage-booked = نوبت گرفته شده
status-stage-no_show = عدم حضور در نوبت
status-stage-completed_in_person = ثبت‌نام حضوری تکمیل شد
status-stage-in_production = در حال صدور کارت
status-stage-ready_for_pickup = کارت آماده‌ی تحویل است
status-stage-delivered = کارت تحویل داده شد
status-stage-cancelled = لغو شده
status-next-awaiting_payment = هزینه‌ی پیش‌ثبت‌نام را بپردازید؛ از منو «پیش‌ثبت‌نام» را دوباره انتخاب کنید.
status-next-paid = از منو «نوبت‌گیری» را انتخاب کنید و زمان و محل مراجعه را تعیین کنید.
status-next-booked = در زمان نوبت با اصل شناسنامه‌ی عکس‌دار، کد پستی، نشانی و شماره‌های تلفن به دفتر مراجعه کنید.
status-next-no_show = در نوبت خود حاضر نشدید. تا سه روز پس از آن نوبت نمی‌توانید نوبت تازه بگیرید؛ پس از آن از منو «نوبت‌گیری» را بزنید.
status-next-completed_in_person = کارت شما ۱۵ روز تا یک ماه پس از مراجعه‌ی حضوری صادر می‌شود.
status-next-in_production = کارت شما در حال صدور است.
status-next-card-window = کارت شما بین { $from } و { $to } آماده می‌شود.
status-next-ready_for_pickup = برای دریافت کارت به دفتر تحویل مراجعه کنید؛ هزینه‌ی تحویل { $deliveryFee } تومان است.
status-next-delivered = کارت ملی هوشمند به شما تحویل داده شده است.
status-next-cancelled = این پرونده لغو شده است. برای ثبت‌نام تازه، «پیش‌ثبت‌نام» را انتخاب کنید.

recovery-intro =
    بازیابی کد رهگیری 🔑
    کد ملی و تاریخ تولد خود را بنویسید تا کد رهگیری همین‌جا برایتان فرستاده شود. این کار رایگان است.
recovery-not-found =
    با این کد ملی و تاریخ تولد، پیش‌ثبت‌نام پرداخت‌شده‌ای پیدا نشد.
    اگر هنوز پیش‌ثبت‌نام نکرده‌اید یا پرداخت را تمام نکرده‌اید، «پیش‌ثبت‌نام» را از منو انتخاب کنید. دوباره امتحان کنید:
recovery-found =
    کد رهگیری شما: { $trackingCode }
    آن را نگه دارید؛ برای پیگیری وضعیت و نوبت‌گیری لازم است.
status-next-booked-at =
    در زمان نوبت با اصل شناسنامه‌ی عکس‌دار، کد پستی، نشانی و شماره‌های تلفن مراجعه کنید:
    🏢 { $office }
    📍 { $address }
    ☎️ { $phone }
    📅 { $date }، ساعت { $time }
status-next-no-show-until = در نوبت خود حاضر نشدید. نوبت‌گیری برای شما از { $until } دوباره باز می‌شود.
status-timeline-appointment-cancelled = نوبت لغو شد، در انتظار نوبت تازه
