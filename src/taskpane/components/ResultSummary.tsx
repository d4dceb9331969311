import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckResult } from "../../domain/check";
import { CELLS_READ_LABEL, SEVERITY_LABELS, brokenSumText, formatLabel } from "../../domain/wording";

const useStyles = makeStyles({
  summary: { display: "flex", columnGap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  count: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  // The status token for warning text: Marigold foreground is below 3:1 on white.
  warnings: { color: tokens.colorStatusWarningForeground3 },
});

/** A check's counts and what was checked: shared by the task pane and the offline page. */
export function ResultSummary({
  result,
  marked = null,
  label = "检查结果",
}: {
  result: CheckResult;
  marked?: number | null;
  label?: string;
}) {
  const styles = useStyles();
  const sums = brokenSumText(result.findings);
  return (
    <div aria-label={label}>
      <div className={styles.summary}>
        <div className={styles.count}>
          <span className={`${styles.number} ${styles.errors}`}>{result.errors}</span>
          <Text>{SEVERITY_LABELS.error}</Text>
        </div>
        <div className={styles.count}>
          <span className={`${styles.number} ${styles.warnings}`}>{result.warnings}</span>
          <Text>{SEVERITY_LABELS.warning}</Text>
        </div>
        <div className={styles.count}>
          <span className={styles.number}>
            {result.cellsRead}/{result.cellsExpected}
          </span>
          <Text>{CELLS_READ_LABEL}</Text>
        </div>
      </div>
      {sums && (
        <Text size={200} block>
          {sums}
        </Text>
      )}
      <Text size={200}>
        {result.organization ?? "机关未识别"} · {result.year !== null ? `${result.year} 年度` : "年度未识别"} · {formatLabel(result.format)}
        {marked !== null ? ` · 已在文档中标注 ${marked} 个单元格` : ""}
      </Text>
    </div>
  );
}
