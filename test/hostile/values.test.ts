/** Numbers from untrusted text: exact integers or a refusal, and every non-ASCII digit form said (hostile-files issue, "values"). */
import { checkReport } from "../../src/domain/check";
import { parseCellText } from "../../src/domain/values";
import { messageOf } from "../helpers/messages";
import { consistentValues, readingOf, withValue } from "../helpers/reports";

describe("numbers a clerk could not have meant", () => {
  it.each(["9007199254740993", "12345678901234567", "1".repeat(400), "1,234,567,890,123,456"])(
    "refuses %s instead of rounding it",
    (text) => {
      expect(parseCellText(text, "count")).toMatchObject({ status: "invalid", reason: "tooLong" });
    },
  );

  it("keeps 15-digit integers exact", () => {
    expect(parseCellText("999999999999999", "count")).toMatchObject({ status: "number", value: 999999999999999 });
  });

  it("reports a report with a 400-digit cell as an error, never Infinity or NaN", () => {
    const result = checkReport(readingOf(withValue(consistentValues("2021"), "t4.review.upheld", "9".repeat(400)), "2021"));
    const messages = result.findings.map((finding) => messageOf(finding)!);
    expect(result.errors).toBeGreaterThan(0);
    expect(messages.join("\n")).not.toMatch(/Infinity|NaN/);
    expect(messages).toContainEqual(expect.stringContaining("数字位数过多"));
  });

  it.each(["⑫", "①", "¹²", "𝟏𝟐", "１２"])("reads %s with a warning that it is not an ordinary digit", (text) => {
    const parsed = parseCellText(text, "count");
    expect(parsed.status).toBe("number");
    expect(parsed.status === "number" && parsed.notes.map((note) => note.kind)).toEqual([text === "１２" ? "fullWidth" : "otherDigits"]);
  });

  it("never reads plain ASCII digits with a digit-form warning", () => {
    expect(parseCellText("12", "count")).toEqual({ status: "number", value: 12, notes: [] });
  });
});
