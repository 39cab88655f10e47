/**
 * Owner e-mails (SPEC §4): review reminders and suspension notices from the project e-mail theme, sent once per
 * integration, kind and review cycle. Uses Keycloak's theme, FreeMarker and e-mail sender providers.
 */
package dev.integrationbroker.lifecycle.email;
