/** What the offline page's components may ask of its host; passed as a prop, so that tests can give their own. */
import { download } from "../shared/download";
import { annotatedCopy, blankTemplate, checkFile, clearedCopy, figuresExport, siblingName, withDismissal } from "./fileHost";

export interface PageActions {
  checkFile: typeof checkFile;
  withDismissal: typeof withDismissal;
  annotatedCopy: typeof annotatedCopy;
  clearedCopy: typeof clearedCopy;
  blankTemplate: typeof blankTemplate;
  download: typeof download;
  siblingName: typeof siblingName;
  figuresExport: typeof figuresExport;
}

export const FILE_ACTIONS: PageActions = {
  checkFile,
  withDismissal,
  annotatedCopy,
  clearedCopy,
  blankTemplate,
  download,
  siblingName,
  figuresExport,
};
