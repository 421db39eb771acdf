// One declaration per API endpoint: method, path, the zod schemas that validate its parameters,
// query and body, and its responses. The route handler (lib/api/handler.ts) validates with these
// schemas and the OpenAPI document (lib/api/openapi.ts) is generated from the same ones.
import type { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A JSON body checked by a zod schema. */
export type JsonBody = { kind: "json"; schema: z.ZodType; maxBytes?: number; description?: string };

/**
 * A file: sent raw with one of `mediaTypes`, or as multipart/form-data in the `file` field (other
 * text fields of the form are read like query parameters). `json`, when given, also accepts an
 * application/json body checked by that schema.
 */
export type UploadBody = { kind: "upload"; mediaTypes: string[]; maxBytes: number; description: string; json?: z.ZodType };

export type BodySpec = JsonBody | UploadBody;

export type ResponseSpec = {
  description: string;
  /** A JSON body (application/json) checked by the contract tests. */
  schema?: z.ZodType;
  /** Other media types (streamed files), each with a description. */
  files?: { mediaType: string; description: string; schema?: z.ZodType }[];
  headers?: Record<string, string>;
};

export type Endpoint<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends BodySpec | undefined = BodySpec | undefined,
> = {
  operationId: string;
  method: Method;
  /** OpenAPI path under /api/v1, e.g. "/studies/{study}/waves". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** false only for the OpenAPI document itself. */
  auth?: boolean;
  /** Admins only: anyone else gets 403 (documented; the lib function enforces it). */
  adminOnly?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Problem statuses this endpoint may answer besides 401 and 429. */
  problems: number[];
};

export type Upload =
  | { kind: "file"; bytes: Uint8Array; mediaType: string; filename: string | null }
  | { kind: "json"; data: unknown };

export type BodyOf<B> = B extends JsonBody ? z.output<B["schema"]> : B extends UploadBody ? Upload : undefined;

/** Declares an endpoint; the identity function, there for the types. */
export function endpoint<P extends z.ZodObject, Q extends z.ZodObject, B extends BodySpec | undefined = undefined>(
  e: Endpoint<P, Q, B>,
): Endpoint<P, Q, B> {
  return e;
}
