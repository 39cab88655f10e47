/**
 * Governance rules shared by the gate, the broker and the sweep: issuance decisions, lifetimes, owners and privileged audiences. No SPI.
 */
package dev.integrationbroker.lifecycle.rules;
