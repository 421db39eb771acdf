import { MAX_REPEAT_ENTRIES, type Repeat } from "../definition";
import type { ImportContext, SheetCells } from "./context";
import { parseParameters } from "./build-question";
import type { SheetRow } from "./read-workbook";

/**
 * The repeat of a begin_repeat row: `repeat_count` (a whole number or an expression, as ODK
 * writes it) and Panelwave's `parameters` `min=1 max=10`. Problems name the cell.
 */
export function readRepeat(row: SheetRow, cells: SheetCells, ctx: ImportContext, name: string): Repeat {
  const repeat: Repeat = { name };
  const countRaw = cells.value(row, "repeat_count").trim();
  if (/^\d+$/.test(countRaw)) {
    const n = Number(countRaw);
    if (n > MAX_REPEAT_ENTRIES) ctx.error(cells.issue(row, "repeat_count", `A repeat can have at most ${MAX_REPEAT_ENTRIES} entries, not ${n}`));
    else repeat.count = n;
  } else if (countRaw) {
    const count = cells.expression(row, "repeat_count");
    if (count) repeat.count = count;
  }
  const params = parseParameters(cells.value(row, "parameters"));
  if (typeof params === "string") {
    ctx.error(cells.issue(row, "parameters", params));
    return repeat;
  }
  for (const [key, v] of params) {
    if (key === "preload" && ["yes", "true"].includes(v.toLowerCase())) {
      repeat.preload = true;
      continue;
    }
    const n = Number(v);
    if ((key !== "min" && key !== "max") || !Number.isInteger(n) || n < 0 || n > MAX_REPEAT_ENTRIES) {
      ctx.error(cells.issue(row, "parameters", `Cannot read "${key}=${v}" for repeat "${name}": write min=N and max=N, whole numbers up to ${MAX_REPEAT_ENTRIES}, or preload=yes`));
    } else repeat[key] = n;
  }
  return repeat;
}
