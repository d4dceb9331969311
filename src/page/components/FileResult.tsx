import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/findings";
import { FindingsList } from "../../taskpane/components/FindingsList";
import { ResultSummary } from "../../taskpane/components/ResultSummary";
import { DismissedList } from "../../taskpane/components/Dismissals";
import type { CheckedFile } from "../fileHost";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, wordBreak: "break-all" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap" },
});

export interface FileResultProps {
  file: CheckedFile;
  busy: boolean;
  /** What the last action on this file did, in Chinese. */
  note: string | null;
  onAnnotate(file: CheckedFile): void;
  onClear(file: CheckedFile): void;
  onDismiss(file: CheckedFile, finding: Finding): void;
  onRestore(file: CheckedFile, key: string): void;
}

/** One file's result, as the task pane shows a document's: a region named by the file. */
export function FileResult({ file, busy, note, onAnnotate, onClear, onDismiss, onRestore }: FileResultProps) {
  const styles = useStyles();
  const { result, failure } = file;
  return (
    <section role="region" aria-label={file.name} className={styles.region}>
      <h2 className={styles.name}>{file.name}</h2>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>无法读取</MessageBarTitle>
            {failure.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <ResultSummary result={result} label={`${file.name} 的检查结果`} />
          {file.isDocx && (
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy} onClick={() => onAnnotate(file)}>
                下载标注副本
              </Button>
              <Button disabled={busy} onClick={() => onClear(file)}>
                清除标记
              </Button>
            </div>
          )}
          {note && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          )}
          {result.findings.length === 0 ? (
            <Text>没有发现问题。</Text>
          ) : (
            <FindingsList findings={result.findings} onDismiss={file.isDocx ? (finding) => onDismiss(file, finding) : undefined} />
          )}
          <DismissedList
            label={`${file.name} 已忽略的问题`}
            findings={result.dismissed}
            reasons={(key) => file.dismissals.find((dismissal) => dismissal.key === key)}
            busy={busy}
            onRestore={(finding) => onRestore(file, finding.key)}
          />
        </>
      )}
    </section>
  );
}
