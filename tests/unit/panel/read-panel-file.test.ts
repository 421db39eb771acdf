// An .xlsx panel file read by the project's own XLSX reader into CSV lines that keep Excel's row
// numbers; date-formatted cells (Excel serial numbers) arrive as ISO dates.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InvalidInput } from "../../../lib/errors/app-error";
import { parseCsv } from "../../../lib/panel/parse-csv";
import { panelFileKind, xlsxToCsv } from "../../../lib/panel/read-panel-file";

async function workbook(rows: (string | number | Date | null)[][], blankFirst = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Panel");
  if (blankFirst) ws.addRow([]);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(3).numFmt = "dd.mm.yyyy";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("xlsxToCsv", () => {
  it("turns date cells (serial numbers in a date format) into ISO dates, whatever their display format", async () => {
    const bytes = await workbook([
      ["email", "language", "consent_date", "consent_follow_up_surveys"],
      ["a@example.org", "en", new Date(Date.UTC(2025, 0, 12)), "yes"],
      ["b;c@example.org", "nb", null, "no"],
    ]);
    const parsed = parseCsv(new TextDecoder().decode(await xlsxToCsv(bytes)));
    expect(parsed).toMatchObject({ ok: true, delimiter: "," });
    if (!parsed.ok) return;
    expect(parsed.records).toEqual([
      { line: 1, cells: ["email", "language", "consent_date", "consent_follow_up_surveys"] },
      { line: 2, cells: ["a@example.org", "en", "2025-01-12", "yes"] },
      { line: 3, cells: ["b;c@example.org", "nb", "", "no"] },
    ]);
  });

  it("keeps Excel's row numbers when rows are empty, so problems name the row the researcher sees", async () => {
    const bytes = await workbook([["email"], ["a@example.org"], [null], ["b@example.org"]], true);
    const parsed = parseCsv(new TextDecoder().decode(await xlsxToCsv(bytes)));
    expect(parsed.ok && parsed.records.map((r) => [r.line, r.cells[0]])).toEqual([[2, "email"], [3, "a@example.org"], [5, "b@example.org"]]);
  });

  it("refuses what is not an .xlsx with a message about panel files", async () => {
    await expect(xlsxToCsv(new TextEncoder().encode("PK\u0003\u0004 not really"))).rejects.toBeInstanceOf(InvalidInput);
  });

  it("tells CSV from .xlsx by name or by the zip signature", () => {
    expect(panelFileKind("panel.csv", new TextEncoder().encode("email\n"))).toBe("csv");
    expect(panelFileKind("panel.XLSX", new Uint8Array())).toBe("xlsx");
    expect(panelFileKind("panel", new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("xlsx");
  });
});
