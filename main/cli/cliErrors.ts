/** A failure the CLI reports as one line on stderr; `usage` failures exit with 2, others with 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
