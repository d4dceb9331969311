/**
 * The adapter against Word as it really behaves: each of the fake's web-bug switches (test/support/fakeWord.ts,
 * office-js threads by number) on its own, then all at once. Check, mark, clear and dismiss must complete, say what
 * could not be done, leave no cell shaded after clear, and keep to the sync budget (check-and-mark 3, clear 2).
 */
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateFlatOpc } from "../../src/docx/template";
import { checkAndMark, clearMarks, insertTemplate, setDismissal, type CheckOutcome } from "../../src/word/adapter";
import { ALL_WEB_BUGS, FakeWord, type WebBugs } from "../support/fakeWord";
import { consistentValues, withValue } from "../helpers/reports";

const OUR_FILLS = ["#FFC7CE", "#FFEB9C"];

async function wordWith(bugs: Partial<WebBugs>): Promise<FakeWord> {
  const word = new FakeWord();
  await insertTemplate(word, { ooxml: templateFlatOpc(FORMAT_2021, { year: 2025, organization: "某市某局" }) });
  for (const [tag, text] of withValue(consistentValues("2021"), "t4.review.total", "99")) word.document.type(tag, text);
  // A user's own controls: one in an unshaded table cell (the cell whose fill read throws on the web), one in the text.
  word.document.addUserControl("用户的控件", "备注", "unfilledCell");
  word.document.addUserControl("用户的段落控件", "说明", "paragraph");
  word.web = { ...word.web, ...bugs };
  return word;
}

const shaded = (word: FakeWord) => word.document.controls().filter((control) => OUR_FILLS.includes(control.cell?.fill ?? ""));
const notes = (outcome: { notes: { kind: string }[] }) => outcome.notes.map((note) => note.kind);

async function checked(word: FakeWord): Promise<{ outcome: Extract<CheckOutcome, { status: "checked" }>; syncs: number }> {
  const { value, syncs } = await word.counting(() => checkAndMark(word));
  if (value.status !== "checked") throw new Error(value.status);
  return { outcome: value, syncs };
}

describe("one web bug at a time", () => {
  it.each([[""], [null], ["throw"]] as const)(
    "shadingColor of an unfilled cell read as %j: check and clear complete",
    async (unfilledShading) => {
      const word = await wordWith({ unfilledShading });
      const { outcome, syncs } = await checked(word);
      expect(syncs).toBeLessThanOrEqual(3);
      expect(outcome.marked).toBe(5);
      expect(notes(outcome)).toEqual([]);
      const cleared = await word.counting(() => clearMarks(word));
      expect(cleared.syncs).toBe(2);
      expect(shaded(word)).toEqual([]);
      expect(word.document.control("用户的控件")!.cell!.fill).toBeNull();
    },
  );

  it("reads colours given back as names as the template's white, and still finds our marks", async () => {
    const word = await wordWith({ colorNames: true });
    await checked(word);
    await clearMarks(word);
    expect(shaded(word)).toEqual([]);
    expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFFFFF");
  });

  it("reads a control's text without the \\u0005 of the comments anchored in it", async () => {
    const word = await wordWith({ commentAnchors: true });
    const first = await checked(word);
    const second = await checked(word);
    expect(second.outcome.result.findings.map((finding) => finding.key)).toEqual(
      first.outcome.result.findings.map((finding) => finding.key),
    );
    expect(second.outcome.result.warnings).toBe(0);
  });

  it("keeps the shading and the record when insertComment fails with NotAllowed, and says so", async () => {
    const word = await wordWith({ insertCommentFails: true });
    const { outcome, syncs } = await checked(word);
    expect(syncs).toBe(3);
    expect(outcome.commented).toBe(false);
    expect(notes(outcome)).toEqual(["commentsFailed"]);
    expect(shaded(word)).toHaveLength(5);
    expect(word.document.customXmlParts).toHaveLength(1);
    await clearMarks(word);
    expect(shaded(word)).toEqual([]);
  });

  it("goes on with an empty record when the part cannot be read, and says earlier dismissals could not be read", async () => {
    const word = await wordWith({ stateReadFails: true });
    const { outcome } = await checked(word);
    expect(notes(outcome)).toContain("stateUnread");
    expect(outcome.marked).toBe(5);
  });

  it("keeps dismissals in the document's settings when the part write fails silently, and reads them back", async () => {
    const word = await wordWith({ stateWriteSilentlyFails: true });
    const { outcome } = await checked(word);
    expect(notes(outcome)).toContain("stateInSettings");
    const key = outcome.result.findings[0]!.key;
    await setDismissal(word, key, "口径不同");
    expect(word.settings.get("govReportAnnotations")).toContain("口径不同");
    const again = await checked(word);
    expect(again.outcome.result.dismissed.map((finding) => finding.key)).toEqual([key]);
  });

  it("writes the part without an XML declaration, which Word on the web requires", async () => {
    const word = await wordWith({ stateRefusesDeclaration: true });
    const { outcome } = await checked(word);
    expect(notes(outcome)).toEqual([]);
    expect(word.document.customXmlParts[0]!.xml.startsWith("<gr:annotations")).toBe(true);
  });

  it("says once that marks come without comments and Track Changes cannot be seen where WordApi 1.4 is missing", async () => {
    const word = await wordWith({});
    word.apiVersion = "1.3";
    const { outcome } = await checked(word);
    expect(notes(outcome)).toEqual(["noCommentsApi"]);
  });
});

