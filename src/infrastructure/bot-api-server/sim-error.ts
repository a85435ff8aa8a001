// Errors of the simulated-user control API: an HTTP status and a JSON body explaining what went wrong.

export class SimError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly body: { error: string } & Record<string, unknown>,
  ) {
    super(body.error);
    this.name = "SimError";
  }
}
