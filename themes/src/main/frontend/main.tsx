import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
import "@keycloak/keycloak-admin-ui/styles.css";
import "./console.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";

import { i18n } from "./i18n";
import { consoleRoutes } from "./routes";

// Same bootstrap as Keycloak's console: translations first, then a hash router over the routes.
i18n
  .init()
  .then(() => {
    const router = createHashRouter(consoleRoutes);
    createRoot(document.getElementById("app")!).render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => console.error("The admin console could not start", error));