describe("every web bug at once", () => {
  it("checks, marks, dismisses and clears within the sync budget, and leaves no cell shaded", async () => {
    const word = await wordWith(ALL_WEB_BUGS);
    const { outcome, syncs } = await checked(word);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(outcome.marked).toBe(5);
    expect(notes(outcome).sort()).toEqual(["commentsFailed", "stateUnread", "stateInSettings"].sort());
    await setDismissal(word, outcome.result.findings[0]!.key, "已核实");
    const cleared = await word.counting(() => clearMarks(word));
    expect(cleared.syncs).toBe(2);
    expect(shaded(word)).toEqual([]);
    expect(
      word.document
        .controls()
        .filter((control) => control.cell)
        .every((control) => !OUR_FILLS.includes(control.cell!.fill ?? "")),
    ).toBe(true);
  });
});

describe("inserting where the cursor is", () => {
  const ooxml = templateFlatOpc(FORMAT_2021, { year: 2025, organization: "某市某局" });

  it.each([
    ["midParagraph", "afterParagraph"],
    ["table", "endOfBody"],
    ["control", "endOfBody"],
    ["header", "endOfBody"],
  ] as const)("with the cursor in %s, puts the template whole into the body (%s), never inside the structure", async (cursorIn, place) => {
    const word = new FakeWord();
    word.document.blocks = [{ kind: "paragraph", text: "已有文字" }];
    word.document.cursorIn = cursorIn;
    const { value, syncs } = await word.counting(() => insertTemplate(word, { ooxml, expectedCells: 200 }));
    expect(value).toEqual({ status: "inserted", place });
    expect(syncs).toBe(2);
    expect(word.document.controls()).toHaveLength(200);
    expect(word.document.elsewhere).toEqual([]);
    expect(word.document.paragraphs()[0]!.text).toBe("已有文字");
    expect(word.document.paragraphs()[1]!.text).toBe("某市某局2025年政府信息公开工作年度报告");
  });

  it("is what an insert at the selection gets wrong: in a header the template leaves the body", async () => {
    const word = new FakeWord();
    word.document.cursorIn = "header";
    word.document.insertAtSelection(ooxml, true);
    expect(word.document.controls()).toHaveLength(0);
    expect(word.document.elsewhere.length).toBeGreaterThan(0);
  });

  it("reports a failed insert when the count of cells is not the template's", async () => {
    const word = new FakeWord();
    await expect(insertTemplate(word, { ooxml, expectedCells: 201 })).rejects.toMatchObject({ code: "INSERT_FAILED" });
  });
});
