import { useAccess, useRealm } from "@keycloak/keycloak-admin-ui";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";

import { toIntegrations, type SectionTab } from "./paths";

/** The console's sidebar (`PageNav`): its `<nav>` receives our group as its last section. */
const SIDEBAR_NAV = ".keycloak__page_nav__nav nav";
const SECTION_ID = "nav-section-integrations";
const TITLE_ID = "nav-section-integrations-title";

/**
 * Adds an "Integrations" group to the console's realm navigation.
 *
 * The published package's `PageNav` has a fixed list of links and no extension point, so the group
 * is rendered with a portal into a `<section>` we append to its `<nav>`, using the same PatternFly
 * classes as the groups Keycloak renders there. A MutationObserver re-attaches the section when the
 * console re-creates the sidebar (realm switch, sidebar toggle).
 */
export const IntegrationsNav = () => {
  const { hasAccess } = useAccess();
  const host = useSidebarSection(hasAccess("view-clients"));
  return host ? createPortal(<IntegrationsNavGroup />, host) : null;
};

const IntegrationsNavGroup = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { pathname, search } = useLocation();
  const base = toIntegrations(realm);
  const inSection = pathname === base || pathname.startsWith(`${base}/`);
  const currentTab = (new URLSearchParams(search).get("tab") ?? "inventory") as SectionTab;

  const item = (tab: SectionTab, label: string) => {
    const active = inSection && (tab === currentTab || (tab === "inventory" && pathname !== base));
    const id = tab === "inventory" ? "nav-item-integrations" : `nav-item-integrations-${tab}`;
    return (
      <li key={tab}>
        <Link
          id={id}
          data-testid={id}
          to={toIntegrations(realm, tab)}
          className={`pf-v5-c-nav__link${active ? " pf-m-current" : ""}`}
          aria-current={active ? "page" : undefined}
        >
          {label}
        </Link>
      </li>
    );
  };

  return (
    <>
      <h2 className="pf-v5-c-nav__section-title" id={TITLE_ID}>
        {t("integrationsTitle", "Integrations")}
      </h2>
      <ul className="pf-v5-c-nav__list" role="list">
        {item("inventory", t("integrationsInventory", "Inventory"))}
        {item("unregistered", t("integrationsUnregistered", "Unregistered accounts"))}
        {item("policy", t("integrationsPolicy", "Realm policy"))}
        {item("kill-switch", t("integrationsKillSwitch", "Kill switch"))}
      </ul>
    </>
  );
};

/** Keeps our `<section>` as the last child of the sidebar's `<nav>` while `enabled`. */
function useSidebarSection(enabled: boolean): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);

  useEffect(() => {
    if (!enabled) {
      return;
    }
    const section = document.createElement("section");
    section.id = SECTION_ID;
    section.className = "pf-v5-c-nav__section";
    section.setAttribute("aria-labelledby", TITLE_ID);

    const attach = () => {
      const nav = document.querySelector(SIDEBAR_NAV);
      if (nav && nav.lastElementChild !== section) {
        nav.appendChild(section);
      }
    };
    attach();
    setHost(section);
    const observer = new MutationObserver(attach);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      section.remove();
      setHost(null);
    };
  }, [enabled]);

  return host;
}
