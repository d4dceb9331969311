/**
 * @jest-environment jsdom
 */
import { FORMAT_2021 } from "../../src/domain/formats";
import { templateFlatOpc } from "../../src/docx/template";
import { insertTemplate } from "../../src/word/adapter";
import type { FakeWord } from "../support/fakeWord";
import { consistentValues, withValue } from "../helpers/reports";
import "../e2e/officeStandIn";
import { DIALOG_WAIT_MS, runCheck, showResult } from "../../src/commands/commands";

const shared = window as unknown as { __fakeWord: FakeWord; __dialogs: string[]; __dialogEsc?: boolean; __dialogsClosed?: number };
const word = shared.__fakeWord;

function event() {
  return { completed: jest.fn(), source: { id: "GovReport.RunCheck" } } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

function lastDialog(): URLSearchParams {
  return new URL(shared.__dialogs[shared.__dialogs.length - 1]!).searchParams;
}

describe("the ribbon's 一键检查 button", () => {
  it("explains an empty document in the dialog and still completes the command", async () => {
    const done = event();
    await runCheck(done);
    expect(done.completed).toHaveBeenCalledTimes(1);
    expect(lastDialog().get("status")).toBe("error");
    expect(lastDialog().get("message")).toContain("文档中没有年度报告模板");
  });

  it("checks and marks without the pane, then shows the counts", async () => {
    await insertTemplate(word, { ooxml: templateFlatOpc(FORMAT_2021, { organization: "某某局", year: 2025 }) });
    for (const [tag, text] of withValue(consistentValues("2021"), "t4.review.total", "0")) word.document.type(tag, text);
    const done = event();
    await runCheck(done);
    expect(done.completed).toHaveBeenCalledTimes(1);
    // 行政复议's 总计 alone is wrong and nothing singles it out: its five cells are shaded.
    expect(Object.fromEntries(lastDialog())).toMatchObject({ status: "checked", errors: "1", warnings: "0", marked: "5" });
    expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFC7CE");
  });

  it("closes the dialog after a minute when Esc closed it without an event, so the button is free again", async () => {
    jest.useFakeTimers();
    shared.__dialogEsc = true;
    const closedBefore = shared.__dialogsClosed ?? 0;
    try {
      let finished = false;
      const waiting = showResult({ status: "checked", errors: 0, warnings: 0, marked: 0 }).then(() => (finished = true));
      await jest.advanceTimersByTimeAsync(DIALOG_WAIT_MS - 1000);
      expect(finished).toBe(false);
      await jest.advanceTimersByTimeAsync(1000);
      await waiting;
      expect(finished).toBe(true);
      expect(shared.__dialogsClosed).toBe(closedBefore + 1);
      expect(DIALOG_WAIT_MS).toBe(60_000);
    } finally {
      shared.__dialogEsc = false;
      jest.useRealTimers();
    }
  });

  it("does not mark under Track Changes, and says so", async () => {
    word.document.changeTrackingMode = "TrackAll";
    const done = event();
    await runCheck(done);
    expect(done.completed).toHaveBeenCalledTimes(1);
    expect(lastDialog().get("status")).toBe("tracking");
    word.document.changeTrackingMode = "Off";
  });
});

describe("the result dialog", () => {
  it.each([
    ["status=checked&errors=2&warnings=1&marked=3", "检查完成：错误 2 项，警告 1 项", "已在文档中标注 3 个单元格"],
    ["status=checked&errors=0&warnings=0&marked=0", "检查完成：没有发现问题", ""],
    ["status=tracking&errors=1&warnings=0", "检查完成：错误 1 项，警告 0 项", "修订（Track Changes）已开启"],
    ["status=error&message=文档为只读", "无法检查", "文档为只读"],
  ])("shows %s", (query, title, line) => {
    document.body.innerHTML = '<h1 id="title"></h1><div id="lines"></div><button id="close"></button>';
    window.history.replaceState(null, "", `/result.html?${query}`);
    jest.isolateModules(() => {
      const office = (window as unknown as { Office: unknown }).Office;
      delete (window as unknown as { Office?: unknown }).Office;
      // isolateModules runs the page script afresh for each URL; it needs the synchronous require.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../src/commands/result");
      (window as unknown as { Office: unknown }).Office = office;
    });
    expect(document.getElementById("title")!.textContent).toBe(title);
    expect(document.getElementById("lines")!.textContent).toContain(line);
  });
});
