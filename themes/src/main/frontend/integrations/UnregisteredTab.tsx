import { useRealm } from "@keycloak/keycloak-admin-ui";
import { Alert, EmptyState, EmptyStateBody, Spinner, Text, TextContent } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { useIntegrationsApi } from "./api";
import { formatInstant, formatValue } from "./format";
import { toIntegration } from "./paths";
import { useLoader } from "./useLoader";

/** Service-account clients without integration metadata (discovery), each linking to registration. */
export const UnregisteredTab = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const api = useIntegrationsApi();
  const accounts = useLoader(() => api.unregistered(), [api]);
  const rows = accounts.data ?? [];

  return (
    <div className="pf-v5-u-p-md">
      <TextContent className="pf-v5-u-mb-md">
        <Text>
          {t(
            "integrationsUnregisteredHelp",
            "Confidential service-account clients that carry no integration metadata. Open one to register it with owners, purpose and allowed audiences.",
          )}
        </Text>
      </TextContent>
      {accounts.error && <Alert isInline variant="danger" data-testid="ib-unregistered-error" title={accounts.error} />}
      {accounts.loading && !accounts.data ? (
        <Spinner aria-label={t("loading")} />
      ) : (
        <Table id="ib-unregistered-table" data-testid="ib-unregistered-table" variant="compact" aria-label={t("integrationsUnregistered", "Unregistered accounts")}>
          <Thead>
            <Tr>
              <Th>{t("clientId")}</Th>
              <Th>{t("integrationsClientAuthenticator", "Client authenticator")}</Th>
              <Th>{t("integrationsSecretAge", "Secret age (days)")}</Th>
              <Th>{t("integrationsLastUsed", "Last used")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((account) => (
              <Tr key={account.clientId} data-testid="ib-unregistered-row" data-client-id={account.clientId}>
                <Td dataLabel={t("clientId")}>
                  <Link to={toIntegration(realm, account.clientId)} data-testid="ib-unregistered-link">
                    {account.clientId}
                  </Link>
                </Td>
                <Td>{formatValue(account.clientAuthenticator)}</Td>
                <Td>{formatValue(account.secretAgeDays)}</Td>
                <Td>{formatInstant(account.lastUsedAt)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {!accounts.loading && !accounts.error && rows.length === 0 && (
        <EmptyState variant="xs" data-testid="ib-unregistered-empty">
          <EmptyStateBody>{t("integrationsNoUnregistered", "Every service account is registered.")}</EmptyStateBody>
        </EmptyState>
      )}
    </div>
  );
};
