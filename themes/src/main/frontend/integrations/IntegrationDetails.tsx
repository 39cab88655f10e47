import { useAdminClient, useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  Label,
  PageSection,
  Spinner,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { useIntegrationsApi } from "./api";
import { formatValue, statusColor } from "./format";
import { LifecyclePanel } from "./LifecyclePanel";
import { MetadataForm } from "./MetadataForm";
import { toClientSettings, toIntegrations } from "./paths";
import { useLoader } from "./useLoader";

/** One integration (route `/:realm/integrations/:clientId`, by OAuth client_id). */
export const IntegrationDetails = () => {
  const { t } = useTranslation();
  const { clientId = "" } = useParams<{ clientId: string }>();
  const { realm } = useRealm();
  const { adminClient } = useAdminClient();
  const api = useIntegrationsApi();

  const client = useLoader(
    async () => (await adminClient.clients.find({ realm, clientId, search: false }))[0] ?? null,
    [adminClient, realm, clientId],
  );
  const integration = useLoader(() => api.integration(clientId), [api, clientId]);

  if (client.loading && client.data === undefined) {
    return <Spinner aria-label={t("loading")} />;
  }
  if (client.error || !client.data) {
    return (
      <PageSection variant="light">
        <EmptyState data-testid="ib-detail-missing">
          <EmptyStateBody>
            {client.error ?? t("integrationsNoClient", "There is no client with client ID {{clientId}}.", { clientId })}
          </EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }

  const item = integration.data;
  const reload = () => {
    client.reload();
    integration.reload();
  };

  return (
    <>
      <ViewHeader
        titleKey={clientId}
        noTranslate
        badges={[
          {
            text: (
              <Label color={statusColor(item?.status)} data-testid="ib-detail-badge">
                {item ? formatValue(item.status) : t("integrationsNotRegistered", "not registered")}
              </Label>
            ),
          },
        ]}
        subKey={<>{item?.purpose ?? t("integrationsDetailHelp", "Integration governance of this client.")}</>}
      />
      <PageSection variant="light" className="pf-v5-u-pb-0">
        <Flex>
          <FlexItem>
            <Link to={toIntegrations(realm)} data-testid="ib-back-to-inventory">
              {t("integrationsBackToInventory", "Back to the inventory")}
            </Link>
          </FlexItem>
          <FlexItem>
            <Link to={toClientSettings(realm, client.data.id!)} data-testid="ib-client-settings-link">
              {t("integrationsClientSettings", "Client settings")}
            </Link>
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection variant="light">
        <Card isFlat className="pf-v5-u-mb-lg" id="ib-lifecycle">
          <CardTitle>{t("integrationsLifecycle", "Lifecycle")}</CardTitle>
          <CardBody>
            {integration.error && (
              <Alert isInline variant="danger" data-testid="ib-detail-error" title={integration.error} />
            )}
            {integration.loading && !item && <Spinner size="md" aria-label={t("loading")} />}
            {!integration.loading && !integration.error && !item && (
              <Alert
                isInline
                variant="info"
                data-testid="ib-detail-unregistered"
                title={t(
                  "integrationsRegisterHint",
                  "This client is not registered as an integration. Fill in the metadata below and save to register it.",
                )}
              />
            )}
            {item && <LifecyclePanel clientId={clientId} item={item} onChanged={integration.set} />}
          </CardBody>
        </Card>
        <Card isFlat id="ib-metadata">
          <CardTitle>{t("integrationsMetadata", "Metadata")}</CardTitle>
          <CardBody>
            <MetadataForm client={client.data} onSaved={reload} />
          </CardBody>
        </Card>
      </PageSection>
    </>
  );
};
