import { useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import { PageSection, Tab, Tabs, TabTitleText } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";

import { InventoryTab } from "./InventoryTab";
import { KillSwitchTab } from "./KillSwitchTab";
import { SECTION_TABS, toIntegrations, type SectionTab } from "./paths";
import { PolicyTab } from "./PolicyTab";
import { SectionActions } from "./SectionActions";
import { UnregisteredTab } from "./UnregisteredTab";

/** The Integrations section: inventory, unregistered service accounts, realm policy, kill switch. */
export const IntegrationsSection = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requested = params.get("tab") as SectionTab | null;
  const tab: SectionTab = requested && SECTION_TABS.includes(requested) ? requested : "inventory";
  // bumped after a realm-wide action (the sweep) so the tabs load what it changed
  const [generation, setGeneration] = useState(0);

  return (
    <>
      <ViewHeader
        titleKey={t("integrationsTitle", "Integrations")}
        noTranslate
        subKey={
          <>
            {t(
              "integrationsHelp",
              "Registered machine-to-machine integrations of this realm: owners, purpose, review dates and lifecycle.",
            )}
          </>
        }
      />
      <PageSection variant="light" className="pf-v5-u-pb-0">
        <SectionActions onChanged={() => setGeneration((current) => current + 1)} />
      </PageSection>
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs
          id="ib-tabs"
          activeKey={tab}
          onSelect={(_event, key) => navigate(toIntegrations(realm, key as SectionTab))}
          mountOnEnter
          unmountOnExit
          inset={{ default: "insetMd" }}
        >
          <Tab
            eventKey="inventory"
            data-testid="ib-tab-inventory"
            title={<TabTitleText>{t("integrationsInventory", "Inventory")}</TabTitleText>}
          >
            <InventoryTab key={generation} />
          </Tab>
          <Tab
            eventKey="unregistered"
            data-testid="ib-tab-unregistered"
            title={<TabTitleText>{t("integrationsUnregistered", "Unregistered accounts")}</TabTitleText>}
          >
            <UnregisteredTab key={generation} />
          </Tab>
          <Tab
            eventKey="policy"
            data-testid="ib-tab-policy"
            title={<TabTitleText>{t("integrationsPolicy", "Realm policy")}</TabTitleText>}
          >
            <PolicyTab />
          </Tab>
          <Tab
            eventKey="kill-switch"
            data-testid="ib-tab-kill-switch"
            title={<TabTitleText>{t("integrationsKillSwitch", "Kill switch")}</TabTitleText>}
          >
            <KillSwitchTab />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
