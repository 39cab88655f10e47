package dev.integrationbroker.audit.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Who and when of the event a record comes from.
 *
 * @param id the Keycloak event id (a random UUID when the event has none)
 * @param actor admin username, client id, or {@code client-registration}
 */
record EventContext(String id, Instant time, String actor, String ip) {

    static EventContext of(String id, long timeMillis, String actor, String ip) {
        return new EventContext(id == null ? UUID.randomUUID().toString() : id,
                timeMillis > 0 ? Instant.ofEpochMilli(timeMillis) : Instant.now(), actor, ip);
    }
}
