// «🚨 گزارش تخلف»: the office, the day, what was charged, the verdict against the legal fees in force, then the
// receipt, a description, anonymity, and the case number with the hotline of that office type.
import type { FlowContext } from "../../bot/context.js";
import type { Charges, OverchargeVerdict } from "../../domain/cases/overcharge.js";
import { evaluateCharges } from "../../domain/cases/overcharge.js";
import { MAX_ENTRY_TEXT, MIN_DESCRIPTION_TEXT } from "../../domain/cases/case-entry.js";
import { jalaliDateToString, type JalaliDate } from "../../domain/time/jalali.js";
import { formatJalaliDateOnly, formatToman } from "../../domain/time/persian-format.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../../domain/time/tehran-clock.js";
import type { Flow } from "../flow.js";
import { leave } from "../kit/ask.js";
import { amountQuestion, askPhoto, askValue, choiceQuestion, pastDayQuestion, textQuestion } from "./case-questions.js";
import { openAndTell, refuseIfOverLimit } from "./case-opening.js";
import type { CaseServices } from "./case-services.js";
import { pickOffice, type PickedOffice } from "./office-picker.js";

const ITEM_QUESTIONS = [
  ["completion", "case-report-ask-item-completion"],
  ["tracking_code", "case-report-ask-item-tracking_code"],
  ["other", "case-report-ask-item-other"],
] as const;

export function overchargeReportFlow(services: CaseServices): Flow {
  return {
    id: "overcharge-report",
    menuKey: "menu-violation",
    async run(conversation, ctx) {
      await refuseIfOverLimit(conversation, ctx, services);
      await ctx.reply(ctx.t("case-report-intro"));
      const office = await pickOffice(conversation, ctx, services);
      const today = await conversation.external(() => jalaliDateInTehran(new Date()));
      const day = await askValue(conversation, ctx, pastDayQuestion(ctx, "case-report-ask-day", today));
      const mode = await askValue(
        conversation,
        ctx,
        choiceQuestion(ctx, "case-report-ask-mode", [
          ["total", "case-report-mode-total"],
          ["items", "case-report-mode-items"],
        ]),
      );
      let charges: Charges;
      if (mode === "total") {
        charges = { kind: "total", rial: await askValue(conversation, ctx, amountQuestion(ctx, "case-report-ask-total")) };
      } else {
        const items = [];
        for (const [item, prompt] of ITEM_QUESTIONS)
          items.push({ item, rial: await askValue(conversation, ctx, amountQuestion(ctx, prompt, { zeroButton: true })) });
        charges = { kind: "items", items };
      }
      const verdict = await conversation.external(() => judge(services, office, day, charges));
      await ctx.reply(verdictText(ctx, verdict));
      if (!verdict.violation) {
        const goOn = await askValue(
          conversation,
          ctx,
          choiceQuestion(ctx, "case-report-ask-continue", [
            ["yes", "case-report-continue-yes"],
            ["no", "case-report-continue-no"],
          ]),
        );
        if (goOn === "no") await leave(conversation, ctx, "case-report-not-sent");
      }
      const receipt = await askPhoto(conversation, ctx, "case-report-ask-receipt", "receipt", { optional: true, back: false });
      const description = await askValue(conversation, ctx, textQuestion("case-report-ask-description", MIN_DESCRIPTION_TEXT, MAX_ENTRY_TEXT));
      const anonymous = await askValue(
        conversation,
        ctx,
        choiceQuestion(ctx, "case-report-ask-anonymous", [
          ["yes", "case-report-anonymous-yes"],
          ["no", "case-report-anonymous-no"],
        ]),
      );
      const confirm = await askValue(
        conversation,
        ctx,
        choiceQuestion(
          ctx,
          "case-report-confirm",
          [
            ["send", "case-send"],
            ["cancel", "flow-cancel"],
          ],
          {
            params: {
              office: office.name,
              day: formatJalaliDateOnly(day),
              charged: formatToman(verdict.chargedRial),
              anonymous: ctx.t(anonymous === "yes" ? "case-report-anonymous-yes" : "case-report-anonymous-no"),
            },
          },
        ),
      );
      if (confirm === "cancel") await leave(conversation, ctx);
      await openAndTell(
        conversation,
        ctx,
        services,
        {
          kind: "overcharge",
          officeId: office.id,
          officeType: office.type,
          provinceId: office.provinceId,
          anonymous: anonymous === "yes",
          summary: office.name,
          details: { office: office.name, officeType: office.type, visitDay: jalaliDateToString(day), charges, ...verdict },
          description,
          attachments: receipt.kind === "answer" && receipt.value ? [receipt.value] : [],
        },
        "case-report-sent",
      );
    },
  };
}

/** The legal fees in force on the day of the visit, in the office's city. */
async function judge(services: CaseServices, office: PickedOffice, day: JalaliDate, charges: Charges): Promise<OverchargeVerdict> {
  const tariff = await services.tariffs.inForce(tehranWallTimeToInstant(day, 12, 0));
  const city = await services.places.city(office.cityId);
  return evaluateCharges(charges, tariff, { isMetropolis: city?.isMetropolis ?? false, completionFeeRial: city?.completionFeeRial });
}

function verdictText(ctx: FlowContext, verdict: OverchargeVerdict): string {
  const lines = [
    ctx.t(verdict.overRial > 0 ? "case-verdict-over" : "case-verdict-within", {
      charged: formatToman(verdict.chargedRial),
      legal: formatToman(verdict.legalRial),
      over: formatToman(verdict.overRial),
    }),
  ];
  if (verdict.trackingCodeCharged) lines.push(ctx.t("case-verdict-tracking-code"));
  return lines.join("\n\n");
}
