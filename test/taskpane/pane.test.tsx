/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { createActions } from "../../src/taskpane/actions";
import { FakeWord } from "../support/fakeWord";
import { consistentValues, withValue } from "../helpers/reports";

function renderPane(word = new FakeWord()) {
  const actions = createActions(word);
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} />
    </FluentProvider>,
  );
  return word;
}

async function insertTemplate(organization = "某某市某某局") {
  fireEvent.change(screen.getByLabelText(/机关名称/), { target: { value: organization } });
  fireEvent.change(screen.getByLabelText("报告年度"), { target: { value: "2025" } });
  fireEvent.click(screen.getByRole("button", { name: /插入 2025 年度报告模板/ }));
  await screen.findByText(/插入 某某市某某局2025 年度报告模板/);
}

beforeEach(() => window.localStorage.clear());

describe("the task pane", () => {
  it("inserts a template for the agency and year, and remembers the agency", async () => {
    const word = renderPane();
    await insertTemplate();
    expect(word.document.controls()).toHaveLength(200);
    expect(window.localStorage.getItem("gov-report:organization")).toBe("某某市某某局");
  });

  it("defaults the year to last year and the format to the year's", () => {
    renderPane();
    const year = String(new Date().getFullYear() - 1);
    expect(screen.getByLabelText("报告年度")).toHaveProperty("value", year);
    expect(screen.getByText(/按年度自动选择：2021 年格式/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("报告年度"), { target: { value: "2020" } });
    expect(screen.getByText(/按年度自动选择：2019 年格式/)).toBeTruthy();
  });

  it("asks before inserting a second template", async () => {
    const word = renderPane();
    await insertTemplate();
    fireEvent.click(screen.getByRole("button", { name: /插入 2025 年度报告模板/ }));
    await screen.findByText(/文档中已有一份年度报告模板/);
    expect(word.document.controls()).toHaveLength(200);
    fireEvent.click(screen.getByRole("button", { name: "仍然插入" }));
    await waitFor(() => expect(word.document.controls()).toHaveLength(400));
  });

  it("checks a fresh template and folds its 200 blanks into one line per table", async () => {
    renderPane();
    await insertTemplate();
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    const status = await screen.findByLabelText("检查结果");
    expect(within(status).getByText("200/200")).toBeTruthy();
    expect(screen.getByText("警告：175 个空白单元格（计算时按 0 计）")).toBeTruthy();
    expect(screen.getByText("警告：10 个空白单元格（计算时按 0 计）")).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /^定位到单元格/ })).toHaveLength(0);
  });

  it("lists each error with its expected value, and a click selects the cell", async () => {
    const word = renderPane();
    await insertTemplate();
    for (const [tag, text] of withValue(consistentValues("2021"), "t4.review.total", "0")) word.document.type(tag, text);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    const finding = await screen.findByRole("button", { name: /定位到单元格：表四“行政复议”四项之和为 \d+/ });
    expect(screen.getByText(/^应为 \d+$/)).toBeTruthy();
    expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFC7CE");
    fireEvent.click(finding);
    await waitFor(() => expect(word.document.selected?.tag).toBe("t4.review.total"));
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    // the five cells of 行政复议 were shaded (no single cell explains the sum)
    await screen.findByText(/已清除 5 处标记/);
    expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFFFFF");
  });

  it("dismisses a finding with a reason, keeps it dismissed, and can undo it", async () => {
    const word = renderPane();
    await insertTemplate();
    for (const [tag, text] of withValue(consistentValues("2021"), "t2.licensing.decisions", "12件")) word.document.type(tag, text);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    fireEvent.click(await screen.findByRole("button", { name: "忽略此问题…" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox"), { target: { value: "单位不影响合计" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "忽略" }));
    await screen.findByText("已忽略 1 项");
    expect(screen.getByText("没有发现问题。")).toBeTruthy();
    expect(screen.getByText(/^理由：单位不影响合计（\d{4}-\d{2}-\d{2}）$/)).toBeTruthy();
    expect(word.document.customXmlParts[0]!.xml).toContain("单位不影响合计");
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText("已忽略 1 项");
    // Undo waits until the check has finished (no two operations at once).
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销忽略" })).toHaveProperty("disabled", false));
    fireEvent.click(screen.getByRole("button", { name: "撤销忽略" }));
    await screen.findByRole("button", { name: "忽略此问题…" });
  });

  it("asks before marking under Track Changes", async () => {
    const word = renderPane();
    await insertTemplate();
    for (const [tag, text] of withValue(consistentValues("2021"), "t4.review.total", "0")) word.document.type(tag, text);
    word.document.changeTrackingMode = "TrackAll";
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText("修订（Track Changes）已开启");
    expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFFFFF");
    fireEvent.click(screen.getByRole("button", { name: "仍然标注" }));
    await waitFor(() => expect(word.document.control("t4.review.total")!.cell!.fill).toBe("#FFC7CE"));
  });

  it("explains an empty document, a read-only one, and a Word without comments", async () => {
    const word = new FakeWord();
    word.apiVersion = "1.3";
    renderPane(word);
    expect(screen.getByText(/不支持批注接口/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText(/文档中没有年度报告模板的表格/);
    await insertTemplate();
    word.document.type("t4.review.total", "9");
    word.document.readOnly = true;
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "检查" })));
    await screen.findByText(/文档为只读/);
  });

  it("fills the blank totals on request, lists each cell it wrote, and overwrites a typed total only when confirmed", async () => {
    const word = renderPane();
    await insertTemplate();
    const good = consistentValues("2021");
    for (const [tag, text] of good) word.document.type(tag, tag.endsWith(".total") && tag !== "t4.review.total" ? "" : text);
    word.document.type("t4.review.total", "99");
    fireEvent.click(screen.getByRole("button", { name: "计算合计" }));
    await screen.findByText(/^已计算并写入 \d+ 个合计/);
    expect(screen.getAllByText(/^填入 表[三四].*：\d+$/).length).toBeGreaterThan(20);
    expect(screen.getByText(/^未改 表四.*行政复议.*填写“99”，按各项应为 6（可点击下面的按钮改写）$/)).toBeTruthy();
    expect(word.document.controls().find((control) => control.tag === "t4.review.total")!.text).toBe("99");
    fireEvent.click(screen.getByRole("button", { name: "改写这 1 个已填的合计" }));
    await screen.findByText(/^改写 表四.*行政复议.*原为“99”，现为 6$/);
    expect(word.document.controls().find((control) => control.tag === "t4.review.total")!.text).toBe("6");
  });

  it("exports the checked report's figures as an .xlsx download", async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), "blob:x"), revokeObjectURL: () => undefined });
    // jsdom does not navigate: the download link's click is the browser's business.
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const word = renderPane();
    await insertTemplate();
    for (const [tag, text] of consistentValues("2021")) word.document.type(tag, text);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    fireEvent.click(await screen.findByRole("button", { name: "导出数据" }));
    await screen.findByText(/^已导出本报告的数据：某某市某某局2025年报数据\.xlsx/);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(blobs[0]!.size).toBeGreaterThan(5000);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});
