import { useAccess } from "@keycloak/keycloak-admin-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Spinner,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { errorMessage, useIntegrationsApi } from "./api";
import type { RealmPolicy } from "./types";
import { useLoader } from "./useLoader";

type NumberKey = {
  [K in keyof RealmPolicy]: RealmPolicy[K] extends number ? K : never;
}[keyof RealmPolicy];

/** Numeric keys with their help text (units and meaning, SPEC §2.1). */
const NUMBER_FIELDS: [NumberKey, string][] = [
  ["default-token-ttl", "Seconds; token lifetime when an integration sets none."],
  ["max-token-ttl", "Seconds (1 to 86400); the longest token lifetime an integration may set."],
  ["default-review-interval-days", "Days between reviews when an integration sets none."],
  ["max-review-interval-days", "The longest review interval an integration may set, in days."],
  ["grace-days", "Days after a lapsed review before suspension."],
  ["grace-token-ttl", "Seconds; the longest lifetime of a token issued during grace."],
  ["dormant-after-days", "Days without use before suspension; 0 disables it."],
  ["orphan-grace-days", "Days an integration may run with a missing or disabled owner."],
  ["retire-after-days", "Days after suspension before an integration is retired."],
];

/** The form's text state: every value as typed. */
type Draft = Record<NumberKey, string> & {
  mode: RealmPolicy["mode"];
  unregistered: RealmPolicy["unregistered-service-accounts"];
  reminderDays: string;
  privilegedAudiences: string;
  deleteRetired: boolean;
  allowSameOwner: boolean;
  softwareStatementKeys: string;
};

function toDraft(policy: RealmPolicy): Draft {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map(([key]) => [key, String(policy[key] ?? "")]));
  const keys = policy["software-statement-keys"];
  return {
    ...(numbers as Record<NumberKey, string>),
    mode: policy.mode,
    unregistered: policy["unregistered-service-accounts"],
    reminderDays: (policy["reminder-days"] ?? []).join(", "),
    privilegedAudiences: (policy["privileged-audiences"] ?? []).join(" "),
    deleteRetired: policy["delete-retired"],
    allowSameOwner: policy["allow-same-owner"],
    softwareStatementKeys: keys && Object.keys(keys).length > 0 ? JSON.stringify(keys, null, 2) : "",
  };
}

/** Converts the typed values to the policy JSON; ranges are left to the server, which names the key. */
function toPolicy(draft: Draft): RealmPolicy {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map(([key]) => [key, wholeNumber(draft[key], key)]));
  return {
    ...(numbers as Record<NumberKey, number>),
    mode: draft.mode,
    "unregistered-service-accounts": draft.unregistered,
    "reminder-days": words(draft.reminderDays).map((value) => wholeNumber(value, "reminder-days")),
    "privileged-audiences": words(draft.privilegedAudiences),
    "delete-retired": draft.deleteRetired,
    "allow-same-owner": draft.allowSameOwner,
    "software-statement-keys": jwks(draft.softwareStatementKeys),
  } as RealmPolicy;
}

