/**
 * Issuance gate (SPI {@code client-policy-executor}, provider id {@code integration-gate}) and the installer of its client policy in every realm.
 */
package dev.integrationbroker.broker.clientpolicy;
