// Turns a zod error into the field issues of an InvalidInput (shown on the form's fields).
import type { z } from "zod";
import { InvalidInput } from "../errors/app-error";

export function invalidInput(error: z.ZodError, message = "Check the highlighted fields"): InvalidInput {
  return new InvalidInput(
    message,
    error.issues.map((i) => ({ path: i.path.map(String).join(".") || "_", message: i.message })),
  );
}

/** Parses with the schema or throws InvalidInput naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(r.error);
  return r.data;
}
