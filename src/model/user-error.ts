/**
 * An expected failure the user can act on: bad input, a refused file, a host refusing an
 * operation. Its message is Chinese and shown as is; `cause` keeps what went wrong underneath
 * (a host's error with its code), `code` names a known kind for callers that branch on it.
 * Anything else thrown is a programming error and is shown as one, never dressed up as this.
 */
export class UserError extends Error {
  readonly code?: string;

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message);
    this.name = 'UserError';
    if (options.cause !== undefined) this.cause = options.cause;
    if (options.code !== undefined) this.code = options.code;
  }
}
