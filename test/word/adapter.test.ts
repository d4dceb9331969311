import { FORMAT_2021 } from "../../src/domain/formats";
import { templateFlatOpc } from "../../src/docx/template";
import { checkAndMark, clearMarks, insertTemplate, selectCell, setDismissal } from "../../src/word/adapter";
import { fillTotals } from "../../src/word/fill";
import { AddinError } from "../../src/word/errors";
import { FakeWord } from "../support/fakeWord";
import { consistentValues, fullWidth, withValue } from "../helpers/reports";

const request = { ooxml: templateFlatOpc(FORMAT_2021, { year: 2025, organization: "某某市某某局" }) };

async function withTemplate(): Promise<FakeWord> {
  const word = new FakeWord();
  await insertTemplate(word, request);
  return word;
}

function typeAll(word: FakeWord, values: Map<string, string>): void {
  for (const [tag, text] of values) word.document.type(tag, text);
}

/** A T3-A column, a T3-C row and a T4-A total broken, and one number typed in full-width digits. */
/** The cells the planted values mark: the one cell singled out, every cell of each sum no single cell explains, the warning. */
const identity = (column: string) => [`t3.1.${column}`, `t3.2.${column}`, `t3.3-7.${column}`, `t3.4.${column}`];
const SUIT_DIRECT = ["upheld", "corrected", "other", "pending", "total"].map((column) => `t4.suit-direct.${column}`);
const PLANTED_T3 = [...identity("legal-service"), ...identity("total"), "t3.3-1.natural", "t3.3-4-1.total"];
const PLANTED_MARKS = [...PLANTED_T3, ...SUIT_DIRECT].sort();
const PLANTED_COMMENTS = ["t3.3-1.natural", "t3.3-4-1.total", "t3.4.legal-service", "t3.4.total", "t4.suit-direct.total"];

function plantedValues(): Map<string, string> {
  let values = consistentValues("2021");
  values = withValue(values, "t3.4.legal-service", String(Number(values.get("t3.4.legal-service")) + 2));
  values = withValue(values, "t3.4.total", String(Number(values.get("t3.4.total")) + 2));
  values = withValue(values, "t3.3-4-1.total", "77");
  values = withValue(values, "t4.suit-direct.total", "0");
  const natural = values.get("t3.3-1.natural")!;
  return withValue(values, "t3.3-1.natural", fullWidth(natural));
}

const fills = (word: FakeWord) => new Map(word.document.controls().map((control) => [control.tag, control.cell!.fill]));
const markedTags = (word: FakeWord) =>
  [...fills(word)]
    .filter(([, fill]) => fill !== "#FFFFFF")
    .map(([tag]) => tag)
    .sort();

describe("insert", () => {
  it("inserts the whole template in two syncs, one tagged control in every data cell", async () => {
    const word = new FakeWord();
    const { value, syncs } = await word.counting(() => insertTemplate(word, request));
    expect(value).toEqual({ status: "inserted", place: "atEmptyParagraph" });
    expect(syncs).toBe(2);
    expect(word.document.controls()).toHaveLength(200);
    expect(word.document.paragraphs()[0]!.text).toBe("某某市某某局2025年政府信息公开工作年度报告");
  });

  it("refuses politely to insert a second template unless confirmed", async () => {
    const word = await withTemplate();
    expect(await insertTemplate(word, request)).toEqual({ status: "exists" });
    expect(word.document.controls()).toHaveLength(200);
    await insertTemplate(word, { ...request, allowSecond: true });
    expect(word.document.controls()).toHaveLength(400);
  });
});

