import type { ErrorCode } from './ipc/contract';

/** An expected failure, with a message a person can act on. Dispatch turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
