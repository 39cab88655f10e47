/**
 * Sinks (option {@code sink}): {@code file}, JSON Lines under {@code <directory>/<realm>/<yyyy-MM-dd>.jsonl} appended
 * and fsynced per batch, and {@code webhook}, an HTTPS POST of each batch as a JSON array signed with
 * {@code X-Signature: sha256=<HMAC-SHA256 of the body>} and keyed by {@code Idempotency-Key}. No SPI.
 */
package dev.integrationbroker.audit.sink;
