// Pre-registration: one question at a time, a summary to correct, then the fee payment link.
import { InlineKeyboard, Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import { checkEligibility, type CivilRegistry } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { StartedPayment } from "../../domain/payment/start-payment.js";
import type { City, PlaceDirectory, Province } from "../../domain/places/place-directory.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatJalaliDateOnly, formatTehranTime, formatToman } from "../../domain/time/persian-format.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import { ask, leave, type Question } from "../kit/ask.js";
import { inRows, isCancel } from "../kit/navigation.js";
import { fail, ok } from "../../domain/shared/result.js";
import * as q from "./questions.js";

export interface PreRegistrationServices {
  registry: CivilRegistry;
  applications: ApplicationStore;
  places: PlaceDirectory;
  tariffs: TariffBook;
  startPayment(input: { applicationId: string; amountRial: number; chatId: number; mobile: string; description: string }): Promise<StartedPayment>;
}

/** The answers in the order they are asked; the summary lists them in the same order. */
const STEPS = [
  "nationalId",
  "birthDate",
  "abroad",
  "firstName",
  "lastName",
  "fatherName",
  "mobile",
  "landline",
  "postalCode",
  "address",
  "province",
  "city",
] as const;
type Step = (typeof STEPS)[number];

interface Answers {
  nationalId: string;
  birthDate: JalaliDate;
  abroad: boolean;
  firstName: string;
  lastName: string;
  fatherName: string;
  mobile: string;
  landline: string;
  postalCode: string;
  address: string;
  province: Province;
  city: City;
}

/** Steps the summary offers to change (abroad is settled: a yes ends the flow). */
const EDITABLE: Step[] = STEPS.filter((step) => step !== "abroad" && step !== "city");

export function preRegistrationFlow(services: PreRegistrationServices): Flow {
  return {
    id: "pre-registration",
    menuKey: "menu-pre-registration",
    async run(conversation, ctx) {
      const today = jalaliDateInTehran(new Date(await conversation.now()));
      const answers: Partial<Answers> = {};
      await ctx.reply(ctx.t("prereg-intro"));

      let index = 0;
      while (index < STEPS.length) {
        const step = STEPS[index]!;
        const answered = await askStep(conversation, ctx, services, step, answers, today, index > 0);
        if (!answered) {
          index = Math.max(0, index - 1);
          continue;
        }
        if (step === "birthDate" && !(await passesRegistryChecks(conversation, ctx, services, answers))) {
          index = 0; // ineligible: ask for the national ID again, keep nothing else that depends on it
          continue;
        }
        if (step === "abroad" && answers.abroad) await leave(conversation, ctx, "prereg-abroad-answer");
        index++;
      }

      await reviewSummary(conversation, ctx, services, answers as Answers, today);
      await payFee(conversation, ctx, services, answers as Answers);
    },
  };
}

/** Asks one step and stores its answer; false when the citizen pressed back. */
async function askStep(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  step: Step,
  answers: Partial<Answers>,
  today: JalaliDate,
  back: boolean,
): Promise<boolean> {
  const store = async <T>(question: Question<T>, save: (value: T) => void) => {
    const answer = await ask(conversation, ctx, question);
    if (answer.kind === "back") return false;
    save(answer.value);
    return true;
  };
  switch (step) {
    case "nationalId":
      return store(q.nationalIdQuestion(back), (v) => (answers.nationalId = v));
    case "birthDate":
      return store(q.birthDateQuestion(today), (v) => (answers.birthDate = v));
    case "abroad":
      return store(q.abroadQuestion(ctx), (v) => (answers.abroad = v));
    case "firstName":
      return store(q.nameQuestion("first-name"), (v) => (answers.firstName = v));
    case "lastName":
      return store(q.nameQuestion("last-name"), (v) => (answers.lastName = v));
    case "fatherName":
      return store(q.nameQuestion("father-name"), (v) => (answers.fatherName = v));
    case "mobile":
      return store(q.mobileQuestion, (v) => (answers.mobile = v));
    case "landline":
      return store(q.landlineQuestion, (v) => (answers.landline = v));
    case "postalCode":
      return store(q.postalCodeQuestion, (v) => (answers.postalCode = v));
    case "address":
      return store(q.addressQuestion, (v) => (answers.address = v));
    case "province": {
      const provinces = await conversation.external(() => services.places.provinces());
      return store(q.provinceQuestion(provinces), (v) => {
        if (answers.province?.id !== v.id) delete answers.city;
        answers.province = v;
      });
    }
    case "city": {
      const province = answers.province!;
      const cities = await conversation.external(() => services.places.citiesOf(province.id));
      return store(q.cityQuestion(cities, province.name), (v) => (answers.city = v));
    }
  }
}

/**
 * The registry must know this national ID with this birth date (one answer for both failures, so it
 * cannot be probed), and a citizen who already paid is not charged again.
 */
async function passesRegistryChecks(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Partial<Answers>,
): Promise<boolean> {
  const nationalId = answers.nationalId! as NationalId;
  const check = () =>
    conversation.external(async () => {
      try {
        const eligible = await checkEligibility(services.registry, nationalId, answers.birthDate!);
        if (!eligible.ok) return { kind: "not_eligible" as const };
        return { kind: "eligible" as const, live: await services.applications.findLive(nationalId) };
      } catch (error) {
        // The registry service is down: keep every answer and let the citizen try again.
        ctx.logger.warn({ err: error }, "civil registry could not be asked");
        return { kind: "unavailable" as const };
      }
    });
  let outcome = await check();
  while (outcome.kind === "unavailable") {
    await waitForRetry(conversation, ctx, "prereg-registry-unavailable");
    outcome = await check();
  }
  if (outcome.kind === "not_eligible") {
    await ctx.reply(ctx.t("prereg-not-eligible"));
    return false;
  }
  if (outcome.live && outcome.live.status !== "awaiting_payment") await tellAlreadyRegistered(conversation, ctx, outcome.live);
  return true;
}

/** Says a service did not answer (answers are kept) and waits for the "try again" button. */
async function waitForRetry(conversation: FlowConversation, ctx: FlowContext, prompt: string): Promise<void> {
  for (;;) {
    const retry = await ask(conversation, ctx, {
      prompt,
      errors: "prereg-retry-error",
      back: false,
      buttons: (c) => [[c.t("prereg-retry-button")]],
      parse: (reply) => (reply.kind === "text" && reply.text === ctx.t("prereg-retry-button") ? ok(true) : fail("choose_button")),
    });
    if (retry.kind === "answer") return;
  }
}

async function tellAlreadyRegistered(conversation: FlowConversation, ctx: FlowContext, application: ApplicationView): Promise<never> {
  await ctx.reply(
    ctx.t("prereg-already-registered", {
      name: application.firstName,
      trackingCode: application.trackingCode ? toPersianDigits(formatTrackingCode(application.trackingCode as TrackingCode)) : "-",
    }),
    { reply_markup: mainMenuKeyboard(ctx) },
  );
  return conversation.halt();
}

/** Shows every answer with a button to change each; returns when the citizen confirms. */
async function reviewSummary(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Answers,
  today: JalaliDate,
): Promise<void> {
  for (;;) {
    const editButtons = EDITABLE.map((step) => ctx.t("prereg-edit", { field: ctx.t(`prereg-field-${step}`) }));
    const rows = [...inRows(editButtons, 2), [ctx.t("prereg-confirm")], [ctx.t("flow-cancel")]];
    await ctx.reply(summaryText(ctx, answers), { reply_markup: Keyboard.from(rows).resized().persistent() });

    const reply = await conversation.waitFor("message:text", {
      otherwise: (other) => other.reply(other.t("prereg-summary-use-buttons")),
    });
    const text = reply.message.text;
    if (isCancel(reply, text)) await leave(conversation, reply);
    if (text === reply.t("prereg-confirm")) return;
    const step = EDITABLE.find((s) => text === reply.t("prereg-edit", { field: reply.t(`prereg-field-${s}`) }));
    if (!step) {
      await reply.reply(reply.t("prereg-summary-use-buttons"));
      continue;
    }
    // A changed answer is asked again on its own; back returns to the summary unchanged.
    const changed = await askStep(conversation, reply, services, step, answers, today, true);
    if (!changed) continue;
    if (step === "nationalId" || step === "birthDate") {
      if (step === "nationalId") await askStep(conversation, reply, services, "birthDate", answers, today, false);
      while (!(await passesRegistryChecks(conversation, reply, services, answers))) {
        await askStep(conversation, reply, services, "nationalId", answers, today, false);
        await askStep(conversation, reply, services, "birthDate", answers, today, false);
      }
    }
    if (step === "province") while (!(await askStep(conversation, reply, services, "city", answers, today, true)));
  }
}

function summaryText(ctx: FlowContext, a: Answers): string {
  return ctx.t("prereg-summary", {
    nationalId: toPersianDigits(a.nationalId),
    birthDate: formatJalaliDateOnly(a.birthDate),
    firstName: a.firstName,
    lastName: a.lastName,
    fatherName: a.fatherName,
    mobile: toPersianDigits(a.mobile),
    landline: toPersianDigits(a.landline),
    postalCode: toPersianDigits(a.postalCode),
    address: a.address,
    province: a.province.name,
    city: a.city.name,
  });
}

/** Saves the application and sends the payment link (or the in-app invoice). */
async function payFee(conversation: FlowConversation, ctx: FlowContext, services: PreRegistrationServices, a: Answers): Promise<void> {
  const chatId = ctx.chatId!;
  const attempt = () =>
    conversation.external(async () => {
      const tariff = await services.tariffs.inForce(new Date());
      const saved = await services.applications.saveDraft(
        {
          nationalId: a.nationalId,
          birthDate: a.birthDate,
          firstName: a.firstName,
          lastName: a.lastName,
          fatherName: a.fatherName,
          mobile: a.mobile,
          landline: a.landline,
          postalCode: a.postalCode,
          address: a.address,
          cityId: a.city.id,
          chatId,
        },
        tariff.preRegistrationRial,
      );
      if (saved.kind === "already_registered") return saved;
      try {
        const payment = await services.startPayment({
          applicationId: saved.applicationId,
          amountRial: tariff.preRegistrationRial,
          chatId,
          mobile: a.mobile,
          description: ctx.t("prereg-payment-description"),
        });
        return { kind: "payment" as const, payment: { ...payment, expiresAt: payment.expiresAt.toISOString() } };
      } catch (error) {
        // The gateway is down or slow at a peak: the answers are saved, so offer to try again, not to start over.
        ctx.logger.warn({ err: error }, "payment could not be started");
        return { kind: "gateway_unavailable" as const };
      }
    });
  let outcome = await attempt();
  while (outcome.kind === "gateway_unavailable") {
    await waitForRetry(conversation, ctx, "prereg-gateway-unavailable");
    outcome = await attempt();
  }
  if (outcome.kind === "already_registered") await tellAlreadyRegistered(conversation, ctx, outcome.application);
  if (outcome.kind !== "payment") return;

  const { payment } = outcome;
  const expiresAt = new Date(payment.expiresAt);
  await ctx.reply(ctx.t("prereg-saved"), { reply_markup: mainMenuKeyboard(ctx) });
  const params = { amount: formatToman(payment.amountRial), expiresAt: formatTehranTime(expiresAt) };
  const buttons = new InlineKeyboard();
  if (payment.kind === "redirect") buttons.url(ctx.t("prereg-pay-button"), payment.payUrl).row();
  buttons.text(ctx.t("prereg-paid-button"), `payment:check:${payment.paymentId}`);
  await ctx.reply(ctx.t(payment.kind === "redirect" ? "prereg-pay-link" : "prereg-pay-invoice", params), { reply_markup: buttons });
}