function words(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function wholeNumber(text: string, key: string): number {
  if (!/^-?\d+$/.test(text.trim())) {
    throw new Error(`${key}: "${text}" is not a whole number`);
  }
  return Number(text.trim());
}

function jwks(text: string): Record<string, unknown> {
  if (!text.trim()) {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new Error('software-statement-keys: must be a JWKS JSON object, e.g. {"keys": [...]}');
}

/** The realm policy form (GET/PUT `.../integrations/policy`). */
export const PolicyTab = () => {
  const { t } = useTranslation();
  const { hasAccess } = useAccess();
  const api = useIntegrationsApi();
  const policy = useLoader(() => api.policy(), [api]);
  const [draft, setDraft] = useState<Draft>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string }>();
  const readOnly = !hasAccess("manage-realm");

  useEffect(() => {
    if (policy.data) {
      setDraft(toDraft(policy.data));
    }
  }, [policy.data]);

  if (policy.error && !draft) {
    return (
      <div className="pf-v5-u-p-md">
        <Alert isInline variant="danger" data-testid="ib-policy-error" title={policy.error} />
      </div>
    );
  }
  if (!draft) {
    return <Spinner aria-label={t("loading")} />;
  }

  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setResult(undefined);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    let body: RealmPolicy;
    try {
      body = toPolicy(draft);
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
      return;
    }
    setSaving(true);
    try {
      policy.set(await api.updatePolicy(body));
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const help = (text: string) => (
    <FormHelperText>
      <HelperText>
        <HelperTextItem>{text}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );

  return (
    <div className="pf-v5-u-p-md">
      <Form id="ib-policy-form" isHorizontal className="keycloak__form" onSubmit={save}>
        {result && !result.ok && (
          <Alert isInline variant="danger" id="ib-policy-error" data-testid="ib-policy-error" title={result.message} />
        )}
        {result?.ok && (
          <Alert
            isInline
            variant="success"
            id="ib-policy-saved"
            data-testid="ib-policy-saved"
            title={t("integrationsPolicySaved", "Realm policy saved.")}
          />
        )}
        <FormGroup label="mode" fieldId="ib-policy-mode">
          <FormSelect
            id="ib-policy-mode"
            data-testid="ib-policy-mode"
            value={draft.mode}
            isDisabled={readOnly}
            onChange={(_event, value) => update({ mode: value as Draft["mode"] })}
          >
            {["off", "monitor", "enforce"].map((value) => (
              <FormSelectOption key={value} value={value} label={value} />
            ))}
          </FormSelect>
          {help(t("integrationsPolicyModeHelp", "off: nothing is enforced; monitor: decisions are audited but never refuse; enforce."))}
        </FormGroup>
        <FormGroup label="unregistered-service-accounts" fieldId="ib-policy-unregistered-service-accounts">
          <FormSelect
            id="ib-policy-unregistered-service-accounts"
            data-testid="ib-policy-unregistered-service-accounts"
            value={draft.unregistered}
            isDisabled={readOnly}
            onChange={(_event, value) => update({ unregistered: value as Draft["unregistered"] })}
          >
            {["allow", "monitor", "deny"].map((value) => (
              <FormSelectOption key={value} value={value} label={value} />
            ))}
          </FormSelect>
          {help(t("integrationsPolicyUnregisteredHelp", "What a confidential service-account client without metadata may do."))}
        </FormGroup>
        {NUMBER_FIELDS.map(([key, text]) => (
          <FormGroup key={key} label={key} fieldId={`ib-policy-${key}`}>
            <TextInput
              id={`ib-policy-${key}`}
              data-testid={`ib-policy-${key}`}
              type="number"
              value={draft[key]}
              isDisabled={readOnly}
              onChange={(_event, value) => update({ [key]: value } as Partial<Draft>)}
            />
            {help(t(`integrationsPolicyHelp_${key}`, text))}
          </FormGroup>
        ))}
        <FormGroup label="reminder-days" fieldId="ib-policy-reminder-days">
          <TextInput
            id="ib-policy-reminder-days"
            data-testid="ib-policy-reminder-days"
            value={draft.reminderDays}
            isDisabled={readOnly}
            onChange={(_event, value) => update({ reminderDays: value })}
          />
          {help(t("integrationsPolicyRemindersHelp", "Days before the next review when owners are e-mailed, e.g. 14, 7, 1."))}
        </FormGroup>
        <FormGroup label="privileged-audiences" fieldId="ib-policy-privileged-audiences">
          <TextInput
            id="ib-policy-privileged-audiences"
            data-testid="ib-policy-privileged-audiences"
            value={draft.privilegedAudiences}
            isDisabled={readOnly}
            onChange={(_event, value) => update({ privilegedAudiences: value })}
          />
          {help(t("integrationsPolicyPrivilegedHelp", "Extra client ids never allowed as audiences, separated by spaces."))}
        </FormGroup>
        <FormGroup label="allow-same-owner" fieldId="ib-policy-allow-same-owner">
          <Checkbox
            id="ib-policy-allow-same-owner"
            data-testid="ib-policy-allow-same-owner"
            label={t("integrationsPolicySameOwner", "One user may be both business and technical owner")}
            isChecked={draft.allowSameOwner}
            isDisabled={readOnly}
            onChange={(_event, checked) => update({ allowSameOwner: checked })}
          />
        </FormGroup>
        <FormGroup label="delete-retired" fieldId="ib-policy-delete-retired">
          <Checkbox
            id="ib-policy-delete-retired"
            data-testid="ib-policy-delete-retired"
            label={t("integrationsPolicyDeleteRetired", "Delete retired integrations")}
            isChecked={draft.deleteRetired}
            isDisabled={readOnly}
            onChange={(_event, checked) => update({ deleteRetired: checked })}
          />
        </FormGroup>
        <FormGroup label="software-statement-keys" fieldId="ib-policy-software-statement-keys">
          <TextArea
            id="ib-policy-software-statement-keys"
            data-testid="ib-policy-software-statement-keys"
            value={draft.softwareStatementKeys}
            isDisabled={readOnly}
            rows={6}
            resizeOrientation="vertical"
            onChange={(_event, value) => update({ softwareStatementKeys: value })}
          />
          {help(t("integrationsPolicyKeysHelp", "JWKS of public keys trusted to sign software statements; empty for none."))}
        </FormGroup>
        <ActionGroup>
          <Button
            id="ib-policy-save"
            data-testid="ib-policy-save"
            type="submit"
            variant="primary"
            isDisabled={readOnly || saving}
            isLoading={saving}
          >
            {t("save")}
          </Button>
          <Button
            id="ib-policy-revert"
            data-testid="ib-policy-revert"
            variant="link"
            isDisabled={saving}
            onClick={() => {
              setResult(undefined);
              if (policy.data) {
                setDraft(toDraft(policy.data));
              }
            }}
          >
            {t("revert")}
          </Button>
        </ActionGroup>
      </Form>
    </div>
  );
};
