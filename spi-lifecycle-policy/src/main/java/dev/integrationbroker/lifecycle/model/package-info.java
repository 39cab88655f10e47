/**
 * Integration metadata as client attributes (SPEC §1): names, parsed views and wire forms. No SPI.
 */
package dev.integrationbroker.lifecycle.model;
