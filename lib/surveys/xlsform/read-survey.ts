import type { Calculate, Page, PreloadField } from "../definition";
import type { Path } from "../texts";
import type { ImportContext, SheetCells } from "./context";
import { buildQuestion } from "./build-question";
import type { ChoiceList } from "./read-choices";
import type { SheetRow } from "./read-workbook";
import { readRepeat } from "./read-repeat";
import { classifyType } from "./row-types";

export interface SurveyParts {
  pages: Page[];
  calculates: Calculate[];
  preload: PreloadField[];
}

export interface SurveyReadOptions {
  lists: Map<string, ChoiceList>;
  choices: SheetCells | null;
  version?: string;
  languages: string[];
}

/** A calculation that only reads the device (SurveyCTO's device-info(), phone-call-log(), …). */
const DEVICE_CALCULATION = /^\s*(device-info|phone-call-log|phone-call-duration|collect-is-phone-app|version|plug-in-metadata)\s*\([^()]*\)\s*$/;

interface Frame {
  name: string;
  row: number;
  /** A begin_repeat (or a refused loop): its rows nest like a group's. */
  repeat: boolean;
  relevant?: string;
  title?: Page["title"];
}

/**
 * Walks the survey sheet top to bottom. A top-level group is a page; questions outside any
 * group are gathered into pages of their own; a nested group is flattened into its page,
 * its relevant joined with `and` onto each of its questions.
 */
