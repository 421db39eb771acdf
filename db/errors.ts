// db/'s own errors; db/ imports nothing from lib/. lib/ maps them to its own: a DbUnavailable
// has the shape lib/errors/unavailable.ts recognises as its ServiceUnavailable (a calm 503), and
// lib/runtime.ts has db/ throw that ServiceUnavailable itself (unavailableAs), so a boundary that
// knows only AppErrors still answers 503; a DbConfigError is a start-up problem told in one line.

/** Something db/ refuses or cannot do, with a message safe to show. */
export class DbError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DbError";
  }
}

/** The database cannot be reached: try again later; nothing was saved. */
export class DbUnavailable extends DbError {
  readonly code = "unavailable";
  readonly status = 503;
  constructor(
    message = "The database cannot be reached just now; try again in a minute",
    readonly retryAfterSeconds = 60,
  ) {
    super(message);
    this.name = "DbUnavailable";
  }
}

/** The database cannot be opened as configured (DATABASE_URL, DATA_DIR, the data folder's lock). */
export class DbConfigError extends DbError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DbConfigError";
  }
}

type UnavailableAs = (e: DbUnavailable) => Error;
const g = globalThis as unknown as { __panelwaveDbUnavailableAs?: UnavailableAs };

/** Makes db/ throw what map returns in place of a DbUnavailable (once per process, by lib/runtime.ts). */
export function unavailableAs(map: UnavailableAs | null): void {
  g.__panelwaveDbUnavailableAs = map ?? undefined;
}

/** The error db/ throws when the database cannot be reached. */
export function unavailableError(): Error {
  const e = new DbUnavailable();
  return g.__panelwaveDbUnavailableAs?.(e) ?? e;
}
