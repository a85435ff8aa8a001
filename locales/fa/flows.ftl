# Shared by every step-by-step journey.
flow-back = ⬅️ بازگشت
flow-cancel = ❌ انصراف
flow-cancelled = کار نیمه‌تمام لغو شد. به منوی اصلی برگشتید.
flow-old-button = این دکمه مربوط به پیام قبلی است. لطفاً به پرسش آخر پاسخ دهید.
flow-expected-text = لطفاً پاسخ را به صورت متن بفرستید یا از دکمه‌ها استفاده کنید.
flow-progress = پرسش { $step } از { $of }
flow-interrupted = هنوز کار پیشین تمام نشده است. پاسخ‌هایی که داده‌اید محفوظ است: همین‌جا ادامه می‌دهید یا آن را رها می‌کنید و به منوی اصلی می‌روید؟
flow-interrupted-go-on = ▶️ ادامه‌ی همین کار
flow-interrupted-leave = ↩️ رها کردن و رفتن به منو
