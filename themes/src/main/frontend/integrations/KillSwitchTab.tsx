import { useAccess, useConfirmDialog, useRealm } from "@keycloak/keycloak-admin-ui";
import {
  ActionGroup,
  Alert,
  Button,
  ButtonVariant,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  TextInput,
} from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { errorMessage, useIntegrationsApi } from "./api";
import { toIntegration } from "./paths";
import type { KillSwitchResult } from "./types";

/** The kill switch: suspends every integration of one vendor in one call, after a confirmation. */
export const KillSwitchTab = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const api = useIntegrationsApi();
  const [vendor, setVendor] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ vendor: string; answer: KillSwitchResult }>();
  const [error, setError] = useState<string>();
  const target = vendor.trim();

  const suspendVendor = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult({ vendor: target, answer: await api.suspendVendor(target) });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const [toggleConfirm, ConfirmDialog] = useConfirmDialog({
    titleKey: t("integrationsKillSwitchConfirmTitle", "Suspend every integration of {{vendor}}?", { vendor: target }),
    messageKey: t(
      "integrationsKillSwitchConfirm",
      "Their tokens stop being issued at once. Each one must be reactivated on its own afterwards.",
    ),
    continueButtonLabel: t("integrationsSuspendAll", "Suspend all"),
    continueButtonVariant: ButtonVariant.danger,
    onConfirm: () => void suspendVendor(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) {
      toggleConfirm();
    }
  };

  return (
    <div className="pf-v5-u-p-md">
      <ConfirmDialog />
      <Form id="ib-killswitch-form" isHorizontal className="keycloak__form" onSubmit={submit}>
        {error && <Alert isInline variant="danger" data-testid="ib-killswitch-error" title={error} />}
        {result && (
          <Alert
            isInline
            variant="warning"
            data-testid="ib-killswitch-result"
            title={t("integrationsKillSwitchDone", "{{count}} integration(s) of {{vendor}} suspended.", {
              count: result.answer.suspended.length,
              vendor: result.vendor,
            })}
          >
            <List>
              {result.answer.suspended.map((item) => (
                <ListItem key={item.clientId} data-testid="ib-killswitch-suspended">
                  <Link to={toIntegration(realm, item.clientId)}>{item.clientId}</Link>
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        <FormGroup label={t("integrationsVendor", "Vendor")} fieldId="ib-killswitch-vendor" isRequired>
          <TextInput
            id="ib-killswitch-vendor"
            data-testid="ib-killswitch-vendor"
            value={vendor}
            isRequired
            onChange={(_event, value) => setVendor(value)}
          />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>
                {t(
                  "integrationsKillSwitchHelp",
                  "The vendor tag of the integrations (integration.vendor), e.g. after the vendor reports a breach.",
                )}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
        <ActionGroup>
          <Button
            id="ib-killswitch-submit"
            data-testid="ib-killswitch-submit"
            type="submit"
            variant="danger"
            isDisabled={!target || busy || !hasAccess("manage-clients")}
            isLoading={busy}
          >
            {t("integrationsSuspendVendor", "Suspend all integrations of this vendor")}
          </Button>
        </ActionGroup>
      </Form>
    </div>
  );
};
