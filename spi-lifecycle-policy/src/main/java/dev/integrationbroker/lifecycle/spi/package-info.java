/**
 * The project's own SPI {@code integration-lifecycle} (provider interface and factory interface). The
 * default implementation, provider id {@code default}, is in {@code dev.integrationbroker.lifecycle.scheduled}.
 */
package dev.integrationbroker.lifecycle.spi;
