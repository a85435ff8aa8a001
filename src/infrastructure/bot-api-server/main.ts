// Starts the local Bot API server standalone (npm run bot-api-server), on PORT (default 8081).

import { startLocalBotApiServer } from "./server.js";

const port = Number(process.env.PORT ?? 8081);
const hostname = process.env.HOST ?? "127.0.0.1";
const server = await startLocalBotApiServer({ port, hostname });

console.log(`Local Bot API server listening at ${server.url}`);
console.log(`  grammY: new Bot("123:any", { client: { apiRoot: "${server.url}" } })`);
console.log(`  simulated users: POST ${server.url}/sim/users/<id>/message {"text":"/start"}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
