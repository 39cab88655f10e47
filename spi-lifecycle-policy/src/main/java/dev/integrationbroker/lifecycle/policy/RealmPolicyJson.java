package dev.integrationbroker.lifecycle.policy;

import dev.integrationbroker.lifecycle.model.Echo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link RealmPolicy} (SPEC §2.1 keys and types) and every rule a policy must meet.
 * Unknown keys are refused so that a typo never silently leaves a default in force.
 */
public final class RealmPolicyJson {

    public static final String MODE = "mode";
    public static final String UNREGISTERED = "unregistered-service-accounts";
    public static final String DEFAULT_TOKEN_TTL = "default-token-ttl";
    public static final String MAX_TOKEN_TTL = "max-token-ttl";
    public static final String DEFAULT_REVIEW = "default-review-interval-days";
    public static final String MAX_REVIEW = "max-review-interval-days";
    public static final String REMINDER_DAYS = "reminder-days";
    public static final String GRACE_DAYS = "grace-days";
    public static final String GRACE_TOKEN_TTL = "grace-token-ttl";
    public static final String DORMANT_AFTER = "dormant-after-days";
    public static final String ORPHAN_GRACE = "orphan-grace-days";
    public static final String RETIRE_AFTER = "retire-after-days";
    public static final String DELETE_RETIRED = "delete-retired";
    public static final String PRIVILEGED_AUDIENCES = "privileged-audiences";
    public static final String ALLOW_SAME_OWNER = "allow-same-owner";
    public static final String SOFTWARE_STATEMENT_KEYS = "software-statement-keys";

    static final Set<String> KEYS = Set.of(MODE, UNREGISTERED, DEFAULT_TOKEN_TTL, MAX_TOKEN_TTL, DEFAULT_REVIEW,
            MAX_REVIEW, REMINDER_DAYS, GRACE_DAYS, GRACE_TOKEN_TTL, DORMANT_AFTER, ORPHAN_GRACE, RETIRE_AFTER,
            DELETE_RETIRED, PRIVILEGED_AUDIENCES, ALLOW_SAME_OWNER, SOFTWARE_STATEMENT_KEYS);

    /** RFC 7518 members that only private or symmetric keys carry. */
    private static final List<String> PRIVATE_KEY_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TTL_LIMIT = 86_400;
    private static final int MAX_LIST = 100;

    private RealmPolicyJson() {
    }

