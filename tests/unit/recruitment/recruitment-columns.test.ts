// The recruitment list's value labels: the questionnaire's, overridden by those the study
// settings print, whether kept per column (settings page) or per variable (older settings).
import { describe, expect, it } from "vitest";
import { recruitmentColumns } from "../../../lib/recruitment/recruitment-columns";
import { surveyDefinitionSchema } from "../../../lib/surveys/definition";
import { smallSurvey } from "../../fixtures/small-survey";

const waves = [{ id: "w1", position: 1, def: surveyDefinitionSchema.parse(smallSurvey) }];

describe("recruitmentColumns", () => {
  it("prints a column's own value labels over the questionnaire's", () => {
    const set = recruitmentColumns({ recruitmentColumns: [{ key: "where", label: "Where now", variable: "where_now", valueLabels: { moved_on: "Elsewhere" } }] }, waves, "en");
    expect(set.columns).toEqual([{ key: "where", label: "Where now", variable: "where_now", valueLabels: { moved_on: "Elsewhere" } }]);
    expect(Object.fromEntries(set.labels.get("where")!)).toEqual({ stayed: "Norway", returned: "Ukraine", moved_on: "Elsewhere" });
  });

  it("still reads labels kept per variable", () => {
    const set = recruitmentColumns({
      recruitmentColumns: [{ key: "where", label: "Where now", variable: "where_now" }], recruitmentValueLabels: { where_now: { stayed: "In Norway" } },
    }, waves, "en");
    expect(set.labels.get("where")!.get("stayed")).toBe("In Norway");
  });
});
