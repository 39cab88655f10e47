import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation";
import { useAccess, useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { errorMessage } from "./api";
import { METADATA_ATTRIBUTES, type Metadata, type MetadataAttribute } from "./types";

type Field = {
  attribute: MetadataAttribute;
  /** Element id and data-testid of the input. */
  id: string;
  label: [key: string, text: string];
  help: [key: string, text: string];
  required?: boolean;
  multiline?: boolean;
  /** Space-separated lists are stored with single spaces. */
  list?: boolean;
};

/** SPEC §1: the administrator-written attributes, with their rules as help text. */
const FIELDS: Field[] = [
  {
    attribute: "integration.business-owner",
    id: "ib-business-owner",
    label: ["integrationsBusinessOwner", "Business owner"],
    help: ["integrationsBusinessOwnerHelp", "Username of an existing, enabled user of this realm."],
    required: true,
  },
  {
    attribute: "integration.technical-owner",
    id: "ib-technical-owner",
    label: ["integrationsTechnicalOwner", "Technical owner"],
    help: [
      "integrationsTechnicalOwnerHelp",
      "Username of an existing, enabled user; differs from the business owner unless the realm policy allows the same owner.",
    ],
    required: true,
  },
  {
    attribute: "integration.purpose",
    id: "ib-purpose",
    label: ["integrationsPurpose", "Purpose"],
    help: ["integrationsPurposeHelp", "What the integration does and why: 10 to 500 printable characters."],
    required: true,
    multiline: true,
  },
  {
    attribute: "integration.vendor",
    id: "ib-vendor",
    label: ["integrationsVendor", "Vendor"],
    help: ["integrationsVendorHelp", "Optional tag of lowercase letters, digits and '-' (at most 64); the kill switch targets it."],
  },
  {
    attribute: "integration.review-interval-days",
    id: "ib-review-interval-days",
    label: ["integrationsReviewInterval", "Review interval (days)"],
    help: ["integrationsReviewIntervalHelp", "1 to the realm's max-review-interval-days; empty for the realm default."],
  },
  {
    attribute: "integration.expires-at",
    id: "ib-expires-at",
    label: ["integrationsExpiresAt", "Expires at"],
    help: ["integrationsExpiresAtHelp", "Optional RFC 3339 instant in the future, e.g. 2027-01-31T00:00:00Z."],
  },
  {
    attribute: "integration.allowed-audiences",
    id: "ib-allowed-audiences",
    label: ["integrationsAllowedAudiences", "Allowed audiences"],
    help: ["integrationsAllowedAudiencesHelp", "Client ids of this realm the integration may get tokens for, separated by spaces."],
    required: true,
    list: true,
  },
  {
    attribute: "integration.allowed-scopes",
    id: "ib-allowed-scopes",
    label: ["integrationsAllowedScopes", "Allowed scopes"],
    help: ["integrationsAllowedScopesHelp", "Client-scope names of this realm, separated by spaces."],
    required: true,
    list: true,
  },
  {
    attribute: "integration.max-token-ttl",
    id: "ib-max-token-ttl",
    label: ["integrationsMaxTokenTtl", "Max token lifetime (seconds)"],
    help: ["integrationsMaxTokenTtlHelp", "1 to the realm's max-token-ttl; empty for the realm default."],
  },
];

function attributeText(value: unknown): string {
  return Array.isArray(value) ? String(value[0] ?? "") : value == null ? "" : String(value);
}

function toMetadata(client: ClientRepresentation): Metadata {
  const attributes = client.attributes ?? {};
  return Object.fromEntries(
    METADATA_ATTRIBUTES.map((attribute) => [attribute, attributeText(attributes[attribute])]),
  ) as Metadata;
}

function normalised(field: Field, value: string): string {
  return field.list ? value.split(/\s+/).filter(Boolean).join(" ") : value.trim();
}

type Props = {
  client: ClientRepresentation;
  /** Called after a successful save, to reload what depends on the metadata. */
  onSaved: () => void;
};

/**
 * The integration metadata of one client, saved through the standard client update (GET, merge the
 * attributes, PUT) so that the server's validation applies exactly as for any other write path. A
 * refusal shows the server's own message, and the field it names is marked.
 */
export const MetadataForm = ({ client, onSaved }: Props) => {
  const { t } = useTranslation();
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const [draft, setDraft] = useState<Metadata>(() => toMetadata(client));
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string }>();
  const readOnly = !hasAccess("manage-clients");

  useEffect(() => setDraft(toMetadata(client)), [client]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setResult(undefined);
    try {
      // Read just before writing, so attributes changed meanwhile (e.g. by the sweep) are kept.
      const fresh = await adminClient.clients.findOne({ realm, id: client.id! });
      if (!fresh) {
        throw new Error(t("integrationsClientGone", "The client no longer exists."));
      }
      const attributes: Record<string, unknown> = { ...(fresh.attributes ?? {}) };
      for (const field of FIELDS) {
        const value = normalised(field, draft[field.attribute]);
        if (value) {
          attributes[field.attribute] = value;
        } else {
          delete attributes[field.attribute];
        }
      }
      await adminClient.clients.update({ realm, id: fresh.id! }, { ...fresh, attributes });
      setResult({ ok: true });
      onSaved();
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const failed = result && !result.ok ? result.message : undefined;
  const fieldError = (field: Field) => (failed && failed.includes(field.attribute) ? failed : undefined);

  return (
    <Form id="ib-metadata-form" data-testid="ib-metadata-form" isHorizontal className="keycloak__form" onSubmit={save}>
      {failed && (
        <Alert
          isInline
          variant="danger"
          id="ib-error"
          data-testid="ib-error"
          title={t("integrationsSaveRefused", "The server refused the metadata")}
        >
          <span id="ib-error-message" data-testid="ib-error-message">
            {failed}
          </span>
        </Alert>
      )}
      {result?.ok && (
        <Alert
          isInline
          variant="success"
          id="ib-saved"
          data-testid="ib-saved"
          title={t("integrationsMetadataSaved", "Integration metadata saved.")}
        />
      )}
      {FIELDS.map((field) => {
        const error = fieldError(field);
        const common = {
          id: field.id,
          "data-testid": field.id,
          name: field.attribute,
          value: draft[field.attribute],
          isDisabled: readOnly,
          validated: error ? ("error" as const) : ("default" as const),
          onChange: (_event: unknown, value: string) => {
            setDraft({ ...draft, [field.attribute]: value });
          },
        };
        return (
          <FormGroup
            key={field.attribute}
            label={t(...field.label)}
            fieldId={field.id}
            isRequired={field.required}
            labelInfo={field.attribute}
          >
            {field.multiline ? (
              <TextArea {...common} rows={3} resizeOrientation="vertical" />
            ) : (
              <TextInput {...common} type="text" />
            )}
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={error ? "error" : "default"}>{error ?? t(...field.help)}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        );
      })}
      <ActionGroup>
        <Button
          id="ib-save"
          data-testid="ib-save"
          type="submit"
          variant="primary"
          isDisabled={readOnly || saving}
          isLoading={saving}
        >
          {t("save")}
        </Button>
        <Button
          id="ib-revert"
          data-testid="ib-revert"
          variant="link"
          isDisabled={saving}
          onClick={() => {
            setResult(undefined);
            setDraft(toMetadata(client));
          }}
        >
          {t("revert")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
