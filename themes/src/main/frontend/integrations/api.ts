import type KeycloakAdminClient from "@keycloak/keycloak-admin-client";
import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";

import type {
  InventoryFilter,
  InventoryItem,
  InventoryPage,
  KillSwitchResult,
  RealmPolicy,
  SweepResult,
  UnregisteredAccount,
} from "./types";

/** Largest page the inventory endpoint serves (SPEC §2.2). */
export const MAX_PAGE = 1000;

/** A non-2xx answer of the integrations API, carrying the server's own description. */
export class IntegrationsApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "IntegrationsApiError";
  }
}

/**
 * The message to show for a failed call: the server's `error_description`, else Keycloak's
 * `errorMessage`, else `error`. Works for this API's errors and for the admin client's
 * `NetworkError` (which keeps the parsed body in `responseData`).
 */
export function errorMessage(error: unknown): string {
  const body = (error as { responseData?: unknown } | null)?.responseData;
  const fromBody = describeBody(body);
  if (fromBody) {
    return fromBody;
  }
  return error instanceof Error ? error.message : String(error);
}

function describeBody(body: unknown): string | undefined {
  if (typeof body === "string") {
    return body.trim() || undefined;
  }
  if (typeof body !== "object" || body === null) {
    return undefined;
  }
  const fields = body as Record<string, unknown>;
  for (const key of ["error_description", "errorMessage", "error"]) {
    if (typeof fields[key] === "string" && fields[key]) {
      return fields[key] as string;
    }
  }
  return undefined;
}

async function failure(response: Response): Promise<IntegrationsApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const message = describeBody(body) ?? `${response.status} ${response.statusText}`.trim();
  return new IntegrationsApiError(message, response.status);
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * Client of `/admin/realms/{realm}/integrations` (SPEC §2). Authenticates with the console's own
 * token through the admin client, so it has exactly the signed-in administrator's permissions.
 */
export class IntegrationsApi {
  constructor(
    private readonly adminClient: KeycloakAdminClient,
    private readonly realm: string,
  ) {}

  async inventory(filter: InventoryFilter, first: number, max: number): Promise<InventoryPage> {
    const response = await this.send(`${query({ ...filter, first, max })}`);
    const items = (await response.json()) as InventoryItem[];
    const header = response.headers.get("X-Total-Count");
    const total = header === null || header.trim() === "" ? undefined : Number(header);
    return { items, total: Number.isFinite(total) ? total : undefined };
  }

  /** Every match of the filter as CSV (`?format=csv`). */
  async inventoryCsv(filter: InventoryFilter): Promise<Blob> {
    const response = await this.send(query({ ...filter, format: "csv" }), { accept: "text/csv" });
    return response.blob();
  }

  /** The inventory object of one integration, or undefined when the client is not one. */
  async integration(clientId: string): Promise<InventoryItem | undefined> {
    const { items } = await this.inventory({ q: clientId }, 0, MAX_PAGE);
    return items.find((item) => item.clientId === clientId);
  }

  async unregistered(): Promise<UnregisteredAccount[]> {
    return (await this.send("/unregistered")).json();
  }

  async policy(): Promise<RealmPolicy> {
    return (await this.send("/policy")).json();
  }

  async updatePolicy(policy: RealmPolicy): Promise<RealmPolicy> {
    return (await this.send("/policy", { method: "PUT", body: policy })).json();
  }

  async attest(clientId: string, note: string): Promise<InventoryItem> {
    return this.action(clientId, "attest", { note });
  }

  async suspend(clientId: string, note: string): Promise<InventoryItem> {
    return this.action(clientId, "suspend", { reason: "manual", note });
  }

  async reactivate(clientId: string): Promise<InventoryItem> {
    return this.action(clientId, "reactivate");
  }

  async revokeTokens(clientId: string): Promise<InventoryItem> {
    return this.action(clientId, "revoke-tokens");
  }

  /** The kill switch: suspends every integration of the vendor. */
  async suspendVendor(vendor: string): Promise<KillSwitchResult> {
    return (await this.send("/suspend", { method: "POST", body: { vendor } })).json();
  }

  async sweep(): Promise<SweepResult> {
    return (await this.send("/sweep", { method: "POST" })).json();
  }

  /** Audit records as CSV, optionally of one client. */
  async auditCsv(clientId?: string): Promise<Blob> {
    const response = await this.send(`/audit${query({ clientId })}`, { accept: "text/csv" });
    return response.blob();
  }

  private async action(clientId: string, action: string, body?: object): Promise<InventoryItem> {
    const path = `/${encodeURIComponent(clientId)}/${action}`;
    return (await this.send(path, { method: "POST", body: body ?? {} })).json();
  }

  private async send(
    path: string,
    { method = "GET", body, accept = "application/json" }: { method?: string; body?: unknown; accept?: string } = {},
  ): Promise<Response> {
    const token = await this.adminClient.getAccessToken();
    const headers: Record<string, string> = { Accept: accept };
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const url = `${this.adminClient.baseUrl}/admin/realms/${encodeURIComponent(this.realm)}/integrations${path}`;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await failure(response);
    }
    return response;
  }
}

/** The integrations API of the realm selected in the console. */
export function useIntegrationsApi(): IntegrationsApi {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  return useMemo(() => new IntegrationsApi(adminClient, realm), [adminClient, realm]);
}
