// The API's own endpoints: who the token is, and the OpenAPI document.
import { z } from "zod";
import { endpoint } from "../endpoint";

export const meEndpoint = endpoint({
  operationId: "getMe",
  method: "GET",
  path: "/me",
  tag: "Account",
  summary: "The user this token acts as",
  description: "A token carries its user's role and studies. Use this to check a token in a script.",
  responses: {
    200: {
      description: "The token's user",
      schema: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["admin", "researcher"]) }).meta({ id: "Me" }),
    },
  },
  problems: [],
});

export const openapiEndpoint = endpoint({
  operationId: "getOpenApi",
  method: "GET",
  path: "/openapi.json",
  tag: "Account",
  auth: false,
  summary: "This OpenAPI 3.1 document",
  description: "Generated from the same zod schemas that validate the requests. No token needed.",
  responses: { 200: { description: "The OpenAPI document", schema: z.record(z.string(), z.unknown()) } },
  problems: [],
});
