/** gov-report fill: totals computed from their parts, written only where blank unless --overwrite; nothing guessed. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { checkReport } from "../../src/domain/check";
import { FORMAT_2021 } from "../../src/domain/formats";
import { planTotals } from "../../src/domain/totals";
import { readDocxReport } from "../../src/docx/reader";
import { templateDocx } from "../../src/docx/template";
import { documentXmlOf, fillControls } from "../helpers/docx";
import { consistentValues, readingOf, withValue } from "../helpers/reports";

const dir = mkdtempSync(join(tmpdir(), "gov-report-fill-"));
const good = consistentValues("2021");
const TOTALS = [...good.keys()].filter((id) => id.endsWith(".total") || id.startsWith("t3.3-7."));

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** The report with every total left blank, as a clerk leaves them before asking for the sums. */
function withoutTotals(values: typeof good): typeof good {
  return new Map([...values].map(([id, text]) => [id, TOTALS.includes(id) ? "" : text]));
}

describe("planTotals", () => {
  it("computes every blank total of 表三 and 表四 from its parts, and they reconcile", async () => {
    const plan = planTotals(readingOf(withoutTotals(good), "2021"));
    expect(plan.blocked).toEqual([]);
    expect(new Map(plan.changes.map((change) => [change.id, String(change.value)]))).toEqual(
      new Map(TOTALS.map((id) => [id, good.get(id)!])),
    );
  });

  it("never changes a typed total without overwrite, and lists it with the value it should have", async () => {
    const values = withValue(withoutTotals(good), "t4.review.total", "99");
    const plan = planTotals(readingOf(values, "2021"));
    expect(plan.changes.map((change) => change.id)).not.toContain("t4.review.total");
    expect(plan.kept).toEqual([{ id: "t4.review.total", value: Number(good.get("t4.review.total")), previous: "99" }]);
    const overwritten = planTotals(readingOf(values, "2021"), { overwrite: true });
    expect(overwritten.changes).toContainEqual({ id: "t4.review.total", value: Number(good.get("t4.review.total")), previous: "99" });
  });

  it("blocks a total whose part is not a number, and the totals that depend on it, instead of guessing", async () => {
    const plan = planTotals(readingOf(withValue(withoutTotals(good), "t3.3-1.natural", "若干"), "2021"));
    const blocked = new Map(plan.blocked.map((entry) => [entry.id, entry.parts]));
    expect(blocked.get("t3.3-1.total")).toEqual(["t3.3-1.natural"]);
    expect(blocked.get("t3.3-7.natural")).toEqual(["t3.3-1.natural"]);
    expect(plan.changes.map((change) => change.id)).not.toContain("t3.3-7.total");
  });
});

describe("gov-report fill", () => {
  it("writes the blank totals into the template's controls, and the filled report checks clean", async () => {
    const input = join(dir, "in.docx");
    writeFileSync(input, fillControls(templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 }), withoutTotals(good)));
    const { status, stdout } = await run("fill", input, "-o", join(dir, "out.docx"));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^已计算并写入 \d+ 个合计/);
    expect(stdout).toContain(`填入 表四“行政复议 · 总计”：${good.get("t4.review.total")}`);
    const result = checkReport(readDocxReport(readFileSync(join(dir, "out.docx"))));
    expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("leaves a typed total as it is and says so, and changes it only with --overwrite", async () => {
    const input = join(dir, "typed.docx");
    writeFileSync(
      input,
      fillControls(templateDocx(FORMAT_2021, { organization: "某市某局", year: 2024 }), withValue(good, "t4.review.total", "99")),
    );
    const kept = await run("fill", input, "-o", join(dir, "kept.docx"));
    expect(kept.stdout).toContain("未改 表四“行政复议 · 总计”：填写“99”");
    expect(documentXmlOf(readFileSync(join(dir, "kept.docx")))).toBe(documentXmlOf(readFileSync(input)));
    const changed = await run("fill", input, "-o", join(dir, "changed.docx"), "--overwrite");
    expect(changed.stdout).toContain(`改写 表四“行政复议 · 总计”：原为“99”，现为 ${good.get("t4.review.total")}`);
    expect(checkReport(readDocxReport(readFileSync(join(dir, "changed.docx")))).errors).toBe(0);
  });

  it("refuses a document without our controls", async () => {
    const input = join(dir, "plain.txt.docx");
    writeFileSync(input, readFileSync(join(__dirname, "..", "fixtures", "examples", "2021-template-wps-no-controls.docx")));
    const { status, stderr } = await run("fill", input, "-o", join(dir, "plain-out.docx"));
    expect(status).toBe(2);
    expect(stderr).toContain("只能为带内容控件的模板");
  });
});
