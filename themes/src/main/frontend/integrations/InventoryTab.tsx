import { useRealm } from "@keycloak/keycloak-admin-ui";
import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Label,
  Pagination,
  Spinner,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { errorMessage, useIntegrationsApi } from "./api";
import { csvFileName, saveBlob } from "./download";
import { formatInstant, formatValue, statusColor } from "./format";
import { toIntegration } from "./paths";
import { INTEGRATION_STATUSES, type InventoryFilter } from "./types";
import { useLoader } from "./useLoader";

const PAGE_SIZES = [10, 20, 50, 100].map((value) => ({ title: String(value), value }));

/** The inventory table: filters, paging over `first`/`max`, total from `X-Total-Count`, CSV. */
export const InventoryTab = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const api = useIntegrationsApi();
  const [draft, setDraft] = useState<InventoryFilter>({});
  const [filter, setFilter] = useState<InventoryFilter>({});
  const [page, setPage] = useState({ first: 0, max: 20 });
  const [csvError, setCsvError] = useState<string>();
  const [csvBusy, setCsvBusy] = useState(false);
  const inventory = useLoader(() => api.inventory(filter, page.first, page.max), [api, filter, page]);

  const items = inventory.data?.items ?? [];
  // Without the header (e.g. not exposed cross-origin) still allow paging forward on a full page.
  const total =
    inventory.data?.total ?? page.first + items.length + (items.length === page.max ? 1 : 0);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(trimmed(draft));
    setPage((current) => ({ ...current, first: 0 }));
  };

  const clear = () => {
    setDraft({});
    setFilter({});
    setPage((current) => ({ ...current, first: 0 }));
  };

  const downloadCsv = async () => {
    setCsvBusy(true);
    setCsvError(undefined);
    try {
      saveBlob(await api.inventoryCsv(filter), csvFileName("integrations", realm));
    } catch (error) {
      setCsvError(errorMessage(error));
    } finally {
      setCsvBusy(false);
    }
  };

  const text = (key: keyof InventoryFilter, label: string) => (
    <ToolbarItem>
      <TextInput
        id={`ib-filter-${key}`}
        data-testid={`ib-filter-${key}`}
        aria-label={label}
        placeholder={label}
        value={draft[key] ?? ""}
        onChange={(_event, value) => setDraft({ ...draft, [key]: value })}
      />
    </ToolbarItem>
  );

  return (
    <div className="pf-v5-u-p-md">
      <form onSubmit={apply} id="ib-inventory-filters">
        <Toolbar>
          <ToolbarContent>
            {text("q", t("integrationsFilterQuery", "Client ID or purpose"))}
            {text("owner", t("integrationsFilterOwner", "Owner username"))}
            {text("vendor", t("integrationsFilterVendor", "Vendor"))}
            <ToolbarItem>
              <FormSelect
                id="ib-filter-status"
                data-testid="ib-filter-status"
                aria-label={t("integrationsStatus", "Status")}
                value={draft.status ?? ""}
                onChange={(_event, value) => setDraft({ ...draft, status: value })}
              >
                <FormSelectOption value="" label={t("integrationsAnyStatus", "Any status")} />
                {INTEGRATION_STATUSES.map((status) => (
                  <FormSelectOption key={status} value={status} label={status} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <Button id="ib-filter-apply" data-testid="ib-filter-apply" type="submit" variant="primary">
                {t("search")}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button id="ib-filter-clear" data-testid="ib-filter-clear" variant="link" onClick={clear}>
                {t("integrationsClearFilters", "Clear filters")}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                id="ib-inventory-csv"
                data-testid="ib-inventory-csv"
                variant="secondary"
                isLoading={csvBusy}
                isDisabled={csvBusy}
                onClick={downloadCsv}
              >
                {t("integrationsDownloadCsv", "Download CSV")}
              </Button>
            </ToolbarItem>
            <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
              <Pagination
                id="ib-inventory-pagination"
                data-testid="ib-inventory-pagination"
                itemCount={total}
                perPage={page.max}
                page={Math.floor(page.first / page.max) + 1}
                perPageOptions={PAGE_SIZES}
                onSetPage={(_event, number) => setPage({ ...page, first: (number - 1) * page.max })}
                onPerPageSelect={(_event, max) => setPage({ first: 0, max })}
                isCompact
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </form>
      {csvError && (
        <Alert isInline variant="danger" data-testid="ib-inventory-csv-error" title={csvError} className="pf-v5-u-mb-md" />
      )}
      {inventory.error && (
        <Alert isInline variant="danger" data-testid="ib-inventory-error" title={inventory.error} />
      )}
      <p className="pf-v5-u-mb-sm" data-testid="ib-inventory-total">
        {t("integrationsTotal", "{{count}} integration(s) match", {
          count: inventory.data?.total ?? items.length,
        })}
      </p>
      {inventory.loading && !inventory.data ? (
        <Spinner aria-label={t("loading")} />
      ) : (
        <Table id="ib-inventory-table" data-testid="ib-inventory-table" variant="compact" aria-label={t("integrationsInventory", "Inventory")}>
          <Thead>
            <Tr>
              <Th>{t("clientId")}</Th>
              <Th>{t("integrationsStatus", "Status")}</Th>
              <Th>{t("integrationsBusinessOwner", "Business owner")}</Th>
              <Th>{t("integrationsTechnicalOwner", "Technical owner")}</Th>
              <Th>{t("integrationsVendor", "Vendor")}</Th>
              <Th>{t("integrationsNextReview", "Next review")}</Th>
              <Th>{t("integrationsLastUsed", "Last used")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {items.map((item) => (
              <Tr key={item.clientId} data-testid="ib-inventory-row" data-client-id={item.clientId}>
                <Td dataLabel={t("clientId")}>
                  <Link to={toIntegration(realm, item.clientId)} data-testid="ib-inventory-link">
                    {item.clientId}
                  </Link>
                </Td>
                <Td dataLabel={t("integrationsStatus", "Status")}>
                  <Label color={statusColor(item.status)} data-testid="ib-inventory-status">
                    {formatValue(item.status)}
                  </Label>
                  {item.suspendedReason && <span className="pf-v5-u-ml-sm">({item.suspendedReason})</span>}
                </Td>
                <Td dataLabel={t("integrationsBusinessOwner", "Business owner")}>{formatValue(item.businessOwner)}</Td>
                <Td dataLabel={t("integrationsTechnicalOwner", "Technical owner")}>{formatValue(item.technicalOwner)}</Td>
                <Td dataLabel={t("integrationsVendor", "Vendor")}>{formatValue(item.vendor)}</Td>
                <Td dataLabel={t("integrationsNextReview", "Next review")}>{formatInstant(item.nextReview)}</Td>
                <Td dataLabel={t("integrationsLastUsed", "Last used")}>{formatInstant(item.lastUsedAt)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {!inventory.loading && !inventory.error && items.length === 0 && (
        <EmptyState variant="xs" data-testid="ib-inventory-empty">
          <EmptyStateBody>{t("integrationsNoneFound", "No integrations match.")}</EmptyStateBody>
        </EmptyState>
      )}
    </div>
  );
};

function trimmed(filter: InventoryFilter): InventoryFilter {
  return Object.fromEntries(
    Object.entries(filter)
      .map(([key, value]) => [key, value?.trim()])
      .filter(([, value]) => value),
  ) as InventoryFilter;
}
