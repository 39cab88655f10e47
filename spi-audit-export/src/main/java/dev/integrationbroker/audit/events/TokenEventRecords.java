package dev.integrationbroker.audit.events;

import static dev.integrationbroker.audit.events.EventDetailNames.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.OAuth2Constants;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.IntegrationView;
import dev.integrationbroker.audit.record.JtiDigest;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.audit.record.RecordTypes;
import dev.integrationbroker.audit.record.SafeText;

/**
 * Token records from Keycloak user events: {@code CLIENT_LOGIN} (client_credentials), {@code TOKEN_EXCHANGE} and
 * {@code REFRESH_TOKEN} become {@code token.issued}, their {@code _ERROR} events {@code token.refused}, and
 * {@code REVOKE_GRANT} {@code token.revoked}. Only the details named in {@link EventDetailNames} are read; token ids
 * are hashed.
 */
final class TokenEventRecords {

    static final int MAX_REASON = 200;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_WORDS = 100;
    private static final int MAX_WORD = 255;

    private TokenEventRecords() {
    }

    /** The record type of a user event, if it is a token event the trail keeps. */
    static Optional<String> typeOf(EventType type) {
        if (type == null) {
            return Optional.empty();
        }
        return switch (type) {
            case CLIENT_LOGIN, TOKEN_EXCHANGE, REFRESH_TOKEN -> Optional.of(RecordTypes.TOKEN_ISSUED);
            case CLIENT_LOGIN_ERROR, TOKEN_EXCHANGE_ERROR, REFRESH_TOKEN_ERROR -> Optional.of(RecordTypes.TOKEN_REFUSED);
            case REVOKE_GRANT -> Optional.of(RecordTypes.TOKEN_REVOKED);
            default -> Optional.empty();
        };
    }

    static AuditRecord of(Event event, String type, String realmName, IntegrationView integration) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        boolean refused = RecordTypes.TOKEN_REFUSED.equals(type);
        boolean revoked = RecordTypes.TOKEN_REVOKED.equals(type);
        List<String> scope = words(details.get(SCOPE));
        AuditDetails.Builder builder = AuditDetails.builder()
                .grantType(grantType(event.getType(), details.get(GRANT_TYPE)))
                .audience(words(details.get(AUDIENCE)))
                .scopeRequested(details.containsKey(SCOPE_REQUESTED) ? words(details.get(SCOPE_REQUESTED)) : refused ? scope : null)
                .scopeGranted(refused || revoked ? null : scope)
                .ttl(seconds(details.get(TTL)))
                .jtiSha256(first(hash(details.get(JTI_SHA256)),
                        JtiDigest.of(revoked ? first(details.get(TOKEN_ID), details.get(REFRESH_TOKEN_ID)) : details.get(TOKEN_ID))))
                .parentJtiSha256(revoked ? null : first(hash(details.get(PARENT_JTI_SHA256)), JtiDigest.of(refreshParent(event.getType(), details))))
                .reason(SafeText.of(reason(details), MAX_REASON))
                .error(SafeText.of(event.getError(), 100));
        EventContext context = EventContext.of(event.getId(), event.getTime(), event.getClientId(), event.getIpAddress());
        return new AuditRecord(context.id(), context.time(), realmName, type, refused ? Outcome.FAILURE : Outcome.SUCCESS,
                event.getClientId(), integration, context.actor(), context.ip(), builder.build());
    }

    /** A gate refusal reads as {@code client_policy_error}; its detail carries the reason worth keeping. */
    private static String reason(Map<String, String> details) {
        String reason = details.get(REASON);
        if (CLIENT_POLICY_ERROR.equals(reason) && details.get(CLIENT_POLICY_ERROR_DETAIL) != null) {
            return details.get(CLIENT_POLICY_ERROR_DETAIL);
        }
        return reason;
    }

    private static String refreshParent(EventType type, Map<String, String> details) {
        return type == EventType.REFRESH_TOKEN || type == EventType.REFRESH_TOKEN_ERROR ? details.get(REFRESH_TOKEN_ID) : null;
    }

    private static String grantType(EventType type, String detail) {
        if (detail != null && !detail.isBlank()) {
            return SafeText.of(detail, 100);
        }
        return switch (type) {
            case CLIENT_LOGIN, CLIENT_LOGIN_ERROR -> OAuth2Constants.CLIENT_CREDENTIALS;
            case TOKEN_EXCHANGE, TOKEN_EXCHANGE_ERROR -> OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE;
            case REFRESH_TOKEN, REFRESH_TOKEN_ERROR -> OAuth2Constants.REFRESH_TOKEN;
            default -> null;
        };
    }

    static List<String> words(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split("\\s+")).distinct().limit(MAX_WORDS).map(word -> SafeText.of(word, MAX_WORD)).toList();
    }

    private static Long seconds(String value) {
        if (value == null || !value.matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.valueOf(value);
    }

    /** A ready-made SHA-256 from the broker, kept only if it is exactly that: 64 lowercase hex digits. */
    private static String hash(String value) {
        return value != null && HEX_SHA256.matcher(value).matches() ? value : null;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
