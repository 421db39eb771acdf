import { describe, expect, it } from "vitest";
import { decodeXstring } from "../../../lib/surveys/xlsform/xlsx-parts";

describe("cell text as the file format escapes it (_xHHHH_)", () => {
  it.each([
    ["Line one_x000D_\nLine two", "Line one\r\nLine two"],
    ["tab_x0009_here", "tab\there"],
    ["a literal _x005F_x0041_ stays", "a literal _x0041_ stays"],
    ["snake_case_x_name", "snake_case_x_name"],
    ["_x00e9_t_x00C9_", "étÉ"],
  ])("decodes %j", (raw, text) => {
    expect(decodeXstring(raw)).toBe(text);
  });
});
