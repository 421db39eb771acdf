// npm run bench -- engine: compiles a synthetic 300-question instrument, then runs page flow and
// validation for 100,000 synthetic respondents. Ends with one JSON line of figures.
import { loadavg } from "node:os";
import type { Answers, Submission } from "../../lib/surveys/answers";
import { surveyDefinitionSchema } from "../../lib/surveys/definition";
import { clearExpressionCache } from "../../lib/surveys/expr/compile";
import { evaluateFlow, firstPage, nextPage, pruneHidden, validatePage } from "../../lib/surveys/flow";
import { getPlan } from "../../lib/surveys/plan";
import { LANGS, rng, syntheticAnswers, syntheticDefinition } from "./_engine-fixture";

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 100_000);

const input = syntheticDefinition();
clearExpressionCache();
const t0 = performance.now();
const def = surveyDefinitionSchema.parse(input);
const t1 = performance.now();
getPlan(def);
const t2 = performance.now();

const plan = getPlan(def);
/** What a form post of one page carries: that page's fields only. */
function pageSubmission(pageId: string, answers: Answers): Submission {
  const out: Record<string, Submission[string]> = {};
  for (const qp of plan.pageById.get(pageId)!.questions) for (const v of qp.variables) if (answers[v] !== undefined) out[v] = answers[v];
  return out;
}
const now = new Date("2023-06-15T10:00:00Z");
const random = rng(42);
const preload: Answers = { town: "Bergen" };
let engineMs = 0;
let engineCpuUs = 0;
let pagesValidated = 0;
let errors = 0;
for (let i = 0; i < RESPONDENTS; i++) {
  const answers = syntheticAnswers(def, random);
  const lang = LANGS[i % LANGS.length];
  const start = performance.now();
  const cpu = process.cpuUsage();
  let state = evaluateFlow(def, answers, preload, now);
  for (let p = firstPage(def, state); p; p = nextPage(def, state, p)) {
    const v = validatePage(def, p, pageSubmission(p, answers), state, lang);
    pagesValidated++;
    errors += Object.keys(v.errors).length;
    state = v.state;
  }
  pruneHidden(def, answers, preload, now);
  engineMs += performance.now() - start;
  const used = process.cpuUsage(cpu);
  engineCpuUs += used.user + used.system;
}

const questions = def.pages.reduce((n, p) => n + p.questions.length, 0);
console.log(JSON.stringify({
  bench: "engine",
  questions,
  pages: def.pages.length,
  calculates: def.calculates.length,
  schema_ms: Number((t1 - t0).toFixed(1)),
  plan_ms: Number((t2 - t1).toFixed(1)),
  compile_ms: Number((t2 - t0).toFixed(1)),
  respondents: RESPONDENTS,
  pages_validated: pagesValidated,
  field_errors: errors,
  engine_s: Number((engineMs / 1000).toFixed(2)),
  respondents_per_s: Math.round(RESPONDENTS / (engineMs / 1000)),
  // Wall time suffers when other processes share the cores; CPU time does not.
  respondents_per_cpu_s: Math.round(RESPONDENTS / (engineCpuUs / 1e6)),
  load_avg: Number(loadavg()[0].toFixed(2)),
}));
