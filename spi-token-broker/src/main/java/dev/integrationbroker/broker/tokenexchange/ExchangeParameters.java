package dev.integrationbroker.broker.tokenexchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;

/**
 * The RFC 8693 request parameters the broker accepts (SPEC §3.1), checked in a fixed order so each bad
 * request gets one clear answer.
 *
 * @param requestedLifetime the optional {@code requested_lifetime} extension, in seconds
 */
record ExchangeParameters(String subjectToken, List<String> audiences, Set<String> scopes, OptionalLong requestedLifetime) {

    static final String REQUESTED_LIFETIME = "requested_lifetime";
    /** Longer than any real scope list; longer requests are refused without further parsing. */
    static final int MAX_SCOPE_LENGTH = 2048;

    static ExchangeParameters parse(MultivaluedMap<String, String> form) {
        if (form.getFirst(OAuth2Constants.ACTOR_TOKEN) != null || form.getFirst(OAuth2Constants.ACTOR_TOKEN_TYPE) != null) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST, "actor_token is not supported: delegation is not allowed", "actor_token");
        }
        if (form.containsKey(OAuth2Constants.RESOURCE)) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_TARGET, "resource is not supported: name the target with audience", "resource");
        }
        String subjectToken = form.getFirst(OAuth2Constants.SUBJECT_TOKEN);
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST, "subject_token is required", "subject_token missing");
        }
        String subjectTokenType = form.getFirst(OAuth2Constants.SUBJECT_TOKEN_TYPE);
        if (!OAuth2Constants.ACCESS_TOKEN_TYPE.equals(subjectTokenType)) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST,
                    "subject_token_type must be " + OAuth2Constants.ACCESS_TOKEN_TYPE, "subject_token_type");
        }
        String requestedType = form.getFirst(OAuth2Constants.REQUESTED_TOKEN_TYPE);
        if (requestedType != null && !OAuth2Constants.ACCESS_TOKEN_TYPE.equals(requestedType)) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST,
                    "requested_token_type must be " + OAuth2Constants.ACCESS_TOKEN_TYPE + ": only access tokens are issued", "requested_token_type");
        }
        List<String> audiences = audiences(form.get(OAuth2Constants.AUDIENCE));
        Set<String> scopes = scopes(form.getFirst(OAuth2Constants.SCOPE));
        return new ExchangeParameters(subjectToken, audiences, scopes, lifetime(form.get(REQUESTED_LIFETIME)));
    }

    private static List<String> audiences(List<String> values) {
        List<String> audiences = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank() && !audiences.contains(value.trim())) {
                    audiences.add(value.trim());
                }
            }
        }
        if (audiences.isEmpty()) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST, "audience is required", "audience missing");
        }
        return audiences;
    }

    private static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_SCOPE, "scope is required", "scope missing");
        }
        if (scope.length() > MAX_SCOPE_LENGTH) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_SCOPE, "scope is too long", "scope too long");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : scope.trim().split(" +")) {
            scopes.add(name);
        }
        return scopes;
    }

    private static OptionalLong lifetime(List<String> values) {
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        if (values.size() > 1) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST, "requested_lifetime must be given once", "requested_lifetime repeated");
        }
        String value = values.get(0) == null ? "" : values.get(0).trim();
        if (value.matches("\\+?[0-9]{1,64}")) {
            // beyond a long is still a whole number of seconds: it is capped like any other long request
            long seconds = value.replaceFirst("^\\+", "").replaceFirst("^0+", "").length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
            if (seconds >= 1) {
                return OptionalLong.of(seconds);
            }
        }
        throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST,
                "requested_lifetime must be a whole number of seconds of at least 1", "requested_lifetime invalid");
    }
}