describe("check and mark", () => {
  it("checks a fresh template in two syncs, reports its blanks and shades none of them", async () => {
    const word = await withTemplate();
    const { value, syncs } = await word.counting(() => checkAndMark(word));
    // read (with the fills), shade; nothing to comment
    expect(syncs).toBe(2);
    if (value.status !== "checked") throw new Error(value.status);
    expect(value.result).toMatchObject({
      format: "2021",
      year: 2025,
      organization: "某某市某某局",
      cellsRead: 200,
      errors: 0,
      warnings: 200,
    });
    expect(value.marked).toBe(0);
    expect(markedTags(word)).toEqual([]);
  });

  it("marks exactly the wrong cells, with a comment each, and records the marks", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    const { value, syncs } = await word.counting(() => checkAndMark(word));
    // read (with the fills), shade, comment
    expect(syncs).toBe(3);
    if (value.status !== "checked") throw new Error(value.status);
    expect(value.result.findings.map((finding) => [finding.rule, finding.severity, finding.target])).toEqual([
      ["T3-C", "error", "t3.3-4-1.total"],
      ["T3-B", "error", "t3.3-7.total"],
      ["T3-A", "error", "t3.4.legal-service"],
      ["T3-A", "error", "t3.4.total"],
      ["T3-D", "warning", "t3.3-1.natural"],
      ["T4-A", "error", "t4.suit-direct.total"],
    ]);
    expect(markedTags(word)).toEqual(PLANTED_MARKS);
    expect(fills(word).get("t4.suit-direct.total")).toBe("#FFC7CE");
    expect(fills(word).get("t4.suit-direct.upheld")).toBe("#FFC7CE");
    expect(fills(word).get("t3.3-1.natural")).toBe("#FFEB9C");
    expect(word.document.comments.map((comment) => comment.control?.tag).sort()).toEqual(PLANTED_COMMENTS);
    expect(word.document.comments.every((comment) => comment.content.startsWith("【年报检查】【"))).toBe(true);
    expect(word.document.customXmlParts).toHaveLength(1);
    expect(word.document.customXmlParts[0]!.xml).toContain('cell="t4.suit-direct.total" severity="error"');
  });

  it("takes the same three syncs when every cell is wrong", async () => {
    const word = await withTemplate();
    for (const control of word.document.controls()) word.document.type(control.tag, control.tag.startsWith("t2.fees") ? "1.5" : "7");
    const { value, syncs } = await word.counting(() => checkAndMark(word));
    if (value.status !== "checked") throw new Error(value.status);
    expect(value.result.errors).toBe(35);
    // Every sum breaks and none is explained by one cell alone but （七）总计·总计: nearly every cell takes part.
    expect(value.marked).toBe(190);
    expect(syncs).toBe(3);
  });

  it("re-checking replaces the earlier marks instead of adding to them", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    await checkAndMark(word);
    word.document.type("t4.suit-direct.total", word.document.control("t4.suit-direct.total")!.text === "0" ? String(3 + 1 + 2 + 2) : "8");
    await checkAndMark(word);
    expect(markedTags(word)).toEqual([...PLANTED_T3].sort());
    expect(word.document.comments).toHaveLength(4);
  });

  it("asks before marking when Track Changes is on, and marks when told to", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    word.document.changeTrackingMode = "TrackAll";
    const asked = await checkAndMark(word);
    expect(asked.status).toBe("trackChanges");
    expect(markedTags(word)).toEqual([]);
    expect(word.document.customXmlParts).toEqual([]);
    const marked = await checkAndMark(word, { markWhenTracking: true });
    expect(marked.status).toBe("checked");
    expect(markedTags(word)).toHaveLength(15);
  });

  it("shades only, without comments, where Word lacks WordApi 1.4", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    word.apiVersion = "1.3";
    const outcome = await checkAndMark(word);
    expect(outcome).toMatchObject({ status: "checked", commented: false, marked: 15 });
    expect(word.document.comments).toEqual([]);
    expect(markedTags(word)).toHaveLength(15);
  });

  it("refuses Word older than WordApi 1.3 with a Chinese explanation", async () => {
    const word = await withTemplate();
    word.apiVersion = "1.2";
    await expect(checkAndMark(word)).rejects.toMatchObject({ code: "OLD_WORD", message: expect.stringContaining("命令行") });
  });

  it("says so when the document holds no template", async () => {
    await expect(checkAndMark(new FakeWord())).rejects.toMatchObject({ code: "NO_TEMPLATE" });
  });

  it("reports a read-only document and changes nothing", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    word.document.readOnly = true;
    const error = await checkAndMark(word).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AddinError);
    expect(error).toMatchObject({ code: "READ_ONLY", message: expect.stringContaining("只读") });
    expect(markedTags(word)).toEqual([]);
  });
});

describe("clear", () => {
  it("restores every fill and removes our comments in two syncs, leaving text, the user's fill and comment", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    word.document.control("t2.penalty.decisions")!.cell!.fill = "#00B0F0";
    word.document.control("t3.4.total")!.cell!.fill = "#FFFF00";
    word.document.addComment(word.document.control("t2.penalty.decisions")!, "请再核对一次");
    const before = word.document.controls().map((control) => [control.tag, control.text, control.cell!.fill]);
    await checkAndMark(word);
    expect(fills(word).get("t3.4.total")).toBe("#FFC7CE");
    const { value, syncs } = await word.counting(() => clearMarks(word));
    expect(syncs).toBe(2);
    // t3.4.total was yellow (the user's): marked, then given back its yellow.
    expect(value.removed).toBe(15);
    expect(word.document.controls().map((control) => [control.tag, control.text, control.cell!.fill])).toEqual(before);
    expect(word.document.comments.map((comment) => comment.content)).toEqual(["请再核对一次"]);
    expect(word.document.customXmlParts).toEqual([]);
  });

  it("leaves a mark the user has since recoloured", async () => {
    const word = await withTemplate();
    typeAll(word, plantedValues());
    await checkAndMark(word);
    word.document.control("t4.suit-direct.total")!.cell!.fill = "#92D050";
    await clearMarks(word);
    expect(fills(word).get("t4.suit-direct.total")).toBe("#92D050");
  });
});

