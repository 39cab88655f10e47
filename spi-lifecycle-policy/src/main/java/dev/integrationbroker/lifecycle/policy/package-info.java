/**
 * Realm policy (SPEC §2.1): the immutable record, its JSON form and rules, and its storage as a realm attribute. No SPI.
 */
package dev.integrationbroker.lifecycle.policy;
