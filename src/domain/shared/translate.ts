// The port every text renderer outside a chat uses (notifications, payment pages, web chat, invoices).

/** Renders a locale key with variables in the citizen's language (Persian by default). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
