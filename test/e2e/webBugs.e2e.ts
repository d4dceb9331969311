/**
 * The pane in Chromium over the fake Word with every web-bug switch on (test/support/fakeWord.ts: unfilled-cell
 * shading throws, colours as names, comment anchors in text, insertComment refused, the XML part unreadable and
 * unwritable): check, mark and clear still complete, the pane says what could not be done, and no cell stays shaded.
 */
import type { Server } from "node:http";
import type { Browser, Frame, Page } from "playwright-core";
import { ALL_WEB_BUGS, type FakeWord } from "../support/fakeWord";
import { consistentValues, withValue } from "../helpers/reports";
import { launch, serve } from "./browser";

jest.setTimeout(120_000);

type HarnessWindow = { __fakeWord: FakeWord };

let browser: Browser;
let server: Server;
let page: Page;
let pane: Frame;

beforeAll(async () => {
  const served = await serve();
  server = served.server;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1320, height: 860 } });
  await page.goto(`${served.url}/harness.html`);
  await page.waitForSelector("#pane");
  pane = page.frame({ name: "pane" })!;
  await pane.getByRole("button", { name: "检查" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const ourFills = () =>
  page.evaluate(() =>
    (window as unknown as HarnessWindow).__fakeWord.document
      .controls()
      .filter((control) => ["#FFC7CE", "#FFEB9C"].includes(control.cell?.fill ?? ""))
      .map((control) => control.tag),
  );

it("checks, marks and clears with every web bug on, and says what could not be done", async () => {
  await pane.getByLabel(/机关名称/).fill("某市某局");
  await pane.getByLabel("报告年度").fill("2025");
  await pane.getByRole("button", { name: "在光标处插入 2025 年度报告模板" }).click();
  await pane.getByText(/插入 某市某局2025 年度报告模板/).waitFor();
  const values = [...withValue(consistentValues("2021"), "t4.review.total", "99")];
  await page.evaluate(
    ([entries, bugs]) => {
      const word = (window as unknown as HarnessWindow).__fakeWord;
      for (const [tag, text] of entries) word.document.type(tag, text);
      word.document.addUserControl("用户的控件", "备注", "unfilledCell");
      word.web = bugs;
    },
    [values, ALL_WEB_BUGS] as const,
  );
  await pane.getByRole("button", { name: "检查", exact: true }).click();
  await pane.getByLabel("检查结果").waitFor();
  await pane.getByText(/^批注未能添加：/).waitFor();
  await pane.getByText(/^未能读取文档中保存的“忽略”记录/).waitFor();
  await pane.getByText(/已改存在文档设置中/).waitFor();
  expect(await ourFills()).toHaveLength(5);
  await pane.getByRole("button", { name: "清除标记" }).click();
  await pane.getByText(/已清除 5 处标记/).waitFor();
  expect(await ourFills()).toEqual([]);
});
