# Shared by every step-by-step journey.
flow-back = ⬅️ Back
flow-cancel = ❌ Cancel
flow-cancelled = The unfinished task was cancelled. You are back at the main menu.
flow-old-button = This button belongs to an earlier message. Please answer the last question.
flow-expected-text = Please send your answer as text or use the buttons.
flow-progress = Question { $step } of { $of }
flow-interrupted = You are in the middle of something. Your answers so far are kept: carry on where you were, or drop it and go to the main menu?
flow-interrupted-go-on = ▶️ Carry on where I was
flow-interrupted-leave = ↩️ Drop it and go to the menu
