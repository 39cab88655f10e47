/** Shapes of the Integration Broker admin API (SPEC §2), as the console reads and writes them. */

export const INTEGRATION_STATUSES = ["active", "review-due", "grace", "suspended", "retired"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

/** One row of `GET /admin/realms/{realm}/integrations` (SPEC §2.2). */
export type InventoryItem = {
  clientId: string;
  businessOwner?: string | null;
  technicalOwner?: string | null;
  purpose?: string | null;
  vendor?: string | null;
  status?: IntegrationStatus | null;
  suspendedReason?: string | null;
  nextReview?: string | null;
  lastUsedAt?: string | null;
  lastAttestedAt?: string | null;
  registeredAt?: string | null;
  expiresAt?: string | null;
  allowedAudiences?: string[] | null;
  allowedScopes?: string[] | null;
  maxTokenTtl?: number | null;
  clientAuthenticator?: string | null;
  secretAgeDays?: number | null;
};

/** Filters of the inventory listing that the console offers. */
export type InventoryFilter = {
  status?: string;
  owner?: string;
  vendor?: string;
  q?: string;
};

export type InventoryPage = {
  items: InventoryItem[];
  /** From `X-Total-Count`; undefined when the header is missing or unreadable. */
  total?: number;
};

/** One row of `GET .../integrations/unregistered`. */
export type UnregisteredAccount = {
  clientId: string;
  clientAuthenticator?: string | null;
  secretAgeDays?: number | null;
  lastUsedAt?: string | null;
};

/** The realm policy, with the JSON keys of SPEC §2.1. */
export type RealmPolicy = {
  mode: "off" | "monitor" | "enforce";
  "unregistered-service-accounts": "allow" | "monitor" | "deny";
  "default-token-ttl": number;
  "max-token-ttl": number;
  "default-review-interval-days": number;
  "max-review-interval-days": number;
  "reminder-days": number[];
  "grace-days": number;
  "grace-token-ttl": number;
  "dormant-after-days": number;
  "orphan-grace-days": number;
  "retire-after-days": number;
  "delete-retired": boolean;
  "privileged-audiences": string[];
  "allow-same-owner": boolean;
  "software-statement-keys": Record<string, unknown>;
};

export type SweepTransition = { clientId: string; from: string; to: string; reason?: string | null };
export type SweepResult = { transitions: SweepTransition[] };
export type KillSwitchResult = { suspended: InventoryItem[] };

/** The client attributes an administrator edits (SPEC §1), in form order. */
export const METADATA_ATTRIBUTES = [
  "integration.business-owner",
  "integration.technical-owner",
  "integration.purpose",
  "integration.vendor",
  "integration.review-interval-days",
  "integration.expires-at",
  "integration.allowed-audiences",
  "integration.allowed-scopes",
  "integration.max-token-ttl",
] as const;
export type MetadataAttribute = (typeof METADATA_ATTRIBUTES)[number];
export type Metadata = Record<MetadataAttribute, string>;

export const BUSINESS_OWNER: MetadataAttribute = "integration.business-owner";
export const STATUS_ATTRIBUTE = "integration.status";
