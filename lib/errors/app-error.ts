// Expected failures: each has a code, an HTTP status and a message that is safe to show.

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = "Not found") {
    super(message, "not_found", 404);
  }
}

export class Forbidden extends AppError {
  constructor(message = "You do not have access to this") {
    super(message, "forbidden", 403);
  }
}

export class Unauthorized extends AppError {
  constructor(message = "Sign in first") {
    super(message, "unauthorized", 401);
  }
}

export class InvalidInput extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, "invalid_input", 422, issues);
  }
}

export class Conflict extends AppError {
  /** `issues` name the fields whose change the current state refuses (editing a running wave). */
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, "conflict", 409, issues);
  }
}

/** The database cannot be reached (or a dependency is down): try again later; nothing was saved. */
export class ServiceUnavailable extends AppError {
  constructor(
    message = "The database cannot be reached just now; try again in a minute",
    readonly retryAfterSeconds = 60,
  ) {
    super(message, "unavailable", 503);
  }
}

/** The request cannot be read at all (not JSON, broken multipart, a body that broke off). */
export class BadRequest extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, "bad_request", 400, issues);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(limit: number) {
    super(`The request body is larger than ${formatLimit(limit)}`, "payload_too_large", 413);
  }
}

export class UnsupportedMediaType extends AppError {
  constructor(message: string) {
    super(message, "unsupported_media_type", 415);
  }
}

export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests for this token; retry after ${retryAfterSeconds} s`, "rate_limited", 429);
  }
}

function formatLimit(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${Math.round(n / 1024)} KB`;
}
