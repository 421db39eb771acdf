// A JSON Schema (from the OpenAPI document) as nested, readable lists. Server component.
import type { ReactNode } from "react";

type S = Record<string, unknown>;
const REF = "#/components/schemas/";

function typeLabel(s: S): ReactNode {
  if (typeof s.$ref === "string") {
    const name = s.$ref.slice(REF.length);
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const parts = ((s.anyOf ?? s.oneOf) as S[]).map((x, i) => <span key={i}>{i > 0 && " | "}{typeLabel(x)}</span>);
    return <>{parts}</>;
  }
  if (s.const !== undefined) return <code>{JSON.stringify(s.const)}</code>;
  if (Array.isArray(s.enum)) return <>one of {(s.enum as unknown[]).map((v, i) => <span key={i}>{i > 0 && ", "}<code>{JSON.stringify(v)}</code></span>)}</>;
  const t = Array.isArray(s.type) ? (s.type as string[]).join(" | ") : (s.type as string | undefined);
  if (t === "array" && s.items) return <>array of {typeLabel(s.items as S)}</>;
  if (t === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object") {
    return <>map of string → {typeLabel(s.additionalProperties as S)}</>;
  }
  const extra = [s.format && `format ${s.format}`, s.pattern && `pattern ${s.pattern}`, s.minimum !== undefined && `≥ ${s.minimum}`, s.maximum !== undefined && `≤ ${s.maximum}`,
    s.minLength !== undefined && `length ≥ ${s.minLength}`, s.maxLength !== undefined && `length ≤ ${s.maxLength}`, s.default !== undefined && `default ${JSON.stringify(s.default)}`].filter(Boolean);
  return <>{t ?? "any"}{extra.length > 0 && <span className="muted"> ({extra.join("; ")})</span>}</>;
}

function children(s: S): [string, S, boolean][] {
  if (s.type === "array" && s.items && (s.items as S).properties) return children(s.items as S);
  const props = (s.properties ?? {}) as Record<string, S>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([k, v]) => [k, v, required.has(k)]);
}

export function SchemaView({ schema, depth = 0 }: { schema: S; depth?: number }) {
  const kids = children(schema);
  return (
    <>
      {depth === 0 && <p>{typeLabel(schema)}{typeof schema.description === "string" && <span className="muted"> — {schema.description}</span>}</p>}
      {kids.length > 0 && (
        <ul className="schema">
          {kids.map(([name, s, req]) => (
            <li key={name}>
              <code>{name}</code>{req ? <strong title="required"> *</strong> : <span className="muted"> (optional)</span>}: {typeLabel(s)}
              {typeof s.description === "string" && <span className="muted"> — {s.description}</span>}
              {depth < 4 && children(s).length > 0 && <SchemaView schema={s} depth={depth + 1} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
