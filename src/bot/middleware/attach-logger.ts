// Gives each update a child logger carrying its update_id, so every line of one update can be found together.
import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../infrastructure/logging/logger.js";
import type { FlowContext } from "../context.js";

export function attachLogger(logger: Logger): MiddlewareFn<FlowContext> {
  return (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id });
    return next();
  };
}
