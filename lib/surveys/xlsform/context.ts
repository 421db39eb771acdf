import type { Text } from "../definition";
import { tryCompileExpression } from "../expr/compile";
import type { XlsFormIssue } from "./issues";
import type { Header, Sheet, SheetRow } from "./read-workbook";
import { mapPulldata } from "./pulldata";
import { SourceMap } from "./source-map";

/** Shared state of one import: problems found so far and where definition fields came from. */
export class ImportContext {
  readonly errors: XlsFormIssue[] = [];
  readonly warnings: XlsFormIssue[] = [];
  readonly map = new SourceMap();
  /** Names of rows refused (and left out) already: references to them are not reported again. */
  readonly dropped = new Set<string>();
  /** Survey rows that identify the respondent (caseid, hidden, preload): pulldata() keyed by them is a preload. */
  readonly identity = new Set<string>();
  /** Every name on the survey sheet: a preload field made for pulldata() must not take one. */
  readonly rowNames = new Set<string>();
  /** Preload fields made for pulldata(): name → the earlier waves' variable and the first cell that read it. */
  readonly pulled = new Map<string, { from: string; at: XlsFormIssue }>();
  private readonly pulledName = new Map<string, string>();

  /** The preload field reading earlier-wave `variable`: its own name, or `<variable>_earlier` when the form uses that name. */
  preloadNameFor(variable: string): string {
    let name = this.pulledName.get(variable);
    if (name) return name;
    name = variable;
    for (let i = 1; this.rowNames.has(name) || (this.pulled.has(name) && this.pulled.get(name)!.from !== variable); i++) name = `${variable}_earlier${i > 1 ? i : ""}`;
    this.pulledName.set(variable, name);
    return name;
  }
  constructor(readonly plainLang: string) {}

  error(issue: XlsFormIssue): void {
    this.errors.push(issue);
  }
  warn(issue: XlsFormIssue): void {
    this.warnings.push(issue);
  }
}

/** Reads cells of one sheet by column name, with translations gathered into Text. */
export class SheetCells {
  private readonly byBase = new Map<string, Header[]>();
  constructor(readonly sheet: Sheet, private readonly ctx: ImportContext) {
    for (const h of sheet.headers) {
      const list = this.byBase.get(h.base) ?? [];
      list.push(h);
      this.byBase.set(h.base, list);
    }
  }

  has(base: string): boolean {
    return this.byBase.has(base);
  }

  header(base: string, lang?: string): Header | undefined {
    const list = this.byBase.get(base) ?? [];
    return lang === undefined ? list.find((h) => !h.lang) ?? list[0] : list.find((h) => h.lang === lang);
  }

  /** The untranslated cell of a column ('' when empty or absent). */
  value(row: SheetRow, base: string): string {
    const h = this.byBase.get(base)?.find((x) => !x.lang);
    return h ? row.cells.get(h.col) ?? "" : "";
  }

  /** All languages of a translatable column; the plain column counts as the default language. */
  text(row: SheetRow, base: string): Text | undefined {
    const out: Text = {};
    for (const h of this.byBase.get(base) ?? []) {
      const v = row.cells.get(h.col);
      if (!v) continue;
      if (h.lang) out[h.lang] = v;
      else if (!out[this.ctx.plainLang]) out[this.ctx.plainLang] = v;
    }
    // A translated column wins over the plain one for the same language.
    for (const h of this.byBase.get(base) ?? []) if (h.lang && row.cells.get(h.col)) out[h.lang] = row.cells.get(h.col)!;
    return Object.keys(out).length ? out : undefined;
  }

  issue(row: SheetRow | number, base: string, message: string): XlsFormIssue {
    const h = this.header(base);
    return {
      sheet: this.sheet.name,
      row: typeof row === "number" ? row : row.number,
      column: h?.raw ?? base,
      columnLetter: h?.letter,
      message,
    };
  }

  /**
   * An expression cell, syntax-checked here so the error names this cell; a broken
   * expression is reported and left out, so later checks do not report it twice.
   */
  expression(row: SheetRow, base: string): string | undefined {
    let source = this.value(row, base);
    if (!source) return undefined;
    // Other platforms' preload idioms: pulldata() keyed by the respondent reads a preload field.
    const pulled = mapPulldata(source.replace(/[\u2018\u2019]/g, "'"), this.ctx.identity, (v) => this.ctx.preloadNameFor(v));
    if (pulled && !pulled.ok) {
      this.ctx.error(this.issue(row, base, pulled.message));
      return undefined;
    }
    if (pulled) {
      const names = pulled.fields.map((f) => this.ctx.preloadNameFor(f));
      pulled.fields.forEach((f, i) => { if (!this.ctx.pulled.has(names[i])) this.ctx.pulled.set(names[i], { from: f, at: this.issue(row, base, "") }); });
      const said = pulled.fields.map((f, i) => (names[i] === f ? `"${f}"` : `"${f}" (as "${names[i]}", since this form uses that name)`));
      this.ctx.warn(this.issue(row, base, `pulldata() keyed by the respondent reads ${said.join(", ")} from the earlier waves as ${pulled.fields.length > 1 ? "preload fields" : "a preload field"}: ${pulled.source}`));
      source = pulled.source;
    }
    const r = tryCompileExpression(source);
    if (r.ok) return source;
    // Spreadsheet autocorrect turns quotes curly; read them as the straight quotes meant.
    const straight = source.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
    if (straight !== source && tryCompileExpression(straight).ok) {
      this.ctx.warn(this.issue(row, base, `Curly quotes read as straight quotes: ${straight}`));
      return straight;
    }
    this.ctx.error(this.issue(row, base, r.error.message));
    return undefined;
  }
}
