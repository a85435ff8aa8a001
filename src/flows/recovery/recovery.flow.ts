// Tracking-code recovery: national ID + birth date → the code, in this chat.
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationStore } from "../../domain/application/application-store.js";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { isSameJalaliDate } from "../../domain/time/jalali.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import { ask } from "../kit/ask.js";
import { birthDateQuestion, nationalIdQuestion } from "../pre-registration/questions.js";
import { guessingKeys, refuseIfBlocked } from "../kit/find-by-tracking-code.js";

export interface RecoveryServices {
  applications: ApplicationStore;
  limiter: AttemptLimiter;
}

export function recoveryFlow(services: RecoveryServices): Flow {
  return {
    id: "recovery",
    menuKey: "menu-recovery",
    async run(conversation, ctx) {
      const today = jalaliDateInTehran(new Date(await conversation.now()));
      await ctx.reply(ctx.t("recovery-intro"));
      // Back, or a pair that finds no code, starts again from the national ID: rewound, so the log keeps none of it.
      const again = conversation.checkpoint();
      const nationalId = await ask(conversation, ctx, nationalIdQuestion(false));
      if (nationalId.kind === "back") return conversation.rewind(again);
      const keys = await guessingKeys(conversation, ctx, services.applications, "recovery", nationalId.value);
      await refuseIfBlocked(conversation, ctx, services.limiter, keys);
      const birthDate = await ask(conversation, ctx, birthDateQuestion(today));
      if (birthDate.kind === "back") return conversation.rewind(again);

      const code = await conversation.external(async () => {
        const application = await services.applications.findLive(nationalId.value);
        // Unknown ID, wrong birth date and "registered but not paid" all read the same to a guesser.
        if (application?.trackingCode && isSameJalaliDate(application.birthDate, birthDate.value)) return application.trackingCode;
        await services.limiter.recordFailure(keys);
        return null;
      });
      if (!code) {
        await ctx.reply(ctx.t("recovery-not-found"));
        return conversation.rewind(again);
      }
      await ctx.reply(ctx.t("recovery-found", { trackingCode: toPersianDigits(formatTrackingCode(code as TrackingCode)) }), {
        reply_markup: mainMenuKeyboard(ctx),
      });
    },
  };
}
