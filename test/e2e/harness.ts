/** The test page: a Word-like document on the right, the task pane in a 320-pixel frame on the left. */
import { FakeWord } from "../support/fakeWord";
import { renderDocument } from "./documentView";

const word = new FakeWord();
word.latency = 40;
(window as unknown as { __fakeWord: FakeWord }).__fakeWord = word;

const view = document.getElementById("document")!;
const redraw = () => renderDocument(word.document, view);
word.onChange = redraw;
(window as unknown as { __redraw: () => void }).__redraw = redraw;
redraw();

const pane = document.createElement("iframe");
pane.id = "pane";
pane.name = "pane";
pane.title = "年报检查任务窗格";
pane.src = "taskpane.html";
document.getElementById("pane-slot")!.appendChild(pane);
