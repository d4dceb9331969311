import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../domain/findings";
import { findingMessage } from "../../domain/wording";

export interface DismissDialogProps {
  finding: Finding | null;
  onConfirm(finding: Finding, reason: string): void;
  onCancel(): void;
}

/** Asks why a finding is legitimate; the reason is stored in the document with the dismissal. */
export function DismissDialog({ finding, onConfirm, onCancel }: DismissDialogProps) {
  const [reason, setReason] = useState("");
  const valid = reason.trim().length >= 2;
  return (
    <Dialog open={finding !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>忽略此问题</DialogTitle>
          <DialogContent>
            <p>{finding ? findingMessage(finding) : null}</p>
            <Field label="忽略的理由（保存在文档中，以后检查不再提示）" required>
              <Textarea value={reason} onChange={(_, data) => setReason(data.value)} placeholder="例如：正文中的数字统计口径不同" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!valid}
              onClick={() => {
                if (finding) onConfirm(finding, reason.trim());
                setReason("");
              }}
            >
              忽略
            </Button>
            <Button onClick={onCancel}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
