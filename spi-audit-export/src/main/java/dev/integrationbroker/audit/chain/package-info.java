/**
 * Tamper evidence (SPEC §5): each realm's records form a hash chain. A record's {@code hash} is the lowercase hex
 * SHA-256 of the UTF-8 bytes of its canonical JSON ({@link dev.integrationbroker.audit.chain.CanonicalJson}) without
 * the {@code hash} member; that JSON includes {@code seq} (1, 2, 3, ...) and {@code prevHash}, the previous record's
 * hash ({@link dev.integrationbroker.audit.chain.ChainHasher#GENESIS} for {@code seq} 1). No SPI.
 */
package dev.integrationbroker.audit.chain;
