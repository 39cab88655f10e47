import type { TFunction } from "i18next";
import type { RouteObject } from "react-router-dom";

import { IntegrationDetails } from "./IntegrationDetails";
import { IntegrationsSection } from "./IntegrationsSection";
import { INTEGRATION_PATH, INTEGRATIONS_PATH } from "./paths";

/**
 * Our routes, in the shape of the console's own (`handle.access` is checked by the console's
 * AuthWall before the page renders).
 */
export const integrationRoutes: RouteObject[] = [
  {
    path: INTEGRATIONS_PATH,
    element: <IntegrationsSection />,
    handle: {
      access: "view-clients",
      breadcrumb: (t: TFunction) => String(t("integrationsTitle", "Integrations")),
    },
  },
  {
    path: INTEGRATION_PATH,
    element: <IntegrationDetails />,
    handle: {
      access: "view-clients",
      breadcrumb: (t: TFunction) => String(t("integrationDetails", "Integration details")),
    },
  },
];
