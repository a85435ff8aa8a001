// Change notifications from simulated chats, fed to the server-sent event stream.

import type { CallbackQueryRecord, ChatActionRecord, PreCheckoutRecord } from "./chat-record.js";
import type { TranscriptMessage } from "./transcript.js";

interface ChatEventBase {
  bot_id: number;
  chat_id: number;
}

export type SimEvent =
  | (ChatEventBase & { type: "message_new" | "message_edited" | "message_deleted"; message: TranscriptMessage })
  | (ChatEventBase & { type: "callback_answered"; callback_query: CallbackQueryRecord })
  | (ChatEventBase & { type: "pre_checkout_answered"; pre_checkout_query: PreCheckoutRecord })
  | (ChatEventBase & { type: "chat_action"; chat_action: ChatActionRecord })
  | { type: "reset" };

export type SimEventListener = (event: SimEvent) => void;

export class SimEventBus {
  private readonly listeners = new Set<SimEventListener>();

  subscribe(listener: SimEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: SimEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
