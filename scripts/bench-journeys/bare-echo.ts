// A bare grammY echo bot (runner, long polling): the ceiling the journey bench compares the real bot with.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.BOT_API_ROOT! } });
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());

await bot.init();
await bot.api.deleteWebhook();
const runner = run(bot);
console.log("bare bot ready");
process.once("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
