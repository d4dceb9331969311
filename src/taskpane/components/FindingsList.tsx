import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { groupFindings, type Finding, type FindingGroup } from "../../domain/findings";
import { tableTitle } from "../../domain/tables";
import { formatNumber } from "../../domain/values";
import { SEVERITY_LABELS, findingMessage, groupHeadline } from "../../domain/wording";

const useStyles = makeStyles({
  table: { marginTop: tokens.spacingVerticalM },
  tableTitle: { display: "block", fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  message: {
    textAlign: "left",
    justifyContent: "flex-start",
    whiteSpace: "normal",
    wordBreak: "break-word",
    height: "auto",
    padding: 0,
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  meta: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  badge: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1 },
  expected: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  summary: { whiteSpace: "normal", textAlign: "left" },
  list: { listStyle: "none", margin: 0, padding: 0 },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  /** Select a finding's cell in the document; without it (a file, not an open document) messages are plain text. */
  onSelect?: (cellId: string) => void;
  /** Dismiss a finding with a reason; without it (a report that cannot store one) no dismiss button is shown. */
  onDismiss?: (finding: Finding) => void;
}

type ItemProps = Omit<FindingsListProps, "findings">;

function SeverityBadge({ severity }: { severity: Finding["severity"] }) {
  const styles = useStyles();
  return <span className={`${styles.badge} ${severity === "error" ? styles.error : styles.warning}`}>{SEVERITY_LABELS[severity]}</span>;
}

/** A message that selects its cell when clicked (where it has one). */
function MessageText({ text, cell, onSelect }: { text: string; cell: string | undefined; onSelect?: (cellId: string) => void }) {
  const styles = useStyles();
  return cell && onSelect ? (
    <Button appearance="transparent" className={styles.message} onClick={() => onSelect(cell)} aria-label={`定位到单元格：${text}`}>
      {text}
    </Button>
  ) : (
    <Text>{text}</Text>
  );
}

/**
 * One finding. `withExpected`: the badge shows what the checked cell should hold, as the message says; inside a
 * fix (one cell explains several sums) it is left out, since the fix names the value to change.
 */
function FindingItem({ finding, onSelect, onDismiss, withExpected = true }: { finding: Finding; withExpected?: boolean } & ItemProps) {
  const styles = useStyles();
  const message = findingMessage(finding);
  return (
    <li className={styles.item}>
      <div className={styles.meta}>
        <SeverityBadge severity={finding.severity} />
        <Text size={200}>{finding.rule}</Text>
        {withExpected && finding.expected !== null && finding.category === "rule" && !finding.likely && (
          <Text className={styles.expected}>应为 {formatNumber(finding.expected)}</Text>
        )}
      </div>
      <MessageText text={message} cell={finding.target} onSelect={onSelect} />
      {onDismiss && (
        <div>
          <Button size="small" appearance="subtle" onClick={() => onDismiss(finding)}>
            忽略此问题…
          </Button>
        </div>
      )}
    </li>
  );
}

/** One cell that explains several broken sums: shown once, with the value that mends them all, and the sums. */
function FixItem({ group, onSelect, onDismiss }: { group: FindingGroup } & ItemProps) {
  const styles = useStyles();
  const fix = group.fix!;
  return (
    <li className={styles.item}>
      <div className={styles.meta}>
        <SeverityBadge severity={group.findings[0]!.severity} />
        <Text size={200}>{[...new Set(group.findings.map((finding) => finding.rule))].join("、")}</Text>
        <Text className={styles.expected}>改为 {formatNumber(fix.value)}</Text>
      </div>
      <MessageText text={groupHeadline(group)} cell={fix.id} onSelect={onSelect} />
      <ul className={styles.list}>
        {group.findings.map((finding) => (
          <FindingItem key={finding.key} finding={finding} onSelect={onSelect} onDismiss={onDismiss} withExpected={false} />
        ))}
      </ul>
    </li>
  );
}

function FoldItem({ group, onSelect, onDismiss }: { group: FindingGroup } & ItemProps) {
  const styles = useStyles();
  return (
    <li>
      <Accordion collapsible>
        <AccordionItem value={group.id}>
          <AccordionHeader size="small">
            <span className={styles.summary}>
              {SEVERITY_LABELS[group.fold!.severity]}：{groupHeadline(group)}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {group.findings.map((finding) => (
                <FindingItem key={finding.key} finding={finding} onSelect={onSelect} onDismiss={onDismiss} />
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </li>
  );
}

/** Findings grouped by table; one cell explaining several sums is one problem; many of one kind fold into one line. */
export function FindingsList({ findings, onSelect, onDismiss }: FindingsListProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  const tables = [...new Set(groups.map((group) => group.table))];
  return (
    <>
      {tables.map((table) => (
        <section key={table ?? "none"} className={styles.table} aria-label={tableTitle(table)}>
          <Text className={styles.tableTitle}>{tableTitle(table)}</Text>
          <ul className={styles.list}>
            {groups
              .filter((group) => group.table === table)
              .map((group) =>
                group.fix ? (
                  <FixItem key={group.id} group={group} onSelect={onSelect} onDismiss={onDismiss} />
                ) : group.fold ? (
                  <FoldItem key={group.id} group={group} onSelect={onSelect} onDismiss={onDismiss} />
                ) : (
                  <FindingItem key={group.id} finding={group.findings[0]!} onSelect={onSelect} onDismiss={onDismiss} />
                ),
              )}
          </ul>
        </section>
      ))}
    </>
  );
}
