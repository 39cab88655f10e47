package dev.integrationbroker.audit.events;

/**
 * The Keycloak event details the listener reads; no other detail ever reaches a record. Token ids are only ever
 * stored as SHA-256: Keycloak's raw ids are hashed here, the broker's ready-made hashes are kept only when they are
 * 64 lowercase hex digits.
 */
public final class EventDetailNames {

    /** Keycloak: the issued (or revoked) access token's {@code jti}. */
    public static final String TOKEN_ID = "token_id";
    /** Keycloak: the refresh token used (refresh) or revoked (revocation). */
    public static final String REFRESH_TOKEN_ID = "refresh_token_id";
    /** The broker: lowercase hex SHA-256 of the issued token's {@code jti} (it never puts the jti itself). */
    public static final String JTI_SHA256 = "jti_sha256";
    /** The broker: lowercase hex SHA-256 of the exchanged subject token's {@code jti}. */
    public static final String PARENT_JTI_SHA256 = "parent_jti_sha256";
    /** Keycloak and the broker: scopes granted (success) or, on a refusal, requested. */
    public static final String SCOPE = "scope";
    /** The broker: the scopes the client asked for. */
    public static final String SCOPE_REQUESTED = "scope_requested";
    /** The broker: space-separated audiences. */
    public static final String AUDIENCE = "audience";
    /** The broker: granted lifetime in seconds. */
    public static final String TTL = "ttl";
    public static final String REASON = "reason";
    public static final String GRANT_TYPE = "grant_type";
    /** Keycloak: a client policy (the gate) refused; the detail says why. */
    public static final String CLIENT_POLICY_ERROR = "client_policy_error";
    public static final String CLIENT_POLICY_ERROR_DETAIL = "client_policy_error_detail";

    private EventDetailNames() {
    }
}