    /** The policy as the JSON object the REST API returns and the realm stores. */
    public static ObjectNode toJson(RealmPolicy policy) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put(MODE, policy.mode().wire());
        json.put(UNREGISTERED, policy.unregisteredServiceAccounts().wire());
        json.put(DEFAULT_TOKEN_TTL, policy.defaultTokenTtl());
        json.put(MAX_TOKEN_TTL, policy.maxTokenTtl());
        json.put(DEFAULT_REVIEW, policy.defaultReviewIntervalDays());
        json.put(MAX_REVIEW, policy.maxReviewIntervalDays());
        ArrayNode reminders = json.putArray(REMINDER_DAYS);
        policy.reminderDays().forEach(reminders::add);
        json.put(GRACE_DAYS, policy.graceDays());
        json.put(GRACE_TOKEN_TTL, policy.graceTokenTtl());
        json.put(DORMANT_AFTER, policy.dormantAfterDays());
        json.put(ORPHAN_GRACE, policy.orphanGraceDays());
        json.put(RETIRE_AFTER, policy.retireAfterDays());
        json.put(DELETE_RETIRED, policy.deleteRetired());
        ArrayNode privileged = json.putArray(PRIVILEGED_AUDIENCES);
        policy.privilegedAudiences().forEach(privileged::add);
        json.put(ALLOW_SAME_OWNER, policy.allowSameOwner());
        if (policy.softwareStatementKeys() == null) {
            json.putObject(SOFTWARE_STATEMENT_KEYS);
        } else {
            json.set(SOFTWARE_STATEMENT_KEYS, parse(policy.softwareStatementKeys(), SOFTWARE_STATEMENT_KEYS));
        }
        return json;
    }

    /** Compact JSON text of the policy. */
    public static String toText(RealmPolicy policy) {
        return toJson(policy).toString();
    }

    /** Parses JSON text into a JSON object; the key names what is being parsed for the error message. */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new PolicyValidationException(what, "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PolicyValidationException(what, "is not valid JSON");
        }
    }

    /**
     * Applies the keys present in {@code patch} to {@code base} (absent keys keep their value, as Keycloak's
     * own realm update does) and checks every rule, including those between keys.
     *
     * @throws PolicyValidationException naming the first key that breaks a rule
     */
    public static RealmPolicy merge(RealmPolicy base, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new PolicyValidationException("policy", "must be a JSON object");
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new PolicyValidationException(Echo.of(name), "unknown policy key");
            }
        }
        PolicyMode mode = base.mode();
        if (patch.has(MODE)) {
            mode = PolicyMode.fromWire(text(patch, MODE));
            if (mode == null) {
                throw new PolicyValidationException(MODE, "must be one of off, monitor, enforce");
            }
        }
        UnregisteredPolicy unregistered = base.unregisteredServiceAccounts();
        if (patch.has(UNREGISTERED)) {
            unregistered = UnregisteredPolicy.fromWire(text(patch, UNREGISTERED));
            if (unregistered == null) {
                throw new PolicyValidationException(UNREGISTERED, "must be one of allow, monitor, deny");
            }
        }
        int maxTtl = integer(patch, MAX_TOKEN_TTL, base.maxTokenTtl(), 1, MAX_TTL_LIMIT);
        int defaultTtl = integer(patch, DEFAULT_TOKEN_TTL, base.defaultTokenTtl(), 1, MAX_TTL_LIMIT);
        requireAtMost(DEFAULT_TOKEN_TTL, defaultTtl, MAX_TOKEN_TTL, maxTtl);
        int maxReview = integer(patch, MAX_REVIEW, base.maxReviewIntervalDays(), 1, 3650);
        int defaultReview = integer(patch, DEFAULT_REVIEW, base.defaultReviewIntervalDays(), 1, 3650);
        requireAtMost(DEFAULT_REVIEW, defaultReview, MAX_REVIEW, maxReview);
        List<Integer> reminders = patch.has(REMINDER_DAYS) ? reminderDays(patch.get(REMINDER_DAYS)) : base.reminderDays();
        int graceDays = integer(patch, GRACE_DAYS, base.graceDays(), 0, 365);
        int graceTtl = integer(patch, GRACE_TOKEN_TTL, base.graceTokenTtl(), 1, MAX_TTL_LIMIT);
        requireAtMost(GRACE_TOKEN_TTL, graceTtl, MAX_TOKEN_TTL, maxTtl);
        int dormant = integer(patch, DORMANT_AFTER, base.dormantAfterDays(), 0, 3650);
        int orphan = integer(patch, ORPHAN_GRACE, base.orphanGraceDays(), 0, 365);
        int retire = integer(patch, RETIRE_AFTER, base.retireAfterDays(), 1, 3650);
        boolean deleteRetired = bool(patch, DELETE_RETIRED, base.deleteRetired());
        List<String> privileged = patch.has(PRIVILEGED_AUDIENCES) ? clientIds(patch.get(PRIVILEGED_AUDIENCES)) : base.privilegedAudiences();
        boolean sameOwner = bool(patch, ALLOW_SAME_OWNER, base.allowSameOwner());
        String keys = patch.has(SOFTWARE_STATEMENT_KEYS) ? jwks(patch.get(SOFTWARE_STATEMENT_KEYS)) : base.softwareStatementKeys();
        return new RealmPolicy(mode, unregistered, defaultTtl, maxTtl, defaultReview, maxReview, reminders, graceDays,
                graceTtl, dormant, orphan, retire, deleteRetired, privileged, sameOwner, keys);
    }

    private static String text(JsonNode patch, String key) {
        JsonNode value = patch.get(key);
        if (!value.isTextual()) {
            throw new PolicyValidationException(key, "must be a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode patch, String key, int current, int min, int max) {
        if (!patch.has(key)) {
            return current;
        }
        JsonNode value = patch.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new PolicyValidationException(key, "must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode patch, String key, boolean current) {
        if (!patch.has(key)) {
            return current;
        }
        JsonNode value = patch.get(key);
        if (!value.isBoolean()) {
            throw new PolicyValidationException(key, "must be true or false");
        }
        return value.asBoolean();
    }

    private static void requireAtMost(String key, int value, String limitKey, int limit) {
        if (value > limit) {
            throw new PolicyValidationException(key, "must not exceed " + limitKey + " (" + limit + ")");
        }
    }

    private static List<Integer> reminderDays(JsonNode value) {
        if (!value.isArray() || value.size() > 10) {
            throw new PolicyValidationException(REMINDER_DAYS, "must be an array of at most 10 distinct integers from 1 to 365");
        }
        Set<Integer> seen = new HashSet<>();
        for (JsonNode day : value) {
            if (!day.isIntegralNumber() || !day.canConvertToInt() || day.asInt() < 1 || day.asInt() > 365 || !seen.add(day.asInt())) {
                throw new PolicyValidationException(REMINDER_DAYS, "must be an array of at most 10 distinct integers from 1 to 365");
            }
        }
        return seen.stream().sorted((a, b) -> b - a).toList();
    }

    private static List<String> clientIds(JsonNode value) {
        if (!value.isArray() || value.size() > MAX_LIST) {
            throw new PolicyValidationException(PRIVILEGED_AUDIENCES, "must be an array of at most " + MAX_LIST + " client ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 255) {
                throw new PolicyValidationException(PRIVILEGED_AUDIENCES, "each entry must be a client id of 1 to 255 characters");
            }
            if (!ids.contains(id.asText())) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static String jwks(JsonNode value) {
        if (value.isNull() || (value.isObject() && value.isEmpty())) {
            return null;
        }
        JsonNode keys = value.path("keys");
        if (!value.isObject() || !keys.isArray() || keys.isEmpty()) {
            throw new PolicyValidationException(SOFTWARE_STATEMENT_KEYS, "must be a JWKS object with a non-empty \"keys\" array");
        }
        for (JsonNode key : keys) {
            if (!key.path("kty").isTextual()) {
                throw new PolicyValidationException(SOFTWARE_STATEMENT_KEYS, "every key needs a \"kty\"");
            }
            if (PRIVATE_KEY_MEMBERS.stream().anyMatch(key::has)) {
                throw new PolicyValidationException(SOFTWARE_STATEMENT_KEYS, "must hold public keys only");
            }
        }
        return value.toString();
    }

}
