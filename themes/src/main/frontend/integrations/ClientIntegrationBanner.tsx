import { useAccess, useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { Alert, AlertActionLink, PageSection } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";

import { toIntegration } from "./paths";
import { BUSINESS_OWNER, STATUS_ATTRIBUTE } from "./types";
import { useLoader } from "./useLoader";

/**
 * Shown above Keycloak's client details page: the integration status of a governed client, or an
 * invitation to register a service-account client, each with a link to the integration view.
 */
export const ClientIntegrationBanner = () => {
  const { t } = useTranslation();
  const { clientId: id = "" } = useParams<{ clientId: string }>();
  const { realm } = useRealm();
  const { adminClient } = useAdminClient();
  const { hasAccess } = useAccess();
  const navigate = useNavigate();
  const client = useLoader(() => adminClient.clients.findOne({ realm, id }), [adminClient, realm, id]);

  const representation = client.data;
  if (!representation?.clientId || !hasAccess("view-clients")) {
    return null;
  }
  const attributes = representation.attributes ?? {};
  const governed = Boolean(attributes[BUSINESS_OWNER]);
  if (!governed && !(representation.serviceAccountsEnabled && !representation.publicClient)) {
    return null;
  }

  const open = () => navigate(toIntegration(realm, representation.clientId!));
  return (
    <PageSection variant="light" className="pf-v5-u-pb-0">
      <Alert
        isInline
        variant={governed ? "info" : "warning"}
        id="ib-client-integration"
        data-testid="ib-client-integration"
        title={
          governed
            ? t("integrationsClientGoverned", "Governed integration, status: {{status}}", {
                status: attributes[STATUS_ATTRIBUTE] ?? "active",
              })
            : t("integrationsClientUnregistered", "This service-account client is not registered as an integration.")
        }
        actionLinks={
          <AlertActionLink id="ib-client-integration-link" data-testid="ib-client-integration-link" onClick={open}>
            {governed
              ? t("integrationsOpenDetails", "Open integration details")
              : t("integrationsRegister", "Register as integration")}
          </AlertActionLink>
        }
      />
    </PageSection>
  );
};
