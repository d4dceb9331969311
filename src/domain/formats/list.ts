/**
 * The format revisions, newest first. A new revision is one more file beside this one and one more entry here;
 * everything else (the checker, the readers, the template builder, the pane and the command line) reads this list.
 */
import { FORMAT_2019 } from "./format2019";
import { FORMAT_2021 } from "./format2021";

export const FORMAT_LIST = [FORMAT_2021, FORMAT_2019] as const;
