package dev.integrationbroker.audit.format;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.audit.record.RecordTypes;

/**
 * The OCSF class and activity of a record: token records are Authentication (3002) events, every other record an
 * Account Change (3001) of the integration's account.
 *
 * @param classUid 3002 or 3001
 * @param activityId the class's activity, 99 (Other) where none fits
 */
record OcsfClass(int classUid, String className, int activityId, String activityName) {

    static final int AUTHENTICATION = 3002;
    static final int ACCOUNT_CHANGE = 3001;

    private static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";

    int typeUid() {
        return classUid * 100 + activityId;
    }

    static OcsfClass of(JsonNode record) {
        String type = record.path("type").asText("");
        return type.startsWith("token.") ? authentication(type, record.path("details").path("grantType").asText(""))
                : accountChange(type, record);
    }

    private static OcsfClass authentication(String type, String grantType) {
        if (type.equals(RecordTypes.TOKEN_REVOKED)) {
            return new OcsfClass(AUTHENTICATION, "Authentication", 2, "Logoff");
        }
        return switch (grantType) {
            case "client_credentials" -> new OcsfClass(AUTHENTICATION, "Authentication", 1, "Logon");
            case TOKEN_EXCHANGE_GRANT -> new OcsfClass(AUTHENTICATION, "Authentication", 4, "Service Ticket Request");
            case "refresh_token" -> new OcsfClass(AUTHENTICATION, "Authentication", 5, "Service Ticket Renew");
            default -> new OcsfClass(AUTHENTICATION, "Authentication", 99, "Other");
        };
    }

    private static OcsfClass accountChange(String type, JsonNode record) {
        return switch (type) {
            case RecordTypes.INTEGRATION_REGISTERED -> change(1, "Create");
            case RecordTypes.INTEGRATION_REACTIVATED -> change(2, "Enable");
            case RecordTypes.INTEGRATION_CREDENTIAL_CHANGED -> change(3, "Password Change");
            case RecordTypes.INTEGRATION_SUSPENDED, RecordTypes.INTEGRATION_KILL_SWITCH -> change(5, "Disable");
            case RecordTypes.INTEGRATION_DELETED -> change(6, "Delete");
            case RecordTypes.LIFECYCLE_TRANSITION -> transition(record.path("details").path("changes").path("integration.status").path("new").asText(""));
            default -> change(99, "Other");
        };
    }

    private static OcsfClass transition(String newStatus) {
        return switch (newStatus) {
            case "suspended", "retired" -> change(5, "Disable");
            case "active" -> change(2, "Enable");
            default -> change(99, "Other");
        };
    }

    private static OcsfClass change(int activityId, String activityName) {
        return new OcsfClass(ACCOUNT_CHANGE, "Account Change", activityId, activityName);
    }
}
