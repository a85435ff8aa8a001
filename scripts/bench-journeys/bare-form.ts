// A bare conversations v2 + RedisAdapter form bot: FORM_STEPS questions (typed answers under a reply keyboard,
// every third an inline button), the same number of steps as the journey, with no database and no product code.
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, type Context, InlineKeyboard, Keyboard } from "grammy";
import { Redis } from "ioredis";

type FormContext = ConversationFlavor<Context>;
const steps = Number(process.env.FORM_STEPS ?? 14);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const bot = new Bot<FormContext>(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.BOT_API_ROOT! } });

async function form(conversation: Conversation<FormContext, Context>, ctx: Context): Promise<void> {
  const answers: string[] = [];
  for (let step = 1; step <= steps; step++) {
    if (step % 3 === 0) {
      await ctx.reply(`question ${step}: choose`, { reply_markup: new InlineKeyboard().text("yes", `yes:${step}`).text("no", `no:${step}`) });
      const pressed = await conversation.waitForCallbackQuery(/^(yes|no):\d+$/, { otherwise: (other) => other.reply("press a button") });
      await pressed.answerCallbackQuery();
      answers.push(pressed.callbackQuery.data);
    } else {
      await ctx.reply(`question ${step}: type an answer`, { reply_markup: new Keyboard().text("skip").text("back").resized() });
      const typed = await conversation.waitFor("message:text", { otherwise: (other) => other.reply("type text") });
      answers.push(typed.message.text);
    }
  }
  await ctx.reply(`done: ${answers.length} answers`, { reply_markup: { remove_keyboard: true } });
}

bot.catch((error) => console.error("bare form error", error.error));
// As with any runner bot that keeps state: one chat's updates one after another (the real bot does the same).
bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
bot.use(
  conversations({
    storage: {
      type: "key",
      prefix: `${process.env.REDIS_KEY_PREFIX ?? "bench-form:"}conversation:`,
      adapter: new RedisAdapter({ instance: redis, ttl: 3600 }),
    },
  }),
);
bot.use(createConversation(form, "form"));
bot.command("start", (ctx) => ctx.reply("welcome", { reply_markup: new Keyboard().text("form").resized() }));
bot.hears("form", (ctx) => ctx.conversation.enter("form"));

await bot.init();
await bot.api.deleteWebhook();
const runner = run(bot);
console.log("bare bot ready");
process.once(
  "SIGTERM",
  () =>
    void runner
      .stop()
      .then(() => redis.quit())
      .then(() => process.exit(0)),
);
