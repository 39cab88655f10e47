package dev.integrationbroker.lifecycle.model;

import java.util.List;
import java.util.Set;

/**
 * Names of the client attributes that make a client an integration (SPEC §1). They are the single
 * source of truth: nothing else stores integration metadata.
 */
public final class IntegrationAttributes {

    public static final String PREFIX = "integration.";

    public static final String BUSINESS_OWNER = "integration.business-owner";
    public static final String TECHNICAL_OWNER = "integration.technical-owner";
    public static final String PURPOSE = "integration.purpose";
    public static final String VENDOR = "integration.vendor";
    public static final String REVIEW_INTERVAL_DAYS = "integration.review-interval-days";
    public static final String EXPIRES_AT = "integration.expires-at";
    public static final String ALLOWED_AUDIENCES = "integration.allowed-audiences";
    public static final String ALLOWED_SCOPES = "integration.allowed-scopes";
    public static final String MAX_TOKEN_TTL = "integration.max-token-ttl";

    public static final String STATUS = "integration.status";
    public static final String SUSPENDED_REASON = "integration.suspended-reason";
    public static final String NEXT_REVIEW = "integration.next-review";
    public static final String LAST_ATTESTED_AT = "integration.last-attested-at";
    public static final String LAST_ATTESTED_BY = "integration.last-attested-by";
    public static final String LAST_USED_AT = "integration.last-used-at";
    public static final String REGISTERED_AT = "integration.registered-at";
    /** When the extension first saw an owner missing or disabled; cleared when both owners are valid again. */
    public static final String OWNER_INVALID_SINCE = "integration.owner-invalid-since";
    /** When the integration was suspended; the start of the retirement clock. */
    public static final String SUSPENDED_AT = "integration.suspended-at";
    /** Owner notices already sent in the current review cycle ({@code kind@cycle;...}). */
    public static final String NOTIFIED = "integration.notified";

    /** Client-scope attribute: the longest lifetime, in seconds, of a token carrying that scope. */
    public static final String SCOPE_MAX_TTL = "integration.max-ttl";

    /** Written by administrators, validated on every write path. */
    public static final List<String> ADMIN = List.of(BUSINESS_OWNER, TECHNICAL_OWNER, PURPOSE, VENDOR,
            REVIEW_INTERVAL_DAYS, EXPIRES_AT, ALLOWED_AUDIENCES, ALLOWED_SCOPES, MAX_TOKEN_TTL);

    /** Written only by the extension; a client representation may not set or change them. */
    public static final Set<String> SYSTEM = Set.of(STATUS, SUSPENDED_REASON, NEXT_REVIEW, LAST_ATTESTED_AT,
            LAST_ATTESTED_BY, LAST_USED_AT, REGISTERED_AT, OWNER_INVALID_SINCE, SUSPENDED_AT, NOTIFIED);

    private IntegrationAttributes() {
    }
}
