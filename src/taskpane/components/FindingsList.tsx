import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { groupFindings, type Finding } from "../../domain/findings";
import { tableTitle } from "../../domain/tables";


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
});

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect(cellId: string): void;
  onDismiss(finding: Finding): void;
}

function FindingItem({ finding, onSelect, onDismiss }: { finding: Finding } & Omit<FindingsListProps, "findings">) {
  const styles = useStyles();
  const cell = finding.likely?.id ?? finding.target;
  const expected = finding.likely?.value ?? finding.expected;
  return (
    <li className={styles.item}>
      <div className={styles.meta}>
        <span className={`${styles.badge} ${finding.severity === "error" ? styles.error : styles.warning}`}>{finding.severity === "error" ? "错误" : "警告"}</span>
        <Text size={200}>{finding.rule}</Text>
        {expected !== null && finding.category === "rule" && <Text className={styles.expected}>应为 {expected}</Text>}
      </div>
      {cell ? (
        <Button appearance="transparent" className={styles.message} onClick={() => onSelect(cell)} aria-label={`定位到单元格：${finding.message}`}>
          {finding.message}
        </Button>
      ) : (
        <Text>{finding.message}</Text>
      )}
      <div>
        <Button size="small" appearance="subtle" onClick={() => onDismiss(finding)}>
          忽略此问题…
        </Button>
      </div>
    </li>
  );
}

/** Findings grouped by table; many of one kind (a fresh template's blanks) fold into one line that opens. */
export function FindingsList({ findings, onSelect, onDismiss }: FindingsListProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  const tables = [...new Set(groups.map((group) => group.table))];
  return (
    <>
      {tables.map((table) => (
        <section key={table ?? "none"} className={styles.table} aria-label={tableTitle(table)}>
          <Text className={styles.tableTitle}>{tableTitle(table)}</Text>
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {groups
              .filter((group) => group.table === table)
              .map((group) =>
                group.summary === null ? (
                  <FindingItem key={group.id} finding={group.findings[0]!} onSelect={onSelect} onDismiss={onDismiss} />
                ) : (
                  <li key={group.id}>
                    <Accordion collapsible>
                      <AccordionItem value={group.id}>
                        <AccordionHeader size="small">
                          <span className={styles.summary}>
                            {group.findings[0]!.severity === "error" ? "错误" : "警告"}：{group.summary}
                          </span>
                        </AccordionHeader>
                        <AccordionPanel>
                          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                            {group.findings.map((finding) => (
                              <FindingItem key={finding.key} finding={finding} onSelect={onSelect} onDismiss={onDismiss} />
                            ))}
                          </ul>
                        </AccordionPanel>
                      </AccordionItem>
                    </Accordion>
                  </li>
                ),
              )}
          </ul>
        </section>
      ))}
    </>
  );
}
