/**
 * Keycloak SPI {@code events-listener}, provider id {@code integration-audit} (global: no per-realm enabling). Turns
 * user events (client_credentials, token exchange, refresh, revocation, dynamic client registration) and admin events
 * (client create/update/delete and secret changes, the integrations API actions, the lifecycle sweep's transitions,
 * realm policy changes) of audited clients into records appended to the outbox in the event's own transaction.
 */
package dev.integrationbroker.audit.events;
