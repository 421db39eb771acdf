// The synthetic panel of the export benchmark: two waves of 150 variables each, and SQL that
// generates 100,000 participants' answers inside PostgreSQL (generate_series, no ORM inserts).
import { REASONS } from "../../db/seed/forms/wave2-reasons";
import type { SurveyDefinitionInput } from "../../lib/surveys/definition";

type Q = Record<string, unknown> & { name: string; type: string };
const txt = (s: string) => ({ en: s, uk: s });
const opts = (n: number, prefix = "o") => Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i + 1}`, label: txt(`Option ${i + 1}`) }));
const pad = (i: number) => String(i).padStart(2, "0");

/** 150 variables: 60 single, 20 multiple (6 options, 5 with "other"), 30 integer, 20 text, 10 month, 10 scale. */
function generic(skip: { single: number; multiple: number }): Q[] {
  const qs: Q[] = [];
  for (let i = 1; i <= 60 - skip.single; i++) qs.push({ name: `s${pad(i)}`, type: "single", label: txt(`Single ${i}`), options: opts(5) });
  for (let i = 1; i <= 20 - skip.multiple; i++) {
    qs.push({ name: `m${pad(i)}`, type: "multiple", label: txt(`Multiple ${i}`), options: [...opts(i <= 5 ? 5 : 6), ...(i <= 5 ? [{ code: "other", label: txt("Other") }] : [])], ...(i <= 5 ? { other: true } : {}) });
  }
  for (let i = 1; i <= 30; i++) qs.push({ name: `n${pad(i)}`, type: "integer", label: txt(`Number ${i}`) });
  for (let i = 1; i <= 20; i++) qs.push({ name: `t${pad(i)}`, type: "text", label: txt(`Text ${i}`) });
  for (let i = 1; i <= 10; i++) qs.push({ name: `d${pad(i)}`, type: "month", label: txt(`Month ${i}`) });
  for (let i = 1; i <= 10; i++) qs.push({ name: `k${pad(i)}`, type: "scale", min: 0, max: 10, label: txt(`Scale ${i}`) });
  return qs;
}

const pages = (qs: Q[]) => Array.from({ length: Math.ceil(qs.length / 15) }, (_, i) => ({ id: `p${i + 1}`, questions: qs.slice(i * 15, i * 15 + 15) }));

export function benchDefinitions(): { wave1: SurveyDefinitionInput; wave2: SurveyDefinitionInput } {
  const where = { name: "where_now", type: "single", label: txt("Where do you live now?"), options: [
    { code: "stayed", label: txt("Norway") }, { code: "returned", label: txt("Ukraine") }, { code: "moved_on", label: txt("Elsewhere") },
  ] };
  const reasons = { name: "reasons", type: "multiple", other: true, label: txt("Why did you leave?"), options: REASONS };
  const w2 = generic({ single: 1, multiple: 1 });
  return {
    wave1: { title: txt("Bench wave 1"), languages: ["en", "uk", "ru", "nb"], defaultLanguage: "en", pages: pages(generic({ single: 0, multiple: 0 })) } as unknown as SurveyDefinitionInput,
    wave2: {
      title: txt("Bench wave 2"), languages: ["en", "uk", "ru", "nb"], defaultLanguage: "en",
      pages: [
        { id: "where", questions: [where] },
        { id: "why", relevant: "${where_now} = 'returned' or ${where_now} = 'moved_on'", questions: [reasons] },
        ...pages(w2),
      ],
    } as unknown as SurveyDefinitionInput,
  };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A random element of a list, in SQL. */
const anyOf = (xs: string[]) => `(array[${xs.map(lit).join(",")}])[1 + floor(random() * ${xs.length})::int]`;
/** Each code picked with probability p; null (key dropped) when none is. */
const someOf = (xs: string[], p: number, cond = (_: string) => "true") =>
  `nullif(to_jsonb(array_remove(array[${xs.map((x) => `case when ${cond(x)} and random() < ${p} then ${lit(x)} end`).join(",")}], null)), '[]'::jsonb)`;
/** 7% of answers are missing. */
const maybe = (expr: string) => `case when random() < 0.93 then ${expr} end`;

function valueSql(q: Q): string {
  const codes = ((q.options as { code: string }[]) ?? []).map((o) => o.code);
  switch (q.type) {
    case "single": return maybe(anyOf(codes));
    // m01 is answered by everyone (the frequency benchmark counts it over all responses).
    case "multiple": return q.name === "m01" ? `to_jsonb(array_remove(array[${codes.map((c, i) => `case when ${i === 0 ? "true" : `random() < 0.35`} then ${lit(c)} end`).join(",")}], null))` : someOf(codes, 0.3);
    case "integer": return maybe("floor(random() * 100)::int");
    case "scale": return maybe("floor(random() * 11)::int");
    case "month": return maybe(`'2022-' || lpad((1 + floor(random() * 12))::int::text, 2, '0')`);
    // One text answer in a hundred looks like a formula, to exercise the neutralisation.
    default: return maybe(`case when random() < 0.01 then '=HYPERLINK("http://x.example","y")' else 'Answer ' || floor(random() * 100000)::int end`);
  }
}

/** jsonb_build_object takes at most 100 arguments: build in slices of 40 keys and concatenate. */
function objectSql(pairs: [string, string][]): string {
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) parts.push(`jsonb_build_object(${pairs.slice(i, i + 40).map(([k, v]) => `${lit(k)}, ${v}`).join(", ")})`);
  return `jsonb_strip_nulls(${parts.join(" || ")})`;
}

/** INSERT … SELECT of one wave's responses for participants numbered from..to. */
export function responsesInsertSql(o: { def: { pages: { questions: Q[] }[] }; studyId: string; waveId: string; from: number; to: number; wave2: boolean }): string {
  const qs = o.def.pages.flatMap((p) => p.questions);
  const pairs: [string, string][] = qs.map((q) => {
    if (q.name === "where_now") return [q.name, "s.wn"];
    if (q.name === "reasons") {
      const R = new Set(REASONS.filter((r) => r.relevant?.includes("returned")).map((r) => r.code));
      const M = new Set(REASONS.filter((r) => r.relevant?.includes("moved_on")).map((r) => r.code));
      const cond = (c: string) => (R.has(c) ? "s.wn = 'returned'" : M.has(c) ? "s.wn = 'moved_on'" : "s.wn <> 'stayed'");
      return [q.name, `case when s.wn <> 'stayed' then coalesce(${someOf(REASONS.map((r) => r.code), 0.3, cond)}, '["family"]'::jsonb) end`];
    }
    return [q.name, valueSql(q)];
  });
  return `insert into responses (wave_id, study_id, participant_id, answers, status, language, trajectory, started_at, updated_at, completed_at)
    select ${lit(o.waveId)}, ${lit(o.studyId)}, p.id, ${objectSql(pairs)}, 'completed', s.lang, ${o.wave2 ? "s.wn" : "'stayed'"}, now(), now(), now()
    from (select g, ${anyOf(["stayed", "stayed", "stayed", "returned", "returned", "moved_on", "moved_on"])} as wn, ${anyOf(["uk", "uk", "ru", "en", "nb"])} as lang
          from generate_series(${o.from}, ${o.to}) g) s
    join participants p on p.study_id = ${lit(o.studyId)} and p.code = 'P-' || lpad(s.g::text, 7, '0')`;
}

export function participantsInsertSql(studyId: string, n: number): string {
  return `insert into participants (study_id, code, created_at) select ${lit(studyId)}, 'P-' || lpad(g::text, 7, '0'), now() from generate_series(1, ${n}) g`;
}