export function readSurvey(cells: SheetCells, ctx: ImportContext, opts: SurveyReadOptions): SurveyParts {
  const parts: SurveyParts = { pages: [], calculates: [], preload: [] };
  const stack: Frame[] = [];
  let page: Page | null = null;
  /** How many frames of the stack the current page stands for (their relevants are the page's). */
  let pageDepth = 0;
  let implicit = 0;
  const usedLists = new Set<string>();

  const currentPage = (row: SheetRow): Page => {
    if (page) return page;
    implicit++;
    // Questions after a repeat inside a group: a page of their own, with the group's condition.
    const outer = stack[0];
    page = outer ? { id: `${outer.name || "group"}_${implicit}`, questions: [] } : { id: `page_${implicit}`, questions: [] };
    if (outer?.title) page.title = outer.title;
    const relevant = joinRelevant(stack.map((f) => f.relevant));
    if (relevant) page.relevant = relevant;
    pageDepth = stack.length;
    ctx.map.add(["pages", parts.pages.length], cells.sheet, row.number, ctx.plainLang);
    parts.pages.push(page);
    return page;
  };

  // A group holding only calculates or metadata (CHT's "inputs", SurveyCTO's hidden blocks) shows
  // nothing, so it is no page; its calculates stay, as they are global.
  const dropIfEmpty = (p: Page | null, frame: Frame) => {
    if (!p || p.questions.length > 0 || frame.repeat) return;
    const i = parts.pages.indexOf(p);
    if (i !== parts.pages.length - 1) return;
    parts.pages.pop();
    ctx.warn(cells.issue(frame.row, "type", `Group "${frame.name}" has no questions Panelwave shows, so it is not a page`));
  };

  let refs: Set<string> | null = null;
  /** Every ${name} written anywhere on the survey and choices sheets. */
  const referenced = () => {
    if (refs) return refs;
    refs = new Set();
    for (const sheet of [cells.sheet, opts.choices?.sheet]) {
      for (const r of sheet?.rows ?? []) for (const v of r.cells.values()) for (const m of v.matchAll(/\$\{\s*([^}\s]+)\s*\}/g)) refs.add(m[1]);
    }
    return refs;
  };

  for (const row of cells.sheet.rows) {
    const typeRaw = cells.value(row, "type");
    const name = cells.value(row, "name");
    if (!typeRaw) {
      ctx.error(cells.issue(row, "type", `Row has no type${name ? ` (name "${name}")` : ""}`));
      continue;
    }
    const label = cells.text(row, "label");
    const kind = classifyType(typeRaw, label !== undefined);
    if (kind.kind === "error") {
      ctx.error(cells.issue(row, "type", kind.message));
      if (name) ctx.dropped.add(name);
      continue;
    }
    if (kind.kind === "metadata") {
      if (kind.note) ctx.warn(cells.issue(row, "type", `"${typeRaw}" is ${kind.note}, which Panelwave does not collect; the row is kept out as ignored metadata`));
      else ctx.warn(cells.issue(row, "type", `"${typeRaw}" is device metadata; Panelwave records response times itself, so the row is ignored${kind.as && name && referenced().has(name) ? ` (\${${name}} reads ${kind.as === "''" ? "as empty" : kind.as})` : ""}`));
      // References such as ${today} or ${start} keep working: a referenced row becomes a calculate.
      if (kind.as && name && referenced().has(name) && !parts.calculates.some((c) => c.name === name)) {
        ctx.map.add(["calculates", parts.calculates.length], cells.sheet, row.number, ctx.plainLang);
        parts.calculates.push({ name, calculation: kind.as });
      }
      continue;
    }
    if (kind.kind === "end") {
      const frame = stack.pop();
      if (!frame) ctx.error(cells.issue(row, "type", `"${typeRaw}" has no matching begin_group above it`));
      else if (stack.length === 0 || (frame.repeat && stack.length < pageDepth)) {
        if (!frame.repeat) dropIfEmpty(page, frame);
        page = null;
      }
      continue;
    }
    if (kind.kind === "begin") {
      const repeat = kind.unsupported !== undefined || kind.repeat === true;
      if (kind.unsupported) ctx.error(cells.issue(row, "type", `Type "${typeRaw.trim()}" is not supported: ${kind.unsupported}`));
      if (!name) ctx.error(cells.issue(row, "name", "A group needs a name"));
      const relevant = cells.expression(row, "relevant");
      const outerRepeat = stack.find((f) => f.repeat);
      if (kind.repeat && outerRepeat) {
        ctx.error(cells.issue(row, "type", `Repeat "${name}" is inside repeat "${outerRepeat.name}" (row ${outerRepeat.row}): nested repeats are not supported; ask about the inner items as questions of the outer entry, or as a repeat of its own`));
      } else if (kind.repeat) {
        // A repeat is a page of its own, wherever it stands; enclosing groups' conditions become its condition.
        if (stack.length > 0) ctx.warn(cells.issue(row, "type", `Repeat "${name}" is inside group "${stack[0].name}"; it is shown on a page of its own`));
        // A group that only wraps the repeat (as KoboToolbox writes it) leaves no empty page behind.
        if (page && page.questions.length === 0 && parts.pages[parts.pages.length - 1] === page) parts.pages.pop();
        page = { id: name || `repeat_row_${row.number}`, questions: [], repeat: readRepeat(row, cells, ctx, name || `repeat_row_${row.number}`) };
        if (label) page.title = label;
        const joined = joinRelevant([...stack.map((f) => f.relevant), relevant]);
        if (joined) page.relevant = joined;
        ctx.map.add(["pages", parts.pages.length], cells.sheet, row.number, ctx.plainLang);
        parts.pages.push(page);
        pageDepth = stack.length + 1;
      } else if (stack.length === 0 && !repeat) {
        page = { id: name || `group_row_${row.number}`, questions: [] };
        if (label) page.title = label;
        if (relevant) page.relevant = relevant;
        ctx.map.add(["pages", parts.pages.length], cells.sheet, row.number, ctx.plainLang);
        parts.pages.push(page);
        pageDepth = 1;
      } else if (stack.length > 0 && !repeat) {
        ctx.warn(cells.issue(row, "type", `Group "${name}" is inside ${outerRepeat ? "repeat" : "group"} "${(outerRepeat ?? stack[0]).name}"; its questions are shown on that page`));
      }
      stack.push({ name, row: row.number, repeat, relevant, ...(label && stack.length === 0 ? { title: label } : {}) });
      continue;
    }
    if (!name) {
      ctx.error(cells.issue(row, "name", `A ${typeRaw} row needs a name`));
      continue;
    }
    if (kind.kind === "calculate" && DEVICE_CALCULATION.test(cells.value(row, "calculation"))) {
      // SurveyCTO templates record the device this way; it is metadata Panelwave does not collect.
      ctx.warn(cells.issue(row, "calculation", `"${cells.value(row, "calculation")}" reads device data, which Panelwave does not collect; "${name}" is kept out as ignored metadata${referenced().has(name) ? " and reads as empty" : ""}`));
      if (referenced().has(name)) parts.calculates.push({ name, calculation: "''" });
      continue;
    }
    if (kind.kind === "calculate") {
      const calculation = cells.expression(row, "calculation");
      if (!calculation) {
        if (!cells.value(row, "calculation")) ctx.error(cells.issue(row, "calculation", `Calculate "${name}" has no calculation`));
        ctx.dropped.add(name);
        continue;
      }
      ctx.map.add(["calculates", parts.calculates.length], cells.sheet, row.number, ctx.plainLang);
      parts.calculates.push({ name, calculation });
      continue;
    }
    if (kind.kind === "preload") {
      ctx.map.add(["preload", parts.preload.length], cells.sheet, row.number, ctx.plainLang);
      // Panelwave's extension: parameters "from=VAR" reads the earlier waves' VAR under this name.
      const from = /(?:^|[\s;,])from=(\S+)/i.exec(cells.value(row, "parameters"))?.[1];
      parts.preload.push({ name, ...(label ? { label } : {}), ...(from ? { from } : {}) });
      continue;
    }
    const target = currentPage(row);
    const path: Path = ["pages", parts.pages.indexOf(target), "questions", target.questions.length];
    const inherited = stack.slice(pageDepth).map((f) => f.relevant).filter((r): r is string => !!r);
    const built = buildQuestion(row, kind, cells, ctx, { ...opts, inherited, path });
    if (!built) {
      ctx.dropped.add(name);
      continue;
    }
    ctx.map.add(path, cells.sheet, row.number, ctx.plainLang);
    built.lists.forEach((l) => usedLists.add(l));
    const choiceSheet = opts.choices?.sheet;
    if (choiceSheet) {
      built.optionRows.forEach((r, k) => {
        if (!r) return;
        ctx.map.add([...path, "options", k], choiceSheet, r.row, ctx.plainLang);
        r.variantRows.forEach((vr, v) => ctx.map.add([...path, "options", k, "labelVariants", v], choiceSheet, vr, ctx.plainLang));
      });
      built.matrixRows.forEach((r, k) => ctx.map.add([...path, "rows", k], choiceSheet, r, ctx.plainLang));
    }
    target.questions.push(built.question);
  }
  for (const frame of stack) {
    ctx.error(cells.issue(frame.row, "type", frame.repeat ? `Repeat "${frame.name}" is never closed; add an end_repeat row` : `Group "${frame.name}" is never closed; add an end_group row`));
  }
  if (opts.choices) {
    for (const list of opts.lists.values()) {
      if (!usedLists.has(list.name)) ctx.warn(opts.choices.issue(list.firstRow, "list_name", `List "${list.name}" is not used by any question`));
    }
  }
  return parts;
}

/** Conditions joined with `and`, each in parentheses; undefined when there are none. */
function joinRelevant(conditions: (string | undefined)[]): string | undefined {
  const present = conditions.filter((c): c is string => !!c);
  if (present.length <= 1) return present[0];
  return present.map((c) => `(${c})`).join(" and ");
}
