import { AdminUi, KeycloakProvider, routes } from "@keycloak/keycloak-admin-ui";
import { Outlet, type RouteObject } from "react-router-dom";

import { environment } from "./environment";
import { ClientIntegrationBanner } from "./integrations/ClientIntegrationBanner";
import { IntegrationsNav } from "./integrations/IntegrationsNav";
import { integrationRoutes } from "./integrations/routes";

/** Keycloak's client details route; its page gets a banner linking to the integration view. */
const CLIENT_DETAILS_PATH = "/:realm/clients/:clientId/:tab";

/**
 * Keycloak's own route table, unchanged except that the client details page is preceded by
 * {@link ClientIntegrationBanner}. The package offers no extension point inside that page.
 */
const standardRoutes = routes.map((route) =>
  route.path === CLIENT_DETAILS_PATH
    ? {
        ...route,
        element: (
          <>
            <ClientIntegrationBanner />
            {route.element}
          </>
        ),
      }
    : route,
);

if (!routes.some((route) => route.path === CLIENT_DETAILS_PATH)) {
  console.warn(`No ${CLIENT_DETAILS_PATH} route in @keycloak/keycloak-admin-ui: the client page link is not shown.`);
}

/** Adds the Integrations group to the sidebar on every page, then renders the page. */
const ConsoleLayout = () => (
  <>
    <IntegrationsNav />
    <Outlet />
  </>
);

export const consoleRoutes: RouteObject[] = [
  {
    path: "/",
    element: (
      <KeycloakProvider environment={environment}>
        <AdminUi />
      </KeycloakProvider>
    ),
    children: [
      {
        element: <ConsoleLayout />,
        children: [...standardRoutes, ...integrationRoutes],
      },
    ],
  },
];
