// An admin uploads questionnaires: a broken XLSForm shows every problem by sheet, row and column
// and saves nothing; the wave-2 XLSForm becomes a new version with a preview and a diff.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";

import { ADMIN, expectNoAxeViolations, signIn } from "./helpers";

const STUDY = "/studies/ua-norway";

/** An XLSForm whose select_one names a list the choices sheet does not have, plus a select without a list. */
async function badXlsForm(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet("survey");
  survey.addRow(["type", "name", "label::English (en)"]);
  survey.addRow(["select_one where_options", "where_now", "Where do you live now?"]);
  survey.addRow(["select_multiple", "reasons", "Why did you leave?"]);
  const choices = wb.addWorksheet("choices");
  choices.addRow(["list_name", "name", "label::English (en)"]);
  choices.addRow(["where", "stayed", "Norway"]);
  const file = join(mkdtempSync(join(tmpdir(), "pw-e2e-xlsform-")), "broken-wave.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

test("an admin sees every problem of a broken XLSForm, then uploads wave 2 as a new version with a preview and a diff", async ({ page }) => {
  await signIn(page, ADMIN, `${STUDY}/instruments`);
  await expect(page.getByRole("heading", { level: 1, name: "Instruments" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wave 1 (2022)" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Upload a new version" }).click();
  await page.getByLabel("Instrument", { exact: true }).selectOption("Wave 1 (2022)");
  await page.getByLabel("File", { exact: true }).setInputFiles(await badXlsForm());
  await page.getByRole("button", { name: "Upload" }).click();
  const problems = page.locator("#file-problems");
  await expect(problems).toBeVisible();
  await expect(page.locator(".error-summary")).toBeFocused();
  const rows = problems.locator("tbody tr");
  await expect(rows.filter({ hasText: 'List "where_options" is not on the choices sheet' })).toHaveText(/^survey\s*2\s*type/);
  await expect(rows.filter({ hasText: "select_multiple needs a choice list name" })).toHaveText(/^survey\s*3\s*type/);
  await expect(page.getByRole("columnheader")).toHaveText(["Sheet", "Row", "Column", "Problem"]);
  await expect(page.getByText("Nothing was saved.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("File", { exact: true }).setInputFiles(resolve("db/seed/forms/wave2.xlsx"));
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/\/instruments\/[0-9a-f-]{36}\?uploaded=created/);
  await expect(page.getByRole("heading", { level: 1, name: "Wave 1 (2022) – version 2" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Saved as version 2 of Wave 1 (2022).");
  await expect(page.getByText("wave2.xlsx had no warnings.").or(page.locator("#upload-warnings"))).toBeVisible();

  // The preview frame: the respondent page, phone-sized, first page.
  const frame = page.locator("iframe.inst-phone");
  await expect(frame).toBeVisible();
  expect(await frame.evaluate((f) => [f.clientWidth, f.clientHeight])).toEqual([360, 740]);
  await expect(page.frameLocator("iframe.inst-phone").locator('form#survey [data-q="where_now"]')).toBeVisible();

  // The diff against version 1, selected by default.
  await expect(page.getByRole("heading", { name: "Changes from Wave 1 (2022) – version 1 to version 2" })).toBeVisible();
  const added = page.locator('[data-changes="added"]');
  await expect(added.locator("tr", { hasText: "where_now" }).first()).toContainText("Question added");
  await expect(page.locator('[data-changes="removed"]').locator("tr", { hasText: "consent_followup" }).first()).toContainText("Question removed");
  await expectNoAxeViolations(page);

  // Every page in every language: a conditional page in Ukrainian, its condition above the frame.
  await page.getByRole("link", { name: "Preview every page in every language" }).click();
  await page.getByLabel("Page", { exact: true }).selectOption("reasons_page");
  await page.getByLabel("Language", { exact: true }).selectOption("uk");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("[data-page-condition]")).toContainText("${leaver} = 'yes'");
  const preview = page.frameLocator("iframe.inst-phone");
  await expect(preview.locator("html")).toHaveAttribute("lang", "uk");
  await expect(preview.locator('[data-q="reasons"] input[type="checkbox"]').first()).toBeVisible();
  await expect(preview.getByText("regardless of conditions")).toBeVisible();
  await preview.getByRole("button", { name: "Далі" }).click();
  await expect(preview.locator("#survey")).toHaveAttribute("data-page", "ties_page");
  await expectNoAxeViolations(page);

  // Still exactly two versions: the preview saved nothing.
  await page.goto(`${STUDY}/instruments`);
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Wave 1 (2022)" }) }).locator("tbody tr")).toHaveCount(2);
});
