package dev.integrationbroker.audit.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.audit.record.RecordTypes;

/**
 * The representation of an {@code ACTION} admin event of the project:
 * <ul>
 * <li>integrations API: {@code {"action": "attest"|"suspend"|"reactivate"|"revoke-tokens", "clientId", "note"}} and
 * {@code {"action": "kill-switch", "vendor", "suspended": [clientId, ...]}};</li>
 * <li>lifecycle sweep: {@code {"action": "lifecycle", "clientId", "from", "to", "reason"}}, {@code to} prefixed
 * {@code would-} in monitor mode and {@code deleted} for a deletion;</li>
 * <li>owner e-mails: {@code {"action": "reminder", "clientId", "note"}}.</li>
 * </ul>
 *
 * @param suspended the kill switch's suspended client ids, empty otherwise
 */
record AdminAction(String action, String clientId, String note, String vendor, List<String> suspended, String from, String to,
        String reason) {

    static final String LIFECYCLE = "lifecycle";
    private static final String WOULD = "would-";

    static Optional<AdminAction> parse(String representation) {
        if (representation == null || representation.isBlank()) {
            return Optional.empty();
        }
        ObjectNode json;
        try {
            json = Json.parseObject(representation);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String action = text(json, "action");
        if (action == null) {
            return Optional.empty();
        }
        List<String> suspended = new ArrayList<>();
        JsonNode list = json.get("suspended");
        if (list != null && list.isArray()) {
            list.forEach(item -> {
                if (item.isTextual()) {
                    suspended.add(item.textValue());
                }
            });
        }
        return Optional.of(new AdminAction(action, text(json, "clientId"), text(json, "note"), text(json, "vendor"),
                List.copyOf(suspended), text(json, "from"), text(json, "to"), text(json, "reason")));
    }

    /** The record type of the action; empty for an action the trail does not know. */
    Optional<String> recordType() {
        return switch (action) {
            case "attest" -> Optional.of(RecordTypes.INTEGRATION_ATTESTED);
            case "suspend" -> Optional.of(RecordTypes.INTEGRATION_SUSPENDED);
            case "reactivate" -> Optional.of(RecordTypes.INTEGRATION_REACTIVATED);
            case "revoke-tokens" -> Optional.of(RecordTypes.INTEGRATION_TOKENS_REVOKED);
            case "kill-switch" -> Optional.of(RecordTypes.INTEGRATION_KILL_SWITCH);
            case LIFECYCLE -> Optional.of(to != null && to.startsWith(WOULD) ? RecordTypes.LIFECYCLE_WOULD_TRANSITION : RecordTypes.LIFECYCLE_TRANSITION);
            case "reminder" -> Optional.of(RecordTypes.REMINDER_SENT);
            default -> Optional.empty();
        };
    }

    boolean lifecycle() {
        return LIFECYCLE.equals(action);
    }

    /**
     * The status after a lifecycle transition; for a monitor-mode {@code would-suspended}, the status it would have
     * had (the record type says it was not applied).
     */
    String statusAfter() {
        return to != null && to.startsWith(WOULD) ? to.substring(WOULD.length()) : to;
    }

    /** Whether the sweep deleted the integration (not merely would have). */
    boolean deletion() {
        return lifecycle() && "deleted".equals(to);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
