import { useAccess, useConfirmDialog, useRealm } from "@keycloak/keycloak-admin-ui";
import {
  Alert,
  Button,
  ButtonVariant,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  FormGroup,
  Label,
  TextInput,
} from "@patternfly/react-core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { errorMessage, useIntegrationsApi } from "./api";
import { csvFileName, saveBlob } from "./download";
import { EMPTY, formatInstant, formatList, formatValue, statusColor } from "./format";
import type { InventoryItem } from "./types";

type Action = "attest" | "suspend" | "reactivate" | "revoke-tokens" | "audit";

type Props = {
  clientId: string;
  item: InventoryItem;
  /** Receives the inventory object an action answers with. */
  onChanged: (item: InventoryItem) => void;
};

/** Status, review dates and the lifecycle actions (SPEC §2.3) of one registered integration. */
export const LifecyclePanel = ({ clientId, item, onChanged }: Props) => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const api = useIntegrationsApi();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<Action>();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const canManage = hasAccess("manage-clients");
  const suspended = item.status === "suspended";
  const retired = item.status === "retired";

  const run = async (action: Action, call: () => Promise<InventoryItem | void>, done: string) => {
    setBusy(action);
    setResult(undefined);
    try {
      const answer = await call();
      if (answer) {
        onChanged(answer);
      }
      setResult({ ok: true, message: done });
      if (action === "attest" || action === "suspend") {
        setNote("");
      }
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const attest = () => run("attest", () => api.attest(clientId, note), t("integrationsAttested", "Review recorded."));
  const reactivate = () =>
    run("reactivate", () => api.reactivate(clientId), t("integrationsReactivated", "Integration reactivated."));
  const suspend = () =>
    run("suspend", () => api.suspend(clientId, note), t("integrationsSuspended", "Integration suspended."));
  const revoke = () =>
    run(
      "revoke-tokens",
      () => api.revokeTokens(clientId),
      t("integrationsTokensRevoked", "Every token issued to this integration until now is revoked."),
    );
  const audit = () =>
    run(
      "audit",
      async () => saveBlob(await api.auditCsv(clientId), csvFileName(`integration-audit-${clientId}`, realm)),
      t("integrationsAuditDownloaded", "Audit records downloaded."),
    );

  const [confirmSuspend, SuspendDialog] = useConfirmDialog({
    titleKey: t("integrationsSuspendTitle", "Suspend {{clientId}}?", { clientId }),
    messageKey: t("integrationsSuspendConfirm", "It gets no tokens and its client is disabled until it is reactivated."),
    continueButtonLabel: t("integrationsSuspend", "Suspend"),
    continueButtonVariant: ButtonVariant.danger,
    onConfirm: () => void suspend(),
  });
  const [confirmRevoke, RevokeDialog] = useConfirmDialog({
    titleKey: t("integrationsRevokeTitle", "Revoke the tokens of {{clientId}}?", { clientId }),
    messageKey: t("integrationsRevokeConfirm", "Every token issued to it before now becomes inactive."),
    continueButtonLabel: t("integrationsRevokeTokens", "Revoke tokens"),
    continueButtonVariant: ButtonVariant.danger,
    onConfirm: () => void revoke(),
  });

  const entry = (testId: string, term: string, value: ReactNode) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={testId} data-testid={testId}>
        {value}
      </DescriptionListDescription>
    </DescriptionListGroup>
  );
  const instant = (value?: string | null) =>
    value ? <time dateTime={value}>{formatInstant(value)}</time> : EMPTY;

  return (
    <>
      <SuspendDialog />
      <RevokeDialog />
      <DescriptionList isCompact columnModifier={{ default: "2Col", lg: "3Col" }} className="pf-v5-u-mb-lg">
        {entry(
          "ib-detail-status",
          t("integrationsStatus", "Status"),
          <Label color={statusColor(item.status)}>{formatValue(item.status)}</Label>,
        )}
        {entry("ib-detail-suspended-reason", t("integrationsSuspendedReason", "Suspended reason"), formatValue(item.suspendedReason))}
        {entry("ib-detail-next-review", t("integrationsNextReview", "Next review"), instant(item.nextReview))}
        {entry("ib-detail-last-used", t("integrationsLastUsed", "Last used"), instant(item.lastUsedAt))}
        {entry("ib-detail-last-attested", t("integrationsLastAttested", "Last attested"), instant(item.lastAttestedAt))}
        {entry("ib-detail-registered", t("integrationsRegistered", "Registered"), instant(item.registeredAt))}
        {entry("ib-detail-expires", t("integrationsExpiresAt", "Expires at"), instant(item.expiresAt))}
        {entry("ib-detail-max-token-ttl", t("integrationsMaxTokenTtl", "Max token lifetime (seconds)"), formatValue(item.maxTokenTtl))}
        {entry("ib-detail-audiences", t("integrationsAllowedAudiences", "Allowed audiences"), formatList(item.allowedAudiences))}
        {entry("ib-detail-scopes", t("integrationsAllowedScopes", "Allowed scopes"), formatList(item.allowedScopes))}
        {entry(
          "ib-detail-client-authenticator",
          t("integrationsClientAuthenticator", "Client authenticator"),
          formatValue(item.clientAuthenticator),
        )}
        {entry("ib-detail-secret-age", t("integrationsSecretAge", "Secret age (days)"), formatValue(item.secretAgeDays))}
      </DescriptionList>
      {result && (
        <Alert
          isInline
          variant={result.ok ? "success" : "danger"}
          id={result.ok ? "ib-action-success" : "ib-action-error"}
          data-testid={result.ok ? "ib-action-success" : "ib-action-error"}
          title={result.message}
          className="pf-v5-u-mb-md"
        />
      )}
      <FormGroup label={t("integrationsNote", "Note")} fieldId="ib-action-note" className="pf-v5-u-mb-md">
        <TextInput
          id="ib-action-note"
          data-testid="ib-action-note"
          value={note}
          placeholder={t("integrationsNotePlaceholder", "Recorded with the review or suspension")}
          onChange={(_event, value) => setNote(value)}
        />
      </FormGroup>
      <Flex>
        <FlexItem>
          <Button
            id="ib-attest"
            data-testid="ib-attest"
            variant="primary"
            isDisabled={!canManage || busy !== undefined || retired}
            isLoading={busy === "attest"}
            onClick={attest}
          >
            {t("integrationsAttest", "Attest")}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            id="ib-suspend"
            data-testid="ib-suspend"
            variant="secondary"
            isDanger
            isDisabled={!canManage || busy !== undefined || suspended || retired}
            isLoading={busy === "suspend"}
            onClick={confirmSuspend}
          >
            {t("integrationsSuspend", "Suspend")}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            id="ib-reactivate"
            data-testid="ib-reactivate"
            variant="secondary"
            isDisabled={!canManage || busy !== undefined || !suspended}
            isLoading={busy === "reactivate"}
            onClick={reactivate}
          >
            {t("integrationsReactivate", "Reactivate")}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            id="ib-revoke-tokens"
            data-testid="ib-revoke-tokens"
            variant="secondary"
            isDanger
            isDisabled={!canManage || busy !== undefined}
            isLoading={busy === "revoke-tokens"}
            onClick={confirmRevoke}
          >
            {t("integrationsRevokeTokens", "Revoke tokens")}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            id="ib-detail-audit"
            data-testid="ib-detail-audit"
            variant="link"
            isDisabled={!hasAccess("view-events") || busy !== undefined}
            isLoading={busy === "audit"}
            onClick={audit}
          >
            {t("integrationsDownloadAuditOne", "Download its audit records (CSV)")}
          </Button>
        </FlexItem>
      </Flex>
    </>
  );
};
