import { createInstance, type i18n as I18n } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

import { environment } from "./environment";

type Message = { key: string; value: string };

/**
 * The console's translations, loaded the way Keycloak's own console loads them: one namespace per
 * realm from the admin theme's message bundle plus the realm's overrides. The exported console
 * components call react-i18next's `useTranslation`, so this instance serves them and our pages.
 * Our own texts carry English defaults; a realm can override them under Realm settings, Localization.
 */
export const i18n: I18n = createInstance({
  fallbackLng: "en",
  keySeparator: ".",
  nsSeparator: false,
  interpolation: { escapeValue: false },
  defaultNS: [environment.realm],
  ns: [environment.realm],
  backend: {
    loadPath: `${environment.adminBaseUrl}/resources/{{ns}}/admin/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries((JSON.parse(data) as Message[]).map(({ key, value }) => [key, value])),
  },
});

i18n.use(FetchBackend);
i18n.use(initReactI18next);
