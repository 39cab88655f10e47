import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";

/**
 * The settings the server renders into index.ftl's `<script id="environment">` (serverBaseUrl,
 * adminBaseUrl, realm, clientId, resourceUrl, consoleBaseUrl, masterRealm, ...).
 */
export const environment: AdminEnvironment = readInjectedEnvironment();

function readInjectedEnvironment(): AdminEnvironment {
  const text = document.getElementById("environment")?.textContent;
  if (!text) {
    throw new Error("The page has no #environment script: is it served by Keycloak's admin console?");
  }
  return JSON.parse(text) as AdminEnvironment;
}
