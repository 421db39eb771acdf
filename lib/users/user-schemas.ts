// The admin user forms' input, shared by the browser (react-hook-form) and the server.
import { z } from "zod";

export const ROLES = ["admin", "researcher"] as const;
export type Role = (typeof ROLES)[number];

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter the person's email address").max(320).email("Enter a valid email address"),
  name: z.string().trim().min(1, "Enter the person's name").max(200, "Keep the name under 200 characters"),
  role: z.enum(ROLES, { message: "Choose admin or researcher" }),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const roleSchema = z.object({ role: z.enum(ROLES, { message: "Choose admin or researcher" }) });

export const userIdSchema = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "Not a user id");
