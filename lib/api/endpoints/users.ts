// Users and the audit log, for admins: invite, list, change role or deactivate, study
// memberships, and the audit log with the audit page's filters.
import { z } from "zod";
import { endpoint } from "../endpoint";
import { dateTime, studyParams } from "../schemas";
import { inviteSchema, ROLES } from "../../users/user-schemas";

export const userParams = z.object({ user: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).describe("The user's id") });

export const userOutSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    status: z.enum(["active", "invited", "deactivated"]).describe("invited: has not set a password yet"),
    createdAt: dateTime,
  })
  .meta({ id: "User" });

export const listUsersEndpoint = endpoint({
  operationId: "listUsers",
  method: "GET",
  path: "/users",
  tag: "Users",
  adminOnly: true,
  summary: "Every researcher and admin",
  responses: { 200: { description: "Users by email", schema: z.object({ users: z.array(userOutSchema) }).meta({ id: "UserList" }) } },
  problems: [],
});

export const inviteUserEndpoint = endpoint({
  operationId: "inviteUser",
  method: "POST",
  path: "/users",
  tag: "Users",
  adminOnly: true,
  summary: "Invite a researcher or admin",
  description: "Creates the account without a password and emails a single-use link (valid 7 days) to choose one. An email that already has an account is refused (422).",
  body: { kind: "json", schema: inviteSchema.meta({ id: "NewUser" }) },
  responses: { 201: { description: "The new user", schema: userOutSchema } },
  problems: [413, 415, 422],
});

export const updateUserEndpoint = endpoint({
  operationId: "updateUser",
  method: "PATCH",
  path: "/users/{user}",
  tag: "Users",
  adminOnly: true,
  summary: "Change a user's role, or deactivate or reactivate them",
  description: "Deactivating ends every session of the user and revokes their API tokens. Never your own account, never the last active admin (409). Both changes, if given, happen together or not at all.",
  params: userParams,
  body: {
    kind: "json",
    schema: z
      .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional().describe("false deactivates, true reactivates") })
      .refine((b) => b.role !== undefined || b.active !== undefined, { message: "Give role, active or both" })
      .meta({ id: "UserChange" }),
  },
  responses: { 200: { description: "The user", schema: userOutSchema } },
  problems: [404, 409, 413, 415, 422],
});

const memberParams = studyParams.extend(userParams.shape);
const membershipSchema = z.object({ study: z.string(), user: z.string(), member: z.boolean() }).meta({ id: "Membership" });

export const addMemberEndpoint = endpoint({
  operationId: "addStudyMember",
  method: "PUT",
  path: "/studies/{study}/members/{user}",
  tag: "Users",
  adminOnly: true,
  summary: "Make a user a member of the study (researchers see only their studies)",
  params: memberParams,
  responses: { 200: { description: "The membership", schema: membershipSchema } },
  problems: [404, 422],
});

export const removeMemberEndpoint = endpoint({
  operationId: "removeStudyMember",
  method: "DELETE",
  path: "/studies/{study}/members/{user}",
  tag: "Users",
  adminOnly: true,
  summary: "Take a user off the study",
  params: memberParams,
  responses: { 200: { description: "The membership, now ended", schema: membershipSchema } },
  problems: [404, 422],
});

export const auditLogEndpoint = endpoint({
  operationId: "listAuditLog",
  method: "GET",
  path: "/audit",
  tag: "Users",
  adminOnly: true,
  summary: "The audit log, newest first, 100 entries a page",
  description: "Every write, export and view of personal data. Page on with before=<nextBefore>.",
  query: z.object({
    user: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional().describe("Who acted (user id)"),
    study: z.string().optional().describe("A study's slug"),
    action: z.string().regex(/^[a-z_.]{1,64}$/).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("First day (UTC), included"),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("Last day (UTC), included"),
    before: z.coerce.number().int().positive().optional(),
  }),
  responses: {
    200: {
      description: "Entries",
      schema: z.object({
        entries: z.array(z.object({
          id: z.number().int(), at: dateTime, userId: z.string().nullable(), userEmail: z.string().nullable(), study: z.string().nullable(),
          action: z.string(), target: z.string().nullable(), rowCount: z.number().int().nullable(), details: z.record(z.string(), z.unknown()),
        })),
        nextBefore: z.number().int().nullable(),
      }).meta({ id: "AuditLog" }),
    },
  },
  problems: [404, 422],
});
