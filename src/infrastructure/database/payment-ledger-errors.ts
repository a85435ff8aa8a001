// Named errors of the PostgreSQL payment ledger: refusals a caller may want to tell apart from outages.

/** openPayment was asked for an application that is missing or no longer waiting for its fee. */
export class ApplicationNotAwaitingPaymentError extends Error {
  override readonly name = "ApplicationNotAwaitingPaymentError";
  constructor(
    readonly applicationId: string,
    /** The application's status, or null when there is no such application. */
    readonly status: string | null,
  ) {
    super(status === null ? `application ${applicationId} does not exist` : `application ${applicationId} is ${status}, not awaiting_payment`);
  }
}

/** A method that needs an existing payment was given an id the ledger does not know. */
export class PaymentNotFoundError extends Error {
  override readonly name = "PaymentNotFoundError";
  constructor(readonly paymentId: string) {
    super(`payment ${paymentId} does not exist`);
  }
}

/** Every tracking code drawn for one settlement was already taken: the code source is broken, not unlucky. */
export class TrackingCodesExhaustedError extends Error {
  override readonly name = "TrackingCodesExhaustedError";
  constructor(readonly attempts: number) {
    super(`${attempts} tracking codes in a row were already in use`);
  }
}
