/**
 * Admin REST extension (SPI {@code admin-realm-restapi-extension}, provider id {@code integrations}): the realm policy, inventory and actions under {@code /admin/realms/{realm}/integrations}.
 */
package dev.integrationbroker.lifecycle.admin;
