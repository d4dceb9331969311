/**
 * Dismissing findings, shared by the task pane and the offline page: the list of dismissed findings with their
 * reasons and an undo, and the reason dialog, loaded when first needed and closed before it is unmounted.
 */
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { Dismissal } from "../../domain/annotations";
import type { Finding } from "../../domain/findings";
import { findingMessage } from "../../domain/wording";

const DismissDialog = lazy(() =>
  import(/* webpackChunkName: "dismiss" */ "./DismissDialog").then((module) => ({ default: module.DismissDialog })),
);

/** Longer than the dialog's closing motion. */
const DIALOG_CLOSE_MS = 600;

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export interface DismissedListProps {
  findings: readonly Finding[];
  reasons: (key: string) => Dismissal | undefined;
  busy: boolean;
  onRestore(finding: Finding): void;
  label?: string;
}

export function DismissedList({ findings, reasons, busy, onRestore, label = "已忽略的问题" }: DismissedListProps) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section aria-label={label}>
      <Text weight="semibold">已忽略 {findings.length} 项</Text>
      <ul className={styles.list}>
        {findings.map((finding) => {
          const dismissal = reasons(finding.key);
          return (
            <li key={finding.key}>
              <Text size={200}>{findingMessage(finding)}</Text>
              {dismissal && (
                <Text size={200} block>
                  理由：{dismissal.reason}（{dismissal.date}）
                </Text>
              )}{" "}
              <Button size="small" appearance="subtle" disabled={busy} onClick={() => onRestore(finding)}>
                撤销忽略
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The reason dialog for a finding of some subject (the document, or one of the page's files). The dialog is mounted
 * while in use and closes itself before it goes, so that Fluent gives the page back its focus and roles
 * (unmounting an open dialog leaves the page inert).
 */
export function useDismissDialog<T>(onConfirm: (subject: T, finding: Finding, reason: string) => void) {
  const [target, setTarget] = useState<{ subject: T; finding: Finding } | null>(null);
  const [mounted, setMounted] = useState(false);
  const start = (subject: T, finding: Finding) => {
    setMounted(true);
    setTarget({ subject, finding });
  };
  const stop = () => {
    setTarget(null);
    setTimeout(() => setMounted(false), DIALOG_CLOSE_MS);
  };
  const dialog = mounted ? (
    <Suspense fallback={<Spinner size="tiny" />}>
      <DismissDialog
        finding={target?.finding ?? null}
        onCancel={stop}
        onConfirm={(finding, reason) => {
          const subject = target?.subject;
          stop();
          if (subject !== undefined) onConfirm(subject, finding, reason);
        }}
      />
    </Suspense>
  ) : null;
  return { start, dialog };
}
