// Which commands a Redis client sends: the round-trip counts the tests hold the code to.
import type { Redis } from "ioredis";

/** Records the name of every command `redis` sends from here on (a pipeline's commands one by one) until stop(). */
export function recordCommands(redis: Redis): { names: string[]; stop(): void } {
  const names: string[] = [];
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string }, stream?: unknown) => {
    names.push(command.name);
    return original(command as never, stream as never);
  }) as typeof redis.sendCommand;
  return { names, stop: () => (redis.sendCommand = original as typeof redis.sendCommand) };
}
