/**
 * Saves bytes as a download from a page: a Blob URL for a moment, nothing kept. The offline page and the task pane
 * use it; in the pane, Word on Windows and on the web save it as a browser does, Word for Mac's WKWebView does not
 * download from add-ins (office-js #2700, by design).
 */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function download(bytes: Uint8Array, name: string, type = DOCX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
