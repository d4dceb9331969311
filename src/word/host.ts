/**
 * What the Word adapter needs from its host: Word.run, the requirement-set check, and a store for the annotations
 * part. Production binds these to Office.js (officeHost.ts); tests and the browser build bind them to a fake.
 */
export interface StateStore {
  /** The annotations part's XML, or null when the document has none. */
  read(): Promise<string | null>;
  /** Replaces the part (or removes it, for null). */
  write(xml: string | null): Promise<void>;
}

export interface WordHost {
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("WordApi", version). */
  supports(version: string): boolean;
  /** Office.context.document.mode is ReadOnly: the one case a refused write means a read-only document. */
  isReadOnly(): boolean;
  state: StateStore;
  /** Where the record goes when the part cannot be written: the document's settings (Office.context.document.settings). */
  settingsState?: StateStore;
}
