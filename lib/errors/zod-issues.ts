// The one way a zod error becomes field issues (what InvalidInput carries, what problem+json
// lists as `errors` and what a staff form puts on its fields): each issue's path joined with
// dots (`schedule.reminderDays`, `languages.1`), `_` for the input as a whole.
import type { z } from "zod";
import { InvalidInput, type FieldIssue } from "./app-error";

/** Each issue of the error at its field; `prefix` names where the parsed value sits (e.g. `body`). */
export function fieldIssues(error: z.ZodError, prefix = ""): FieldIssue[] {
  return error.issues.map((i) => {
    const parts = i.path.map(String);
    return { path: (prefix ? [prefix, ...parts] : parts).join(".") || "_", message: i.message };
  });
}

export function invalidInput(error: z.ZodError, message = "Check the highlighted fields"): InvalidInput {
  return new InvalidInput(message, fieldIssues(error));
}

/** Parses with the schema or throws InvalidInput naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(r.error);
  return r.data;
}
