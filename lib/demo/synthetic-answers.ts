// Plausible answers for synthetic respondents (demo seed, tests, benchmarks), produced by walking
// the survey with the real engine, so every answer is one a respondent could have given.
import type { AnswerValue, Answers } from "../surveys/answers";
import type { Question, SurveyDefinition } from "../surveys/definition";
import { evaluateFlow, firstPage, nextPage, pruneHidden, validatePage, visibleOptions, visibleQuestions } from "../surveys/flow";
import { getPlan } from "../surveys/plan";

/** A small deterministic PRNG (mulberry32), so a seed gives the same panel every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const TEXTS: Record<string, readonly string[]> = {
  municipality: ["Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand", "Tromsø", "Drammen", "Bodø", "Ålesund", "Lillehammer", "Hamar", "Molde"],
  country: ["Poland", "Germany", "Netherlands", "Canada", "Czechia", "Ireland", "Sweden", "Denmark"],
};
const GENERIC = ["Немає коментарів", "Все добре", "Складно сказати", "Робота і житло", "Family reasons"];

export type GenerateOptions = {
  preload?: Answers;
  now: Date;
  /** Answers to give instead of random ones, by variable name. */
  forced?: Record<string, AnswerValue>;
  /** Chance of "yes" to a consent question. */
  consentYes?: number;
  email?: string;
  lang?: string;
  /** Stop after this many pages (a partial response); undefined = complete. */
  maxPages?: number;
};

function randomValue(q: Question, options: { code: string; exclusive: boolean }[], r: () => number, o: GenerateOptions, when: string): AnswerValue | undefined {
  switch (q.type) {
    case "single":
      return options.length ? pick(r, options).code : undefined;
    case "multiple": {
      const plain = options.filter((x) => !x.exclusive);
      if (!plain.length) return options.length ? [options[0].code] : undefined;
      const n = 1 + Math.floor(r() * Math.min(3, plain.length));
      const chosen = new Set<string>();
      while (chosen.size < n) chosen.add(pick(r, plain).code);
      return plain.map((x) => x.code).filter((c) => chosen.has(c));
    }
    case "consent":
      return r() < (o.consentYes ?? 0.7) ? "yes" : "no";
    case "email":
      return o.email;
    case "integer":
    case "decimal": {
      const lo = q.min ?? 0;
      const hi = q.max ?? lo + 10;
      const v = lo + r() * (hi - lo);
      return q.type === "integer" ? Math.round(v) : Math.round(v * 10) / 10;
    }
    case "scale":
      return q.min + Math.floor(r() * (q.max - q.min + 1));
    case "date":
      return `2022-${String(3 + Math.floor(r() * 9)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    case "time":
      return `${String(6 + Math.floor(r() * 16)).padStart(2, "0")}:${String(5 * Math.floor(r() * 12)).padStart(2, "0")}`;
    case "datetime":
      // Submitted as ISO without an offset; validatePage stores it in the study's zone.
      return `2022-${String(3 + Math.floor(r() * 9)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}T${String(8 + Math.floor(r() * 12)).padStart(2, "0")}:00`;
    case "month": {
      // A month between March 2022 and the month before `when`.
      const [y, m] = when.split("-").map(Number);
      const span = Math.max(1, (y - 2022) * 12 + m - 3);
      const k = Math.floor(r() * span);
      const yy = 2022 + Math.floor((2 + k) / 12);
      const mm = ((2 + k) % 12) + 1;
      return `${yy}-${String(mm).padStart(2, "0")}`;
    }
    case "text":
    case "textarea":
      return pick(r, TEXTS[q.name] ?? GENERIC);
    default:
      return undefined;
  }
}

/**
 * Answers one respondent would give, page by page through the visible questions, each page
 * checked by the same validation as the respondent pages (fields that fail are retried, then
 * left out). Deterministic for a given PRNG.
 */
export function syntheticAnswers(def: SurveyDefinition, r: () => number, o: GenerateOptions): Answers {
  const preload = o.preload ?? {};
  const lang = o.lang ?? def.defaultLanguage;
  const plan = getPlan(def);
  const when = o.now.toISOString().slice(0, 7);
  let answers: Record<string, AnswerValue> = {};
  let state = evaluateFlow(def, answers, preload, o.now);
  let page = firstPage(def, state);
  let pages = 0;
  while (page && (o.maxPages === undefined || pages < o.maxPages)) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const submission: Record<string, AnswerValue> = {};
      for (const q of visibleQuestions(def, state, page)) {
        if (q.type === "note") continue;
        const forced = o.forced?.[q.name];
        const opts = plan.byName.get(q.name)!.options.length ? visibleOptions(def, state, q.name, lang) : [];
        const v = forced !== undefined ? forced : randomValue(q, opts, r, o, when);
        if (v !== undefined) submission[q.name] = v;
        if (q.type === "multiple" || q.type === "single") {
          const other = plan.byName.get(q.name)!.otherVariable;
          const picked = Array.isArray(v) ? v : [v];
          if (other && picked.includes("other")) submission[other] = pick(r, GENERIC);
        }
        if (q.type === "matrix") {
          for (const row of q.rows) submission[`${q.name}_${row.code}`] = pick(r, q.options).code;
        }
        state = evaluateFlow(def, { ...answers, ...submission }, preload, o.now);
      }
      const v = validatePage(def, page, submission as never, evaluateFlow(def, answers, preload, o.now), lang);
      if (v.ok || attempt === 4) {
        answers = { ...(v.state.answers as Record<string, AnswerValue>) };
        for (const k of Object.keys(v.errors)) delete answers[k];
        break;
      }
    }
    state = evaluateFlow(def, answers, preload, o.now);
    page = nextPage(def, state, page);
    pages++;
  }
  return pruneHidden(def, answers, preload, o.now).answers;
}
