package dev.integrationbroker.audit.record;

import java.util.List;

/**
 * The record {@code type} names. Stable: consumers filter on them. Token records come from Keycloak user events,
 * integration and policy records from admin (or client-registration) events, lifecycle records from
 * {@code AuditTrailProvider#record}.
 */
public final class RecordTypes {

    /** A token was issued to an audited client: client_credentials, token exchange or refresh. */
    public static final String TOKEN_ISSUED = "token.issued";
    /** A token request of an audited client was refused (gate, broker, client authentication, ...). */
    public static final String TOKEN_REFUSED = "token.refused";
    /** A token of an audited client was revoked (RFC 7009). */
    public static final String TOKEN_REVOKED = "token.revoked";
    /** Monitor mode: the gate would have refused, the token was issued. */
    public static final String TOKEN_WOULD_REFUSE = "token.would-refuse";

    /** A client carrying integration metadata was created. */
    public static final String INTEGRATION_REGISTERED = "integration.registered";
    /** An integration's client was updated; {@code details.changes} holds the metadata diff. */
    public static final String INTEGRATION_CHANGED = "integration.changed";
    /** An integration's client was deleted. */
    public static final String INTEGRATION_DELETED = "integration.deleted";
    /** An integration's client secret was regenerated or its rotated secret removed. */
    public static final String INTEGRATION_CREDENTIAL_CHANGED = "integration.credential-changed";
    /** SPEC §2.3 actions. */
    public static final String INTEGRATION_ATTESTED = "integration.attested";
    public static final String INTEGRATION_SUSPENDED = "integration.suspended";
    public static final String INTEGRATION_REACTIVATED = "integration.reactivated";
    public static final String INTEGRATION_TOKENS_REVOKED = "integration.tokens-revoked";
    /** One record per integration the kill switch suspended (one without clientId when it matched none). */
    public static final String INTEGRATION_KILL_SWITCH = "integration.kill-switch";

    /** The realm's integration policy was changed. */
    public static final String POLICY_CHANGED = "policy.changed";

    /** Lifecycle sweep (SPEC §4): an applied transition, and a monitor-mode one that was not applied. */
    public static final String LIFECYCLE_TRANSITION = "lifecycle.transition";
    public static final String LIFECYCLE_WOULD_TRANSITION = "lifecycle.would-transition";
    /** A review reminder e-mail was sent to the owners. */
    public static final String REMINDER_SENT = "reminder.sent";

    /** Every type above, for documentation and the OCSF mapping. */
    public static final List<String> ALL = List.of(TOKEN_ISSUED, TOKEN_REFUSED, TOKEN_REVOKED, TOKEN_WOULD_REFUSE,
            INTEGRATION_REGISTERED, INTEGRATION_CHANGED, INTEGRATION_DELETED, INTEGRATION_CREDENTIAL_CHANGED,
            INTEGRATION_ATTESTED, INTEGRATION_SUSPENDED, INTEGRATION_REACTIVATED, INTEGRATION_TOKENS_REVOKED,
            INTEGRATION_KILL_SWITCH, POLICY_CHANGED, LIFECYCLE_TRANSITION, LIFECYCLE_WOULD_TRANSITION, REMINDER_SENT);

    private RecordTypes() {
    }
}
