# English texts of the smart national ID card bot (translation of locales/fa/main.ftl; Persian is the default).

## Main menu
menu-pre-registration = 📝 Pre-registration
menu-booking = 📅 Book an appointment
menu-status = 🔎 Check status
menu-recovery = 🔑 Recover tracking code
menu-pickup = 📍 Where to collect the card
menu-home-service = ♿ Home service for disabled people
menu-violation = 🚨 Report a violation
menu-fees-documents = 💰 Fees and documents
menu-help = ❓ Help
menu-placeholder = Choose an option from the menu

welcome =
    Hello { $name }, welcome to the smart national ID card bot. 🇮🇷
    Here you can pre-register, pay the fee, book an appointment and check the status of your card.
    Choose an option from the menu below.
welcome-anonymous =
    Hello, welcome to the smart national ID card bot. 🇮🇷
    Choose an option from the menu below.
main-menu-again = Main menu 👇

journey-not-available =
    "{ $journey }" is not available in this bot yet.
    It is coming soon; meanwhile you can use the other options of the menu.

help =
    Smart national ID card bot, help:
    • Pre-registration: enter your details, pay the fee and get a tracking code
    • Book an appointment: choose an office and a time for your visit
    • Check status: with your national ID and tracking code
    • Recover tracking code: with your national ID and date of birth
    • Where to collect the card: the address of the office that hands over your card
    Send /start at any time to return to the main menu.
    Registration and booking are online, but completing the registration (photo and fingerprints) is in person.

## Errors and unexpected updates
error-apology =
    Sorry, something went wrong while handling your message. 🙏
    Please try again. If it keeps happening, give this error reference to support: { $ref }
unhandled-text = I did not understand that. Please choose an option from the menu.
unhandled-sticker = Got your sticker 🙂 To go on, choose an option from the menu.
unhandled-photo = This bot does not take photos; your photo is taken at the registration office. Choose an option from the menu.
unhandled-media = I cannot handle this kind of message. Please use the menu.
unhandled-edited = Edits to earlier messages are not taken into account. Please send the right answer again.
unhandled-old-button = This button belongs to an old message and no longer works. Start again from the main menu.
group-private-only = This bot works only in a private chat, so that others do not see your details. Please talk to the bot in a private message.
flood-slow-down = Your messages arrived too fast. Please wait a minute and send again.

## Commands listed by the platform (setMyCommands)
command-start = Start and main menu
command-menu = Show the main menu
command-help = Help
command-cancel = Cancel what you are doing
command-cancel-nothing = There is nothing to cancel. Choose an option from the menu.
