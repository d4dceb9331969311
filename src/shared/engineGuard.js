/*
 * Inlined first in every page the add-in serves, and written in ES5 so that the oldest engines parse it: Word 2019
 * volume-licensed runs add-ins in Internet Explorer 11 (Trident), Word 2019 retail without WebView2 in EdgeHTML.
 * Neither parses the pages' ES2020 bundles, so without this the pane would stay blank. On those engines, and when a
 * bundle has not started within a few seconds for any reason, the page is replaced by a message in Chinese saying
 * which Word works and what to use instead. (A test parses this file as ES5.)
 */
(function () {
  var START_TIMEOUT_MS = 10000;
  var userAgent = window.navigator.userAgent;
  var oldEngine = /Trident\/|MSIE /.test(userAgent) || /\bEdge\/\d/.test(userAgent);

  // The offline checker (checker.html) is one file beside the add-in's pages: its address, for a browser.
  var checkerAddress = window.location.href.replace(/[^/]*$/, "checker.html");
  var isChecker = document.documentElement.getAttribute("data-page") === "checker";

  function message(reason) {
    var needs = isChecker
      ? "<p>本页面需要较新的浏览器：<b>Chrome</b>、<b>Edge</b>、<b>Firefox ESR</b>，或 <b>360 安全浏览器</b>、<b>QQ 浏览器</b>的极速模式（不支持 Internet Explorer 和兼容模式）。</p>" +
        "<p>请用上述浏览器打开本文件；也可以使用本工具的<b>命令行程序</b> gov-report（安装和用法见本工具的说明文档 README）。</p>"
      : "<p>本加载项需要 <b>Word 2021</b>、<b>Microsoft 365</b> 或<b>网页版 Word</b>；Word 2019 需要安装 Microsoft Edge WebView2 运行库。</p>" +
        "<p>其他版本的 Word 或 WPS 用户：请用 Chrome、Edge 等浏览器打开本工具的<b>离线检查网页</b>（" +
        checkerAddress.replace(/&/g, "&amp;").replace(/</g, "&lt;") +
        "，也可以复制 checker.html 文件到本机打开），检查 .docx 报告并下载标注副本；或使用<b>命令行程序</b> gov-report（见本工具的说明文档 README），或请单位的信息化人员协助。</p>";
    return (
      "<div role=\"alert\" style=\"font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;line-height:1.6;padding:16px;color:#242424\">" +
      '<h1 style="font-size:16px;margin:0 0 8px">' +
      (isChecker ? "年报离线检查无法在此浏览器中运行" : "年报检查无法在此运行") +
      "</h1>" +
      "<p>" +
      reason +
      "</p>" +
      needs +
      "</div>"
    );
  }

  function show(reason) {
    if (window.__govReportStarted) return;
    var render = function () {
      document.body.innerHTML = message(reason);
    };
    if (document.body) render();
    else document.addEventListener("DOMContentLoaded", render);
  }

  if (oldEngine) {
    window.__govReportUnsupported = true;
    show(
      isChecker
        ? "当前浏览器是 Internet Explorer 或旧版 Edge（或兼容模式），无法运行本页面。"
        : "当前 Word 使用的是旧版浏览器内核（Internet Explorer 或旧版 Edge），无法运行本加载项。"
    );
    return;
  }
  window.setTimeout(function () {
    show("页面脚本未能启动（可能是网络或浏览器内核的问题）。");
  }, START_TIMEOUT_MS);
})();
