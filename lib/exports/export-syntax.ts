// SPSS, Stata and R files that read an export's CSV and apply its labels.
import { z } from "zod";
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { once, type Download } from "../files/download";
import { prepareExport, type ExportQuery } from "./export-query";
import { rScript, spssSyntax, stataDo } from "./syntax";

export const syntaxToolSchema = z.enum(["spss", "stata", "r"]);
export type SyntaxTool = z.infer<typeof syntaxToolSchema>;

const FILES: Record<SyntaxTool, { ext: string; type: string; make: typeof spssSyntax }> = {
  spss: { ext: "sps", type: "text/plain; charset=utf-8", make: spssSyntax },
  stata: { ext: "do", type: "text/plain; charset=utf-8", make: stataDo },
  r: { ext: "R", type: "text/plain; charset=utf-8", make: rScript },
};

/** The script for `tool`, reading the CSV the same options would export (its file name included). */
export async function exportSyntax(db: Db, user: StaffUser, slug: string, tool: SyntaxTool, query: ExportQuery, now: Date): Promise<Download> {
  const t = FILES[syntaxToolSchema.parse(tool)];
  const { study, layout, q, fileBase } = await prepareExport(db, user, slug, { ...query, format: "csv" }, now);
  const text = t.make({ entries: layout.codebook, csvFile: `${fileBase}.csv`, lang: q.lang, title: `${study.name} (${q.shape})` });
  return { filename: `${fileBase}.${t.ext}`, contentType: t.type, rows: null, body: once(text) };
}
