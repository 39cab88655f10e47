/**
 * Dynamic client registration of integrations (SPI {@code client-registration}, provider id {@code integration}):
 * RFC 7591/7592 with the {@code integration_*} metadata fields and signed software statements.
 */
package dev.integrationbroker.lifecycle.clientregistration;
