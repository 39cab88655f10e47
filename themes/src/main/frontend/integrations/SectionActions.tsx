import { useAccess, useRealm } from "@keycloak/keycloak-admin-ui";
import { Alert, AlertActionCloseButton, Button, Flex, FlexItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { errorMessage, useIntegrationsApi } from "./api";
import { csvFileName, saveBlob } from "./download";
import { formatValue } from "./format";
import type { SweepResult } from "./types";

type Outcome = { kind: "sweep"; result: SweepResult } | { kind: "error"; message: string };

type SectionActionsProps = {
  /** Called after an action that changed integrations (a sweep), so the section reloads its lists. */
  onChanged?: () => void;
};

/** Realm-wide actions of the section: run the lifecycle sweep now, download the audit log. */
export const SectionActions = ({ onChanged }: SectionActionsProps) => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const api = useIntegrationsApi();
  const [busy, setBusy] = useState<"sweep" | "audit">();
  const [outcome, setOutcome] = useState<Outcome>();

  const runSweep = async () => {
    setBusy("sweep");
    setOutcome(undefined);
    try {
      const result = await api.sweep();
      setOutcome({ kind: "sweep", result });
      if (result.transitions.length > 0) {
        onChanged?.();
      }
    } catch (error) {
      setOutcome({ kind: "error", message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const downloadAudit = async () => {
    setBusy("audit");
    setOutcome(undefined);
    try {
      saveBlob(await api.auditCsv(), csvFileName("integration-audit", realm));
    } catch (error) {
      setOutcome({ kind: "error", message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Flex>
        <FlexItem>
          <Button
            id="ib-sweep-run"
            data-testid="ib-sweep-run"
            variant="secondary"
            isDisabled={!hasAccess("manage-realm") || busy !== undefined}
            isLoading={busy === "sweep"}
            onClick={runSweep}
          >
            {t("integrationsRunSweep", "Run sweep now")}
          </Button>
        </FlexItem>
        <FlexItem>
          <Button
            id="ib-audit-download"
            data-testid="ib-audit-download"
            variant="secondary"
            isDisabled={!hasAccess("view-events") || busy !== undefined}
            isLoading={busy === "audit"}
            onClick={downloadAudit}
          >
            {t("integrationsDownloadAudit", "Download audit log (CSV)")}
          </Button>
        </FlexItem>
      </Flex>
      {outcome?.kind === "error" && (
        <Alert
          isInline
          variant="danger"
          className="pf-v5-u-mt-md"
          data-testid="ib-section-error"
          title={outcome.message}
          actionClose={<AlertActionCloseButton onClose={() => setOutcome(undefined)} />}
        />
      )}
      {outcome?.kind === "sweep" && (
        <Alert
          isInline
          variant="success"
          className="pf-v5-u-mt-md"
          data-testid="ib-sweep-result"
          title={t("integrationsSweepDone", "Sweep finished: {{count}} transition(s).", {
            count: outcome.result.transitions.length,
          })}
          actionClose={<AlertActionCloseButton onClose={() => setOutcome(undefined)} />}
        >
          {outcome.result.transitions.length > 0 && (
            <Table variant="compact" aria-label={t("integrationsSweepTransitions", "Transitions")}>
              <Thead>
                <Tr>
                  <Th>{t("clientId")}</Th>
                  <Th>{t("integrationsFrom", "From")}</Th>
                  <Th>{t("integrationsTo", "To")}</Th>
                  <Th>{t("integrationsReason", "Reason")}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {outcome.result.transitions.map((transition, index) => (
                  <Tr key={`${transition.clientId}-${index}`} data-testid="ib-sweep-transition">
                    <Td>{transition.clientId}</Td>
                    <Td>{transition.from}</Td>
                    <Td>{transition.to}</Td>
                    <Td>{formatValue(transition.reason)}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Alert>
      )}
    </>
  );
};
