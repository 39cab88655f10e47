package dev.integrationbroker.lifecycle.validation;

import dev.integrationbroker.lifecycle.model.Echo;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.rules.OwnerState;

/**
 * SPEC §1 rules for the administrator-written attributes. Format rules apply to every value; rules that
 * depend on the state of the realm (an owner exists and is enabled, a client exists, a date is in the
 * future) apply to the attributes the write sets or changes, so that an integration whose owner left can
 * still be edited, suspended or fixed.
 */
public final class MetadataRules {

    static final Pattern VENDOR_TAG = Pattern.compile("[a-z0-9-]{1,64}");
    static final int PURPOSE_MIN = 10;
    static final int PURPOSE_MAX = 500;
    private static final int MAX_LIST = 100;

    private MetadataRules() {
    }

    /**
     * The first broken rule, if any.
     *
     * @param attributes the client's attributes as they will be after the write
     * @param changed the attributes the write sets or changes (all of them for a new client)
     * @param confidentialWithServiceAccount whether the client is confidential and has a service account
     */
    public static Optional<Violation> check(Map<String, String> attributes, Set<String> changed, boolean confidentialWithServiceAccount,
            RealmPolicy policy, MetadataLookups lookups, Instant now) {
        String business = value(attributes, BUSINESS_OWNER);
        if (business == null) {
            return ADMIN.stream().filter(name -> value(attributes, name) != null).findFirst()
                    .map(name -> new Violation(BUSINESS_OWNER, "required when any integration attribute is set (" + name + " is)"));
        }
        if (!confidentialWithServiceAccount) {
            return violation(BUSINESS_OWNER, "an integration must be a confidential client with service accounts enabled");
        }
        Optional<Violation> owners = owners(attributes, changed, policy, lookups);
        if (owners.isPresent()) {
            return owners;
        }
        String purpose = value(attributes, PURPOSE);
        if (purpose == null || !printable(purpose) || length(purpose) < PURPOSE_MIN || length(purpose) > PURPOSE_MAX) {
            return violation(PURPOSE, "required, " + PURPOSE_MIN + " to " + PURPOSE_MAX + " printable characters");
        }
        String vendor = value(attributes, VENDOR);
        if (vendor != null && !VENDOR_TAG.matcher(vendor).matches()) {
            return violation(VENDOR, "must match [a-z0-9-]{1,64}");
        }
        Optional<Violation> interval = wholeNumber(attributes, REVIEW_INTERVAL_DAYS, policy.maxReviewIntervalDays(), "realm max-review-interval-days");
        if (interval.isPresent()) {
            return interval;
        }
        Optional<Violation> expiry = expiresAt(attributes, changed, now);
        if (expiry.isPresent()) {
            return expiry;
        }
        Optional<Violation> audiences = audiences(attributes, changed, lookups);
        if (audiences.isPresent()) {
            return audiences;
        }
        Optional<Violation> scopes = scopes(attributes, changed, lookups);
        if (scopes.isPresent()) {
            return scopes;
        }
        return wholeNumber(attributes, MAX_TOKEN_TTL, policy.maxTokenTtl(), "realm max-token-ttl");
    }

    private static Optional<Violation> owners(Map<String, String> attributes, Set<String> changed, RealmPolicy policy, MetadataLookups lookups) {
        String business = value(attributes, BUSINESS_OWNER);
        String technical = value(attributes, TECHNICAL_OWNER);
        if (technical == null) {
            return violation(TECHNICAL_OWNER, "required, the username of an existing, enabled user of this realm");
        }
        for (String name : List.of(BUSINESS_OWNER, TECHNICAL_OWNER)) {
            if (changed.contains(name) && lookups.owner(value(attributes, name)) != OwnerState.VALID) {
                return violation(name, "must be the username of an existing, enabled user of this realm ('"
                        + Echo.of(value(attributes, name)) + "' is not)");
            }
        }
        if (!policy.allowSameOwner() && business.equals(technical)) {
            return violation(TECHNICAL_OWNER, "must differ from integration.business-owner (realm policy allow-same-owner is false)");
        }
        return Optional.empty();
    }

    private static Optional<Violation> expiresAt(Map<String, String> attributes, Set<String> changed, Instant now) {
        String value = value(attributes, EXPIRES_AT);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Instant expiry = Rfc3339.parse(value);
            if (changed.contains(EXPIRES_AT) && !expiry.isAfter(now)) {
                return violation(EXPIRES_AT, "must be in the future");
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return violation(EXPIRES_AT, "must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }
    }

    private static Optional<Violation> audiences(Map<String, String> attributes, Set<String> changed, MetadataLookups lookups) {
        List<String> audiences = list(attributes, ALLOWED_AUDIENCES);
        if (audiences.isEmpty() || audiences.size() > MAX_LIST) {
            return violation(ALLOWED_AUDIENCES, "required, 1 to " + MAX_LIST + " space-separated client ids");
        }
        for (String audience : audiences) {
            if (lookups.privilegedAudience(audience)) {
                return violation(ALLOWED_AUDIENCES, "'" + Echo.of(audience) + "' is a privileged client and can never be an audience");
            }
            if (changed.contains(ALLOWED_AUDIENCES) && !lookups.clientExists(audience)) {
                return violation(ALLOWED_AUDIENCES, "no client '" + Echo.of(audience) + "' in this realm");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> scopes(Map<String, String> attributes, Set<String> changed, MetadataLookups lookups) {
        List<String> scopes = list(attributes, ALLOWED_SCOPES);
        if (scopes.isEmpty() || scopes.size() > MAX_LIST) {
            return violation(ALLOWED_SCOPES, "required, 1 to " + MAX_LIST + " space-separated client scope names");
        }
        if (changed.contains(ALLOWED_SCOPES)) {
            for (String scope : scopes) {
                if (!lookups.clientScopeExists(scope)) {
                    return violation(ALLOWED_SCOPES, "no client scope '" + Echo.of(scope) + "' in this realm");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> wholeNumber(Map<String, String> attributes, String name, int max, String limit) {
        String value = value(attributes, name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
            return violation(name, "must be a whole number from 1 to " + max + " (" + limit + ")");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String attribute, String rule) {
        return Optional.of(new Violation(attribute, rule));
    }

    static String value(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(Map<String, String> attributes, String name) {
        String value = value(attributes, name);
        return value == null ? List.of() : Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static boolean printable(String text) {
        return text.codePoints().noneMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.UNASSIGNED
                || Character.getType(cp) == Character.FORMAT);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A value quoted in a message: printable ASCII, at most 64 characters. */
}
