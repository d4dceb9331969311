import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { clearText } from "../../domain/wording";
import { REPORT_EXTENSIONS } from "../../docx/readerList";
import type { InsertChoice } from "../../taskpane/actions";
import { InsertSection } from "../../taskpane/components/InsertSection";
import { useDismissDialog } from "../../taskpane/components/Dismissals";
import type { CheckedFile } from "../fileHost";
import type { PageActions } from "../actions";
import { FileResult } from "./FileResult";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    maxWidth: "960px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
  },
  title: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  template: { maxWidth: "480px" },
  exports: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface CheckerAppProps {
  actions: PageActions;
}

interface Progress {
  done: number;
  total: number;
  current: string;
}

let nextId = 0;

/** The offline checker: drop or choose reports, see each one's problems, download marked, cleared or blank copies. */
export function CheckerApp({ actions }: CheckerAppProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [dragging, setDragging] = useState(false);
  const [markBlanks, setMarkBlanks] = useState(false);
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());
  const [busyFile, setBusyFile] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const replace = (file: CheckedFile) => setFiles((current) => current.map((entry) => (entry.id === file.id ? file : entry)));
  const note = (file: CheckedFile, text: string | null) =>
    setNotes((current) => {
      const next = new Map(current);
      if (text === null) next.delete(file.id);
      else next.set(file.id, text);
      return next;
    });

  /** Files are read and checked one at a time, so that a batch of hundreds keeps the page responsive. */
  const addFiles = async (chosen: readonly File[]) => {
    if (chosen.length === 0 || progress) return;
    setMessage(null);
    const added: CheckedFile[] = [];
    for (const [index, file] of chosen.entries()) {
      setProgress({ done: index, total: chosen.length, current: file.name });
      // Let the page paint the progress before the next file is read.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = await actions.checkFile(`file-${nextId++}`, file.name, bytes);
      added.push(checked);
      setFiles((current) => [...current, checked]);
    }
    setProgress(null);
    const failed = added.filter((file) => file.failure).length;
    const withErrors = added.filter((file) => (file.result?.errors ?? 0) > 0).length;
    setMessage(
      `已检查 ${added.length} 个文件：${withErrors} 份有错误，${added.length - failed - withErrors} 份未发现错误` +
        (failed > 0 ? `，${failed} 个无法读取` : ""),
    );
  };

  const annotate = (file: CheckedFile) => {
    setBusyFile(file.id);
    try {
      const { bytes, marked } = actions.annotatedCopy(file, { markBlanks });
      actions.download(bytes, actions.siblingName(file.name, "标注"));
      note(file, `已下载标注副本：标注了 ${marked} 个单元格（错误标红、警告标黄，并附批注）。`);
    } catch (error) {
      note(file, `无法生成标注副本：${(error as Error).message}`);
    } finally {
      setBusyFile(null);
    }
  };

  const clear = (file: CheckedFile) => {
    setBusyFile(file.id);
    try {
      const { output, report } = actions.clearedCopy(file);
      actions.download(output, actions.siblingName(file.name, "已清除标记"));
      note(file, `${clearText(report)}，已下载清除后的副本。`);
    } catch (error) {
      note(file, `无法清除标记：${(error as Error).message}`);
    } finally {
      setBusyFile(null);
    }
  };

  const changeDismissal = async (file: CheckedFile, key: string, reason: string | null) => {
    setBusyFile(file.id);
    try {
      replace(await actions.withDismissal(file, key, reason));
      note(file, reason === null ? "已撤销忽略。" : "已忽略该问题；下载标注副本时，理由会保存在副本中。");
    } finally {
      setBusyFile(null);
    }
  };

  const { start: startDismissing, dialog } = useDismissDialog<CheckedFile>(
    (file, finding, reason) => void changeDismissal(file, finding.key, reason),
  );

  const exportFigures = async (kind: "xlsx" | "csv") => {
    try {
      const { bytes, name, type } = await actions.figuresExport(files, kind);
      actions.download(bytes, name, type);
      setMessage(`已导出 ${files.length} 个文件的数据：${name}（每份报告一行、每个单元格一列；另有问题清单和无法读取的文件）`);
    } catch (error) {
      setMessage(`无法导出数据：${(error as Error).message}`);
    }
  };

  const downloadTemplate = async (choice: InsertChoice) => {
    const { bytes, name } = actions.blankTemplate(choice);
    actions.download(bytes, name);
    setMessage(`已下载空白模板：${name}`);
    return "inserted" as const;
  };

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>政府信息公开工作年度报告 · 离线检查</h1>
      <Text>
        检查年度报告的勾稽关系：本年新收 + 上年结转 = 办理结果总计 +
        结转下年度、各行“总计”等于各列之和等，并指出应填的数值。报告只在本机的浏览器中处理，不会上传，也不会保存在浏览器中。
      </Text>
      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void addFiles([...event.dataTransfer.files]);
        }}
      >
        <Text weight="semibold">把报告文件拖到这里，或</Text>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={progress !== null}>
          选择文件…
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept={REPORT_EXTENSIONS.join(",")}
          aria-label="选择要检查的报告文件"
          tabIndex={-1}
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])];
            event.target.value = "";
            void addFiles(chosen);
          }}
        />
        <Text size={200}>可以一次选择多个文件：Word 文档（.docx）、PDF、网页（.html、.mht）、文本（.txt）</Text>
      </div>
      <Checkbox checked={markBlanks} onChange={(_, data) => setMarkBlanks(Boolean(data.checked))} label="标注副本中也标出空白单元格" />
      <div role="status" aria-live="polite">
        {progress && (
          <Field label={`正在检查第 ${progress.done + 1} 个，共 ${progress.total} 个：${progress.current}`} validationState="none">
            <ProgressBar value={progress.done / progress.total} aria-label="检查进度" />
          </Field>
        )}
        {message && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.results}>
        {files.map((file) => (
          <FileResult
            key={file.id}
            file={file}
            busy={busyFile !== null || progress !== null}
            note={notes.get(file.id) ?? null}
            onAnnotate={annotate}
            onClear={clear}
            onDismiss={startDismissing}
            onRestore={(target, key) => void changeDismissal(target, key, null)}
          />
        ))}
      </div>
      {files.length > 0 && (
        <div className={styles.exports}>
          <Button disabled={progress !== null} onClick={() => void exportFigures("xlsx")}>
            导出数据（.xlsx）
          </Button>
          <Button disabled={progress !== null} onClick={() => void exportFigures("csv")}>
            导出数据（.csv）
          </Button>
          <Button
            appearance="subtle"
            disabled={progress !== null}
            onClick={() => {
              setFiles([]);
              setNotes(new Map());
              setMessage(null);
            }}
          >
            清空列表
          </Button>
        </div>
      )}
      <Accordion collapsible>
        <AccordionItem value="template">
          <AccordionHeader>下载空白模板</AccordionHeader>
          <AccordionPanel className={styles.template}>
            <InsertSection
              busy={false}
              remember={false}
              onInsert={downloadTemplate}
              submitLabel={(year) => `下载 ${year ?? ""} 年度报告模板（.docx）`}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {dialog}
    </main>
  );
}
