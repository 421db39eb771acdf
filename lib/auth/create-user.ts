import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { findUserByEmail, insertUserWithPassword } from "../../db/queries/users";
import { Conflict, InvalidInput } from "../errors/app-error";
import { fieldIssues } from "../errors/zod-issues";

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(10, "The password needs at least 10 characters"),
  name: z.string().trim().min(1, "Enter a name").max(200),
  role: z.enum(["admin", "researcher"]),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Creates a researcher or admin with a hashed password. Refuses a duplicate email. */
export async function createUser(db: Db, input: NewUser): Promise<string> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new InvalidInput(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }
  const u = parsed.data;
  if (await findUserByEmail(db, u.email)) throw new Conflict(`A user with email ${u.email} already exists`);
  return insertUserWithPassword(db, { ...u, passwordHash: await hashPassword(u.password) });
}
