// The synthetic instrument and respondents of the engine benchmark (the _ keeps it out of the bench list).
import type { Answers } from "../../lib/surveys/answers";
import type { SurveyDefinition, SurveyDefinitionInput } from "../../lib/surveys/definition";

const PAGES = 30;
const PER_PAGE = 10;
export const LANGS = ["uk", "ru", "nb", "en"];
const t = (s: string) => Object.fromEntries(LANGS.map((l) => [l, `${s} (${l})`]));
const opts = (n: number, prefix = "o") => Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i}`, label: t(`Option ${i}`) }));

/** Mulberry32: a small seeded generator, so every run answers the same way. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDefinition(): SurveyDefinitionInput {
  const pages: SurveyDefinitionInput["pages"] = [];
  for (let p = 0; p < PAGES; p++) {
    const questions: SurveyDefinitionInput["pages"][number]["questions"] = [];
    for (let k = 0; k < PER_PAGE; k++) {
      const n = p * PER_PAGE + k;
      const name = `q${n}`;
      const relevant = n > 10 && n % 3 === 0 ? `\${q${n - 7}} != 'o2' or count-selected(\${q${n - 5}}) > 1` : undefined;
      const base = { name, label: t(`Question ${n} about \${q0}`), ...(relevant ? { relevant } : {}), required: n % 4 === 0 };
      switch (n % 6) {
        case 0: questions.push({ ...base, type: "single", options: opts(5) }); break;
        case 1: questions.push({ ...base, type: "multiple", other: n % 12 === 1, options: [...opts(5), { code: "none", exclusive: true, label: t("None") }, ...(n % 12 === 1 ? [{ code: "other", label: t("Other") }] : [])] }); break;
        case 2: questions.push({ ...base, type: "integer", min: 0, max: 120, constraint: ". >= 0 and . mod 1 = 0", constraintMessage: t("Whole numbers") }); break;
        case 3: questions.push({ ...base, type: "single", options: opts(4).map((o, i) => (i === 3 ? { ...o, relevant: `\${q${n - 3}} = 'o1'` } : o)) }); break;
        case 4: questions.push({ ...base, type: "text", constraint: "string-length(.) <= 200" }); break;
        default: questions.push({ ...base, type: "month", constraint: ". >= '2022-02' and . <= substr(today(), 0, 7)" });
      }
    }
    pages.push({ id: `page${p}`, ...(p > 0 && p % 5 === 0 ? { relevant: "${q0} != 'o4'" } : {}), questions });
  }
  const calculates = Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, calculation: `if(\${q${i * 12}} = 'o1', ${i}, 0) + coalesce(\${q${i * 12 + 2}}, 0)` }));
  return { title: t("Synthetic"), languages: LANGS, defaultLanguage: "en", preload: [{ name: "town" }], pages, calculates };
}

/**
 * Mostly valid answers, as real respondents give them: about 3% of questions skipped (some
 * of them required), a few numbers out of range and months before the invasion, and answers
 * left behind on questions that a later branch hides.
 */
export function syntheticAnswers(def: SurveyDefinition, random: () => number): Answers {
  const answers: Record<string, Answers[string]> = {};
  for (const page of def.pages) {
    for (const q of page.questions) {
      if (random() < 0.03) continue;
      if (q.type === "single") {
        // The last option of some lists is offered only on one branch; respondents mostly see the others.
        const n = q.options.some((o) => o.relevant) ? q.options.length - 1 : q.options.length;
        answers[q.name] = q.options[Math.floor(random() * n)].code;
      } else if (q.type === "multiple") {
        const picked = q.options.filter((o) => o.code !== "none" && random() < 0.3).map((o) => o.code);
        answers[q.name] = picked.length ? picked : ["none"];
        if (picked.includes("other")) answers[`${q.name}_other`] = "something";
      } else if (q.type === "integer") answers[q.name] = random() < 0.01 ? 130 : Math.floor(random() * 90);
      else if (q.type === "text") answers[q.name] = "Some words";
      else if (q.type === "month") answers[q.name] = random() < 0.01 ? "2021-12" : `2022-0${3 + Math.floor(random() * 7)}`;
    }
  }
  return answers;
}
