import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Dismissal } from "../../domain/annotations";
import type { CheckResult } from "../../domain/check";
import type { Finding } from "../../domain/findings";
import { totalsHeadline, totalsLines } from "../../domain/wording";
import type { InsertChoice, PaneActions } from "../actions";
import { noteText } from "../notes";
import { DismissedList, useDismissDialog } from "./Dismissals";
import { FindingsList } from "./FindingsList";
import { ResultSummary } from "./ResultSummary";
import { InsertSection } from "./InsertSection";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    overflowX: "hidden",
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  checkButton: { width: "100%", minHeight: "48px", fontSize: tokens.fontSizeBase400 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  fillList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

type Busy = null | "insert" | "check" | "clear" | "fill" | "export";
const BUSY_TEXT: Record<Exclude<Busy, null>, string> = {
  insert: "正在插入模板…",
  check: "正在读取并检查表格…",
  clear: "正在清除标记…",
  fill: "正在计算合计…",
  export: "正在导出数据…",
};

/** What a fill did, for the pane: one line per total, and how many typed totals it left (to overwrite on request). */
interface FillReport {
  headline: string;
  lines: string[];
  kept: number;
}

export interface AppProps {
  actions: PaneActions;
}

export function App({ actions }: AppProps) {
  const styles = useStyles();
  const capabilities = useMemo(() => actions.capabilities(), [actions]);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [cells, setCells] = useState<ReadonlyMap<string, string>>(new Map());
  const [reasons, setReasons] = useState<ReadonlyMap<string, Dismissal>>(new Map());
  const [marked, setMarked] = useState<number | null>(null);
  const [tracking, setTracking] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [markBlanks, setMarkBlanks] = useState(false);
  const [fill, setFill] = useState<FillReport | null>(null);
  // The insert form folds away once a check has found a template, leaving the narrow pane to the results.
  const [insertOpen, setInsertOpen] = useState(true);
  const { start: startDismissing, dialog } = useDismissDialog<null>((_, finding, reason) => void dismiss(finding, reason));

  async function work<T>(kind: Exclude<Busy, null>, task: () => Promise<T>): Promise<T | undefined> {
    setBusy(kind);
    setError(null);
    setInfo(null);
    try {
      return await task();
    } catch (caught) {
      setError((caught as Error).message);
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const insert = async (choice: InsertChoice) => {
    const outcome = await work("insert", () => actions.insert(choice));
    if (outcome?.status === "inserted") {
      const where = {
        atEmptyParagraph: "光标所在的空白段落",
        afterParagraph: "光标所在段落之后",
        endOfBody: "文档末尾（光标在表格、内容控件或页眉页脚中，模板不能插在那里）",
      }[outcome.place];
      setInfo(`已在${where}插入 ${choice.organization}${choice.year} 年度报告模板。在表格中填入数字后点击“检查”。`);
    }
    return outcome?.status ?? "failed";
  };

  const check = async (markWhenTracking = false) => {
    const outcome = await work("check", () => actions.check({ markBlanks, markWhenTracking }));
    if (!outcome) return;
    setResult(outcome.result);
    setCells(outcome.cells);
    setReasons(new Map(outcome.state.dismissals.map((dismissal) => [dismissal.key, dismissal])));
    setInsertOpen(false);
    setTracking(outcome.status === "trackChanges");
    setMarked(outcome.status === "checked" ? outcome.marked : null);
    // The missing comments API is said once, above, for as long as the pane is open.
    setNotes([...new Set(outcome.notes.filter((note) => note.kind !== "noCommentsApi").map(noteText))]);
  };

  const fillTotals = async (overwrite: boolean) => {
    setFill(null);
    const outcome = await work("fill", () => actions.fillTotals({ overwrite }));
    if (!outcome) return;
    const { plan } = outcome;
    const headline = `${totalsHeadline(plan.changes.length)}。${plan.changes.length > 0 ? "填好后请点击“检查”。" : ""}`;
    setFill({ headline, lines: totalsLines(plan, "可点击下面的按钮改写").map((line) => line.trim()), kept: plan.kept.length });
  };

  const exportFigures = async () => {
    if (!result) return;
    const name = await work("export", () => actions.exportFigures(result, cells));
    if (name) setInfo(`已导出本报告的数据：${name}（上次检查时的数字；改动后请先再次检查）。`);
  };

  const clear = async () => {
    const outcome = await work("clear", () => actions.clear());
    if (outcome) {
      setMarked(null);
      setNotes([...new Set(outcome.notes.map(noteText))]);
      setInfo(outcome.removed > 0 ? `已清除 ${outcome.removed} 处标记，单元格内容未改动。` : "文档中没有本工具添加的标记。");
    }
  };

  const dismiss = async (finding: Finding, reason: string | null) => {
    const done = await work("check", () => actions.dismiss(finding.key, reason));
    if (done) await check();
  };

  return (
    <main className={styles.root}>
      <h1 className={styles.heading}>政府信息公开工作年度报告 · 检查</h1>
      <Accordion
        collapsible
        openItems={insertOpen ? ["insert"] : []}
        onToggle={(_, data) => setInsertOpen(data.openItems.includes("insert"))}
      >
        <AccordionItem value="insert">
          <AccordionHeader>插入模板</AccordionHeader>
          <AccordionPanel>
            <InsertSection busy={busy !== null} onInsert={insert} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <section aria-label="检查" className={styles.root} style={{ padding: 0 }}>
        <Button appearance="primary" className={styles.checkButton} onClick={() => void check()} disabled={busy !== null}>
          检查
        </Button>
        <div className={styles.actions}>
          <Button onClick={() => void clear()} disabled={busy !== null}>
            清除标记
          </Button>
          <Button onClick={() => void fillTotals(false)} disabled={busy !== null}>
            计算合计
          </Button>
          {result && (
            <Button onClick={() => void exportFigures()} disabled={busy !== null}>
              导出数据
            </Button>
          )}
          <Checkbox checked={markBlanks} onChange={(_, data) => setMarkBlanks(Boolean(data.checked))} label="也标注空白单元格" />
        </div>
        {!capabilities.comments && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{noteText({ kind: "noCommentsApi" })}</MessageBarBody>
          </MessageBar>
        )}
        {busy && <Spinner size="small" label={BUSY_TEXT[busy]} />}
        <div role="status" aria-live="polite">
          {error && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {info && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{info}</MessageBarBody>
            </MessageBar>
          )}
          {fill && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{fill.headline}</MessageBarTitle>
                {fill.lines.length > 0 && (
                  <ul className={styles.fillList}>
                    {fill.lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
              {fill.kept > 0 && (
                <MessageBarActions>
                  <Button size="small" onClick={() => void fillTotals(true)} disabled={busy !== null}>
                    改写这 {fill.kept} 个已填的合计
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {notes.map((note) => (
            <MessageBar key={note} intent="warning" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ))}
          {tracking && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>修订（Track Changes）已开启</MessageBarTitle>
                标注问题单元格会被记为修订。下面列出了检查结果；要在文档中标注吗？
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void check(true)}>
                  仍然标注
                </Button>
                <Button size="small" appearance="subtle" onClick={() => setTracking(false)}>
                  不标注
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {result && <ResultSummary result={result} marked={marked} />}
        </div>
        {result && (
          <>
            {result.findings.length === 0 ? (
              <Text>没有发现问题。</Text>
            ) : (
              <FindingsList
                findings={result.findings}
                onSelect={(cell) => void actions.select(cell).catch((caught: Error) => setError(caught.message))}
                onDismiss={(finding) => startDismissing(null, finding)}
              />
            )}
            <DismissedList
              findings={result.dismissed}
              reasons={(key) => reasons.get(key)}
              busy={busy !== null}
              onRestore={(finding) => void dismiss(finding, null)}
            />
          </>
        )}
      </section>
      {dialog}
    </main>
  );
}
