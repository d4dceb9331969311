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

  function message(reason) {
    return (
      "<div role=\"alert\" style=\"font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;line-height:1.6;padding:16px;color:#242424\">" +
      '<h1 style="font-size:16px;margin:0 0 8px">年报检查无法在此运行</h1>' +
      "<p>" +
      reason +
      "</p>" +
      "<p>本加载项需要 <b>Word 2021</b>、<b>Microsoft 365</b> 或<b>网页版 Word</b>；Word 2019 需要安装 Microsoft Edge WebView2 运行库。</p>" +
      "<p>其他版本的 Word 或 WPS 用户：请使用本工具的<b>命令行程序</b> gov-report 检查 .docx 报告并生成标注副本（安装和用法见本工具的说明文档 README），或请单位的信息化人员协助。</p>" +
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
    show("当前 Word 使用的是旧版浏览器内核（Internet Explorer 或旧版 Edge），无法运行本加载项。");
    return;
  }
  window.setTimeout(function () {
    show("页面脚本未能启动（可能是网络或浏览器内核的问题）。");
  }, START_TIMEOUT_MS);
})();
