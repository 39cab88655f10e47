/** Paths of the Integrations pages inside the console's hash router. */

/** Tabs of the Integrations section, selected with `?tab=` so that any client id stays free as a path. */
export const SECTION_TABS = ["inventory", "unregistered", "policy", "kill-switch"] as const;
export type SectionTab = (typeof SECTION_TABS)[number];

export const INTEGRATIONS_PATH = "/:realm/integrations";
export const INTEGRATION_PATH = "/:realm/integrations/:clientId";

/** Path of a tab of the Integrations section. */
export function toIntegrations(realm: string, tab: SectionTab = "inventory"): string {
  const path = `/${encodeURIComponent(realm)}/integrations`;
  return tab === "inventory" ? path : `${path}?tab=${tab}`;
}

/** Path of one integration, by its OAuth client_id. */
export function toIntegration(realm: string, clientId: string): string {
  return `/${encodeURIComponent(realm)}/integrations/${encodeURIComponent(clientId)}`;
}

/** Path of Keycloak's own client page, by the client's internal id. */
export function toClientSettings(realm: string, id: string): string {
  return `/${encodeURIComponent(realm)}/clients/${encodeURIComponent(id)}/settings`;
}
