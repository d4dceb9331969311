/**
 * Files in the OLE compound format: old Word (.doc) and WPS (.wps) documents, and .docx files Word encrypted with
 * a password (an encrypted OOXML package is stored inside a compound file). None can be read; each gets its reason.
 */
import { ReportReadError } from "./errors";
import { startsWith, type ReportReader } from "./registry";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An encrypted package names its streams in UTF-16: "EncryptionInfo" appears in the compound file's directory. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const marker = [..."EncryptionInfo"].flatMap((char) => [char.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length - marker.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < marker.length; j++) if (bytes[i + j] !== marker[j]) continue outer;
    return true;
  }
  return false;
}

export const LEGACY_BINARY_READER: ReportReader = {
  id: "ole",
  sniff: (bytes) => startsWith(bytes, OLE_MAGIC),
  read(bytes, _options) {
    if (isEncryptedPackage(bytes)) {
      throw new ReportReadError("ENCRYPTED", "文件已加密（设置了打开密码），无法读取。请在 Word 中取消密码后另存为 .docx 再检查");
    }
    throw new ReportReadError(
      "LEGACY_DOC",
      "这是旧版 Word（.doc）或 WPS（.wps）文件，无法直接读取。请在 Word 或 WPS 中“另存为” .docx 格式后再检查",
    );
  },
};
