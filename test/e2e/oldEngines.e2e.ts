/**
 * Word 2019's engines: Internet Explorer 11 (volume-licensed) and EdgeHTML (retail without WebView2). Each page
 * the add-in serves, opened with their user agents in Chromium, shows the Chinese message instead of a blank pane;
 * and a page whose bundle never starts shows it too, after a few seconds.
 */
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { launch, serve } from "./browser";

jest.setTimeout(60_000);

const AGENTS = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
};

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = await serve());
  browser = await launch();
});

afterAll(async () => {
  await browser.close();
  server.close();
});

describe.each(Object.entries(AGENTS))("with the user agent of %s", (_name, userAgent) => {
  it.each(["taskpane", "commands", "result", "help"])("%s.html shows which Word works and what to use instead", async (page) => {
    const context = await browser.newContext({ userAgent });
    const tab = await context.newPage();
    await tab.goto(`${url}/${page}.html`);
    const alert = tab.getByRole("alert");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain("年报检查无法在此运行");
    expect(text).toContain("旧版浏览器内核");
    expect(text).toContain("Word 2021");
    expect(text).toContain("WebView2");
    // The offline page first, the command line second.
    expect(text!.indexOf("离线检查网页")).toBeGreaterThan(0);
    expect(text!.indexOf("离线检查网页")).toBeLessThan(text!.indexOf("命令行程序"));
    expect(text).toContain(`${url}/checker.html`);
    await context.close();
  });

  it("checker.html says which browsers work", async () => {
    const context = await browser.newContext({ userAgent });
    const tab = await context.newPage();
    await tab.goto(`${url}/checker.html`);
    const alert = tab.getByRole("alert");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain("年报离线检查无法在此浏览器中运行");
    expect(text).toContain("Internet Explorer 或旧版 Edge");
    expect(text).toContain("Firefox ESR");
    expect(text).toContain("极速模式");
    await context.close();
  });
});

it("shows the message when the pane's bundle does not start", async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.route(/taskpane\.js$/, (route) => route.abort());
  await tab.goto(`${url}/taskpane.html`);
  const alert = tab.getByRole("alert");
  await alert.waitFor({ timeout: 20_000 });
  expect(await alert.textContent()).toContain("页面脚本未能启动");
  await context.close();
});
