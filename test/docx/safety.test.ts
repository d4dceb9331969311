import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { FORMAT_2021 } from "../../src/domain/formats";
import { openDocx } from "../../src/docx/package";
import { templateDocx } from "../../src/docx/template";
import { readErrorOf } from "../helpers/messages";
import { parseXml, XmlError } from "../../src/util/xml";
import { withDocumentXml } from "../helpers/docx";

const template = templateDocx(FORMAT_2021, { organization: "某某局", year: 2024 });
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

const readError = readErrorOf;

describe("untrusted .docx files", () => {
  it("refuses a zip bomb: an entry that inflates past the limit", async () => {
    const bomb = zipSync(
      { "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": new Uint8Array(80 * 1024 * 1024) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await readError("bomb.docx", bomb);
    expect(error.code).toBe("ZIP_TOO_LARGE");
    expect(error.message).toContain("不像正常的 Word 文档");
  });

  it("refuses a zip with too many entries", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${index}.xml`, strToU8("<a/>")]));
    expect(() => openDocx(zipSync(files), { maxEntries: 20, maxEntryBytes: 1e6, maxTotalBytes: 1e7 })).toThrow(/包含超过 20 个文件/);
  });

  it.each([
    ["report.doc", "LEGACY_DOC", "另存为” .docx"],
    ["report.wps", "LEGACY_DOC", "WPS"],
    ["report.docx", "LEGACY_DOC", "另存为” .docx"],
    ["report.docx", "ENCRYPTED", "已加密"],
  ])("explains what to do with %s in the old binary format", async (name, code, message) => {
    // An encrypted package is a compound file with an EncryptionInfo stream; a .doc renamed .docx is not encrypted.
    const encryptionInfo = Uint8Array.from([..."EncryptionInfo"].flatMap((char) => [char.charCodeAt(0), 0]));
    const error = await readError(name, code === "ENCRYPTED" ? Uint8Array.from([...OLE, ...encryptionInfo]) : OLE);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("explains a truncated file", async () => {
    const error = await readError("cut.docx", template.slice(0, Math.floor(template.length / 2)));
    expect(error.code).toBe("CORRUPT_ZIP");
    expect(error.message).toContain("已损坏或不完整");
  });

  it("explains a zip that is not a Word document", async () => {
    const error = await readError("photos.docx", zipSync({ "a.jpg": new Uint8Array(10) }));
    expect(error.code).toBe("NOT_DOCX");
  });

  it("refuses a document that declares a DTD or entities", async () => {
    const xxe = withDocumentXml(template, (xml) =>
      xml.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document'),
    );
    const error = await readError("xxe.docx", xxe);
    expect(error.code).toBe("BAD_XML");
  });

  it("explains malformed XML", async () => {
    const broken = withDocumentXml(template, (xml) => xml.replace("</w:body>", ""));
    expect((await readError("broken.docx", broken)).code).toBe("BAD_XML");
  });

  it("explains a file that is neither text nor .docx", async () => {
    expect((await readError("x.txt", Uint8Array.from([1, 0, 2, 0, 3, 0]))).code).toBe("NOT_TEXT");
  });
});

describe("the XML reader", () => {
  it("decodes the predefined and numeric entities and refuses others", async () => {
    const root = parseXml('<a b="&lt;&#x4E2D;&#25991;&amp;"/>');
    expect(root.attrs.get("b")).toBe("<中文&");
    expect(() => parseXml('<a b="&ext;"/>')).toThrow(XmlError);
  });
  it("refuses mismatched tags", async () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow(XmlError);
  });
});

describe("the command line never writes over its input", () => {
  const run = (...argv: string[]) => main(argv, { stdout: () => undefined, stderr: () => undefined });
  it.each([
    ["check", "--annotate"],
    ["clear", "-o"],
  ])("%s %s with the input as output is refused and the file is unchanged", async (command, flag) => {
    const folder = mkdtempSync(join(tmpdir(), "gov-report-"));
    const file = join(folder, "report.docx");
    writeFileSync(file, template);
    const args = command === "check" ? ["check", file, flag, join(folder, ".", "report.docx")] : ["clear", file, flag, file];
    expect(await run(...args)).toBe(2);
    expect(Buffer.compare(readFileSync(file), Buffer.from(template))).toBe(0);
  });
});
