/**
 * A stand-in for office.js in the browser test build: the subset of Office and Word that the add-in uses, over the
 * same fake Word the unit tests use (proxies, load, sync and their counts). The harness page owns the fake, so the
 * pane in its frame and the document drawn beside it are one document.
 */
import { FakeWord } from "../support/fakeWord";

type Callback<T> = (result: { status: string; value: T; error?: Error }) => void;

const shared = window.parent as unknown as { __fakeWord?: FakeWord; __dialogs?: string[]; __dialogEsc?: boolean; __dialogsClosed?: number };
const word: FakeWord = shared.__fakeWord ?? (shared.__fakeWord = new FakeWord());
const succeeded = <T>(callback: Callback<T> | undefined, value: T) => setTimeout(() => callback?.({ status: "succeeded", value }), 0);
const NAMESPACE_PART = (namespace: string) => (part: { xml: string }) => part.xml.includes(`"${namespace}"`);
const failed = (callback: Callback<unknown> | undefined, code: string, message: string) =>
  setTimeout(() => callback?.({ status: "failed", value: null, error: Object.assign(new Error(message), { code }) }), 0);

function commonPart(part: { id: string; xml: string }) {
  return {
    id: part.id,
    getXmlAsync: (callback: Callback<string>) => succeeded(callback, part.xml),
    deleteAsync: (callback: Callback<void>) => {
      word.document.customXmlParts = word.document.customXmlParts.filter((candidate) => candidate !== part);
      word.onChange?.();
      succeeded(callback, undefined);
    },
  };
}

const office = {
  HostType: { Word: "Word" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  DocumentMode: { ReadOnly: "readOnly", ReadWrite: "readWrite" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Word", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: (name: string, version: string) => name === "WordApi" && word.supports(version) },
    document: {
      get mode() {
        return word.document.readOnly ? "readOnly" : "readWrite";
      },
      settings: {
        get: (name: string) => word.settings.get(name) ?? null,
        set: (name: string, value: string) => void word.settings.set(name, value),
        remove: (name: string) => void word.settings.delete(name),
        saveAsync: (callback: Callback<void>) => succeeded(callback, undefined),
      },
      customXmlParts: {
        getByNamespaceAsync(namespace: string, callback: Callback<unknown[]>) {
          // The fake's web-bug switches apply to the Common API as well (office-js #5910, #1643).
          if (word.web.stateReadFails) return failed(callback as Callback<unknown>, "GeneralException", "getByNamespaceAsync failed");
          succeeded(callback, word.document.customXmlParts.filter(NAMESPACE_PART(namespace)).map(commonPart));
        },
        addAsync(xml: string, callback: Callback<unknown>) {
          if (word.web.stateRefusesDeclaration && xml.startsWith("<?xml")) return failed(callback, "InvalidArgument", "XML declaration");
          if (word.web.stateWriteSilentlyFails)
            return succeeded(callback, { id: "{lost}", getXmlAsync: () => undefined, deleteAsync: () => undefined });
          if (word.document.readOnly)
            return setTimeout(
              () => callback({ status: "failed", value: null, error: Object.assign(new Error("read-only"), { code: "AccessDenied" }) }),
              0,
            );
          const part = { id: `{part-${word.document.customXmlParts.length + 1}}`, xml };
          word.document.customXmlParts.push(part);
          word.onChange?.();
          succeeded(callback, commonPart(part));
        },
      },
    },
    ui: {
      displayDialogAsync(url: string, _options: unknown, callback: Callback<unknown>) {
        (shared.__dialogs ??= []).push(url);
        // The user reads the dialog and closes it with the window's close box; with __dialogEsc, with Esc, which
        // on desktop sends no event at all (office-js #5200).
        const dialog = {
          close() {
            shared.__dialogsClosed = (shared.__dialogsClosed ?? 0) + 1;
          },
          addEventHandler(type: string, handler: (event: unknown) => void) {
            if (type === office.EventType.DialogEventReceived && !shared.__dialogEsc) setTimeout(() => handler({ error: 12006 }), 20);
          },
        };
        succeeded(callback, dialog);
      },
      messageParent() {},
    },
  },
  actions: {
    associate(name: string, action: unknown) {
      (window as unknown as { __actions: Record<string, unknown> }).__actions = {
        ...(window as unknown as { __actions?: Record<string, unknown> }).__actions,
        [name]: action,
      };
    },
  },
};

Object.assign(window, { Office: office, Word: { run: (batch: never) => word.run(batch) } });
