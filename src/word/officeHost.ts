/**
 * The Word adapter's host bound to the real Office.js. The annotations part goes through the Common API's custom
 * XML parts (available since Word 2013), so it works on every Word the add-in supports and does not add syncs.
 */
import { ANNOTATIONS_NAMESPACE } from "../domain/annotations";
import type { StateStore, WordHost } from "./host";

function promised<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(result.error))),
  );
}

const parts = () =>
  promised<Office.CustomXmlPart[]>((callback) =>
    Office.context.document.customXmlParts.getByNamespaceAsync(ANNOTATIONS_NAMESPACE, callback),
  );

const commonApiState: StateStore = {
  async read() {
    const [part] = await parts();
    return part ? promised<string>((callback) => part.getXmlAsync(callback)) : null;
  },
  async write(xml) {
    const existing = await parts();
    if (xml !== null) await promised((callback) => Office.context.document.customXmlParts.addAsync(xml, callback));
    await Promise.all(existing.map((part) => promised((callback) => part.deleteAsync(callback))));
  },
};

/** The document's settings, saved with the document: the record's fallback where the part cannot be written. */
const SETTINGS_KEY = "govReportAnnotations";
const settingsState: StateStore = {
  async read() {
    const value: unknown = Office.context.document.settings.get(SETTINGS_KEY);
    return typeof value === "string" ? value : null;
  },
  async write(xml) {
    if (xml === null) Office.context.document.settings.remove(SETTINGS_KEY);
    else Office.context.document.settings.set(SETTINGS_KEY, xml);
    await promised((callback) => Office.context.document.settings.saveAsync(callback));
  },
};

export const officeHost: WordHost = {
  run: (batch) => Word.run(batch),
  supports: (version) => Office.context.requirements.isSetSupported("WordApi", version),
  isReadOnly: () => Office.context.document.mode === Office.DocumentMode.ReadOnly,
  state: commonApiState,
  settingsState,
};
