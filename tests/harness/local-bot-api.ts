// Starts a local Bot API server for a test file, with helpers to inject faults, reset and make users.

import type { FaultSpec } from "../../src/infrastructure/bot-api-server/faults.js";
import { startLocalBotApiServer, type RunningLocalBotApiServer, type StartLocalBotApiServerOptions } from "../../src/infrastructure/bot-api-server/server.js";
import { SimulatedUser, type UserProfile } from "./simulated-user.js";

export interface LocalBotApi extends RunningLocalBotApiServer {
  /** The next `times` (default 1) calls of `method` fail with that error. */
  injectFault(fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  /** Forgets chats, updates, files and faults (bots keep their webhook and update_ids). */
  reset(): Promise<void>;
  user(userId: number, opts?: { token?: string; profile?: UserProfile }): SimulatedUser;
}

export async function startLocalBotApi(options: StartLocalBotApiServerOptions = {}): Promise<LocalBotApi> {
  const server = await startLocalBotApiServer(options);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/sim/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} /sim/${path} failed: ${response.status} ${await response.text()}`);
  };
  return {
    ...server,
    injectFault: (fault) => control("POST", "faults", fault),
    clearFaults: () => control("DELETE", "faults"),
    reset: () => control("POST", "reset"),
    user: (userId, opts = {}) => new SimulatedUser(server.url, userId, opts.token, opts.profile),
  };
}
