import type { Option } from "../definition";
import type { ImportContext, SheetCells } from "./context";

/** Choice-sheet columns with a meaning of their own; any other plain column is a filter column. */
const RESERVED = new Set(["list_name", "name", "label", "relevant", "exclusive", "hint", "image", "audio", "video", "big_image", "media"]);

export interface ChoiceList {
  name: string;
  firstRow: number;
  options: Option[];
  /** Sheet row of each option, and of each of its label variants. */
  rows: { row: number; variantRows: number[] }[];
}

const YES = new Set(["yes", "true", "true()", "1", "y"]);
export const isYes = (s: string) => YES.has(s.trim().toLowerCase());

/**
 * Reads the choices sheet into lists. A repeated name in one list is an error unless the
 * settings allow duplicates; then the first row is the option (its label is the one reports
 * use, its `relevant` decides when the option is offered) and each later row with the same
 * name is a label variant, shown instead when its `relevant` holds.
 */
export function readChoices(cells: SheetCells, ctx: ImportContext, allowDuplicates: boolean): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const sheet = cells.sheet;
  for (const base of ["list_name", "name", "label"]) {
    if (!cells.has(base) && !(base === "label" && sheet.headers.some((h) => h.base === "label"))) {
      ctx.error({ sheet: sheet.name, row: sheet.headerRow || 1, column: base, message: `The choices sheet needs a "${base.replace("_", " ")}" column` });
    }
  }
  const filterHeaders = sheet.headers.filter((h) => !h.lang && !RESERVED.has(h.base));
  for (const row of sheet.rows) {
    const listName = cells.value(row, "list_name");
    const code = cells.value(row, "name");
    if (!listName) {
      ctx.error(cells.issue(row, "list_name", `Choice "${code}" has no list name`));
      continue;
    }
    if (!code) {
      ctx.error(cells.issue(row, "name", `A choice in list "${listName}" has no name`));
      continue;
    }
    // A space is fine in a list only single-choice questions use (as in pyxform); the definition
    // check refuses it, at this row, where a multiple choice uses the list.
    let list = lists.get(listName);
    if (!list) {
      list = { name: listName, firstRow: row.number, options: [], rows: [] };
      lists.set(listName, list);
    }
    const label = cells.text(row, "label") ?? {};
    const relevant = cells.expression(row, "relevant");
    const index = list.options.findIndex((o) => o.code === code);
    if (index >= 0) {
      const first = list.rows[index].row;
      if (!allowDuplicates) {
        ctx.error(cells.issue(row, "name", `Choice "${code}" appears twice in list "${listName}" (first on row ${first}); to give one option a second wording, set allow_choice_duplicates to yes in settings and add a relevant saying when each wording is shown`));
      } else if (!relevant) {
        if (!cells.value(row, "relevant")) ctx.error(cells.issue(row, "relevant", `Row repeats choice "${code}" of list "${listName}" (first on row ${first}); a second wording needs a relevant saying when it is shown`));
      } else {
        const option = list.options[index];
        option.labelVariants = [...(option.labelVariants ?? []), { when: relevant, label }];
        list.rows[index].variantRows.push(row.number);
      }
      continue;
    }
    const option: Option = { code, label };
    const exclusive = cells.value(row, "exclusive");
    if (exclusive && isYes(exclusive)) option.exclusive = true;
    if (relevant) option.relevant = relevant;
    const filter: Record<string, string> = {};
    for (const h of filterHeaders) {
      const v = row.cells.get(h.col);
      if (v !== undefined) filter[h.raw] = v;
    }
    if (Object.keys(filter).length) option.filter = filter;
    list.options.push(option);
    list.rows.push({ row: row.number, variantRows: [] });
  }
  return lists;
}
