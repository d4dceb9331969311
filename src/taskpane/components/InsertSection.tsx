import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { FORMATS, LAST_ACCEPTED_YEAR, firstTemplateYear, formatForYear, newestFormat, type FormatId } from "../../domain/formats";
import { formatLabel } from "../../domain/wording";
import type { InsertChoice } from "../actions";
import { defaultReportYear, rememberOrganization, rememberedOrganization } from "../preferences";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  wide: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  year: { width: "7em" },
});

export interface InsertSectionProps {
  busy: boolean;
  onInsert(choice: InsertChoice): Promise<"inserted" | "exists" | "failed">;
  /** The button's words for a year (the pane inserts at the cursor; the offline page downloads a file). */
  submitLabel?: (year: number | null) => string;
  /** Remember the agency name on this machine (the pane does; the offline page stores nothing). */
  remember?: boolean;
}

const insertLabel = (year: number | null) => `在光标处插入 ${year ?? ""} 年度报告模板`;

export function InsertSection({ busy, onInsert, submitLabel = insertLabel, remember = true }: InsertSectionProps) {
  const styles = useStyles();
  const [organization, setOrganization] = useState(remember ? rememberedOrganization : "");
  const [yearText, setYearText] = useState(String(defaultReportYear()));
  const [formatChoice, setFormatChoice] = useState<"auto" | FormatId>("auto");
  const [confirmSecond, setConfirmSecond] = useState(false);

  const year = Number(yearText);
  const yearValid = /^\d{4}$/.test(yearText) && year >= firstTemplateYear() && year <= LAST_ACCEPTED_YEAR;
  const format: FormatId = formatChoice === "auto" ? (yearValid ? formatForYear(year) : newestFormat()).id : formatChoice;
  const organizationValid = organization.trim() !== "";

  const submit = async (allowSecond: boolean) => {
    if (remember) rememberOrganization(organization.trim());
    const outcome = await onInsert({ organization: organization.trim(), year, format, allowSecond });
    setConfirmSecond(outcome === "exists");
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      <Field
        label="机关名称"
        required
        validationMessage={organizationValid ? undefined : "请填写机关全称，例如“某某市某某局”"}
        validationState={organizationValid ? "none" : "warning"}
      >
        <Input
          className={styles.wide}
          value={organization}
          onChange={(_, data) => setOrganization(data.value)}
          placeholder="某某市某某局"
        />
      </Field>
      <div className={styles.row}>
        <Field
          label="报告年度"
          validationMessage={yearValid ? undefined : `请填写 ${firstTemplateYear()}–${LAST_ACCEPTED_YEAR} 年之间的四位年份`}
          validationState={yearValid ? "none" : "error"}
        >
          <Input className={styles.year} value={yearText} inputMode="numeric" onChange={(_, data) => setYearText(data.value.trim())} />
        </Field>
      </div>
      <Field label="格式" hint={formatChoice === "auto" ? `按年度自动选择：${formatLabel(format)}` : undefined}>
        <Select className={styles.wide} value={formatChoice} onChange={(_, data) => setFormatChoice(data.value as "auto" | FormatId)}>
          <option value="auto">按年度自动选择</option>
          {FORMATS.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {formatLabel(candidate.id)}
            </option>
          ))}
        </Select>
      </Field>
      {confirmSecond && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>文档中已有一份年度报告模板。仍要在光标处再插入一份吗？</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void submit(true)} disabled={busy}>
              仍然插入
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setConfirmSecond(false)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Button type="submit" appearance="secondary" disabled={busy || !organizationValid || !yearValid}>
        {submitLabel(yearValid ? year : null)}
      </Button>
    </form>
  );
}
