// Runs the local Bot API server on its own port with @hono/node-server.

import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createLocalBotApiServer, type LocalBotApiServerOptions } from "./app.js";
import type { LocalBotApiState } from "./state.js";

const closeGraceMs = 100;

export interface StartLocalBotApiServerOptions extends LocalBotApiServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  hostname?: string;
}

export interface RunningLocalBotApiServer {
  /** Base URL, usable as grammY's `apiRoot`. */
  url: string;
  port: number;
  state: LocalBotApiState;
  close(): Promise<void>;
}

export async function startLocalBotApiServer(options: StartLocalBotApiServerOptions = {}): Promise<RunningLocalBotApiServer> {
  const { port = 0, hostname = "127.0.0.1" } = options;
  const local = createLocalBotApiServer(options);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: local.app.fetch, port, hostname }, () => resolve(started));
    started.once("error", reject);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await local.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (!("closeAllConnections" in server)) return;
        // Idle keep-alive sockets would hold close() open; busy ones get a moment to send
        // the answers of the long polls just ended.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), closeGraceMs).unref();
      });
    })());

  return { url: `http://${host}:${actualPort}`, port: actualPort, state: local.state, close };
}
