// The retention form's fields as settings.retention: each problem named by its field.
import { describe, expect, it } from "vitest";
import { InvalidInput } from "../../../lib/errors/app-error";
import { parseRetentionForm } from "../../../lib/privacy/update-retention";

const issues = (f: Parameters<typeof parseRetentionForm>[0]) => {
  try {
    parseRetentionForm(f);
  } catch (e) {
    if (e instanceof InvalidInput) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

describe("the retention form", () => {
  it("reads a schedule, with answers kept for good when left empty", () => {
    expect(parseRetentionForm({ endDate: " 2027-12-31 ", contactMonths: "6", answersMonths: "" })).toEqual({ endDate: "2027-12-31", contactMonths: 6, answersMonths: null });
    expect(parseRetentionForm({ endDate: "2027-12-31", contactMonths: "0", answersMonths: "120" })).toEqual({ endDate: "2027-12-31", contactMonths: 0, answersMonths: 120 });
  });
  it("clears the schedule when the end date and the contact months are empty", () => {
    expect(parseRetentionForm({ endDate: "", contactMonths: " " })).toBeNull();
  });
  it("names every bad field", () => {
    expect(issues({ endDate: "", contactMonths: "six", answersMonths: "-1" })).toEqual(["endDate", "contactMonths", "answersMonths"]);
  });
});
