/**
 * The broker (SPI {@code oauth2-token-exchange}, provider id {@code integration-broker}): RFC 8693 exchange for integrations.
 */
package dev.integrationbroker.broker.tokenexchange;