describe("select and dismiss", () => {
  it("selects a finding's cell in one sync", async () => {
    const word = await withTemplate();
    const { syncs } = await word.counting(() => selectCell(word, "t3.4.total"));
    expect(syncs).toBe(1);
    expect(word.document.selected?.tag).toBe("t3.4.total");
  });

  it("explains a cell that is no longer there", async () => {
    const word = await withTemplate();
    await expect(selectCell(word, "t3.9.natural")).rejects.toMatchObject({ code: "CELL_NOT_FOUND" });
  });

  it("keeps a dismissal in the document through re-checks and clear, until withdrawn", async () => {
    const word = await withTemplate();
    typeAll(word, withValue(consistentValues("2021"), "t2.licensing.decisions", "12件"));
    const first = await checkAndMark(word);
    if (first.status !== "checked") throw new Error(first.status);
    const key = first.result.findings[0]!.key;
    expect(first.result.findings.map((finding) => finding.rule)).toEqual(["T2-A"]);
    await setDismissal(word, key, "单位为件，不影响合计", new Date("2026-01-10T08:00:00Z"));
    const second = await checkAndMark(word);
    if (second.status !== "checked") throw new Error(second.status);
    expect(second.result.findings).toEqual([]);
    expect(second.result.dismissed.map((finding) => finding.key)).toEqual([key]);
    expect(markedTags(word)).toEqual([]);
    await clearMarks(word);
    expect(word.document.customXmlParts[0]!.xml).toContain('reason="单位为件，不影响合计" date="2026-01-10"');
    await setDismissal(word, key, null);
    const third = await checkAndMark(word);
    if (third.status !== "checked") throw new Error(third.status);
    expect(third.result.findings.map((finding) => finding.key)).toEqual([key]);
  });
});

describe("the fake is strict where a real Word is", () => {
  it("throws on a property read before load, and before sync", async () => {
    const word = await withTemplate();
    await word.run(async (context) => {
      const controls = context.document.body.contentControls;
      expect(() => controls.items).toThrow(/call the load method/);
      controls.load("items/tag");
      expect(() => controls.items).toThrow(/context.sync/);
      await context.sync();
      expect(controls.items).toHaveLength(200);
      expect(() => controls.items[0]!.text).toThrow(/'text' is not available/);
    });
  });

  it("fails a Word.run that queued work it never synced", async () => {
    const word = await withTemplate();
    await expect(
      word.run(async (context) => {
        context.document.contentControls.getByTag("t3.1.natural").getFirst().select();
      }),
    ).rejects.toThrow(/never synced/);
  });
});

describe("fill totals", () => {
  const good = consistentValues("2021");
  const TOTALS = [...good.keys()].filter((id) => id.endsWith(".total") || id.startsWith("t3.3-7."));
  const withoutTotals = () => new Map([...good].map(([id, text]) => [id, TOTALS.includes(id) ? "" : text]));
  const texts = (word: FakeWord) => new Map(word.document.controls().map((control) => [control.tag, control.text]));

  it("writes every blank total from its parts in two syncs, and nothing else", async () => {
    const word = await withTemplate();
    typeAll(word, withoutTotals());
    const { value, syncs } = await word.counting(() => fillTotals(word));
    expect(syncs).toBe(2);
    expect(value.written).toBe(TOTALS.length);
    const after = texts(word);
    expect([...good].filter(([id, text]) => after.get(id) !== text)).toEqual([]);
    expect((await checkAndMark(word)).result.errors).toBe(0);
  });

  it("leaves a typed total that differs, lists it, and writes it only when asked", async () => {
    const word = await withTemplate();
    typeAll(word, withValue(withoutTotals(), "t4.review.total", "99"));
    const first = await fillTotals(word);
    expect(first.plan.kept.map((change) => [change.id, change.value, change.previous])).toEqual([["t4.review.total", 6, "99"]]);
    expect(texts(word).get("t4.review.total")).toBe("99");
    const second = await fillTotals(word, { overwrite: true });
    expect(second.plan.changes.map((change) => [change.id, change.previous])).toEqual([["t4.review.total", "99"]]);
    expect(texts(word).get("t4.review.total")).toBe("6");
  });

  it("blocks a total whose part is not a number, and writes nothing in one sync when nothing is to be written", async () => {
    const word = await withTemplate();
    typeAll(word, withValue(good, "t4.review.upheld", "若干"));
    const { value, syncs } = await word.counting(() => fillTotals(word));
    expect(syncs).toBe(1);
    expect(value.written).toBe(0);
    expect(value.plan.blocked.map((entry) => [entry.id, entry.parts])).toEqual([["t4.review.total", ["t4.review.upheld"]]]);
  });

  it("says there is no template to fill in a document without one", async () => {
    await expect(fillTotals(new FakeWord())).rejects.toBeInstanceOf(AddinError);
  });
});
