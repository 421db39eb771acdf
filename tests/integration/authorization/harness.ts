// How the matrix calls each kind of entry point as a given role, and reads what came back as one
// comparable outcome: an HTTP status, "ok" for a server action that did its work, "signin" for a
// page that sends a signed-out visitor to sign in, or "redirect:<url>".
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type Outcome = number | "ok" | "signin" | `redirect:${string}`;

const APP = join(process.cwd(), "app");
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The URL pattern of an app/ file: route groups dropped, e.g. "/studies/[slug]/waves". */
export function routePath(file: string): string {
  const segments = relative(APP, file).split(sep).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Every page.tsx, route.ts and "use server" module under app/, as absolute paths. */
export function appTree() {
  const files = walk(APP);
  return {
    pages: files.filter((f) => /[/\\]page\.tsx?$/.test(f)),
    routes: files.filter((f) => /[/\\]route\.tsx?$/.test(f)),
    actions: files.filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8"))),
  };
}

export const appRelative = (file: string) => relative(APP, file).split(sep).join("/");

/** What a thrown Next.js control-flow error means (redirect(), notFound()), or null. */
export function nextOutcome(e: unknown): Outcome | null {
  const digest = (e as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT;")) {
    const url = digest.split(";")[2];
    return url.startsWith("/signin?next=") ? "signin" : `redirect:${url}`;
  }
  const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
  return fallback ? Number(fallback[1]) : null;
}

const isElement = (v: unknown): v is { type: unknown; props: Record<string, unknown> } =>
  !!v && typeof v === "object" && "$$typeof" in v && "props" in v;

/**
 * Renders a server component tree as far as the server would: async components are awaited (they
 * load data and may refuse), client components are left alone (they only get props).
 */
export async function renderServer(node: unknown): Promise<void> {
  if (node instanceof Promise) return renderServer(await node);
  if (Array.isArray(node)) {
    for (const n of node) await renderServer(n);
    return;
  }
  if (!isElement(node)) return;
  const type = node.type as ((p: unknown) => unknown) | undefined;
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    await renderServer(await type(node.props));
    return;
  }
  for (const v of Object.values(node.props)) if (isElement(v) || Array.isArray(v)) await renderServer(v);
}

/** What a server action's return value says: ActionResult failures carry their status. */
export function actionOutcome(value: unknown): Outcome {
  if (value === undefined || value === null) return "ok";
  const v = value as { ok?: unknown; status?: unknown };
  if (v.ok === true) return "ok";
  if (v.ok === false && typeof v.status === "number") return v.status;
  throw new Error(`a server action answered something the matrix cannot read: ${JSON.stringify(value).slice(0, 200)}`);
}
