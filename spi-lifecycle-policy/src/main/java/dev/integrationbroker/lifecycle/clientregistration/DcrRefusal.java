package dev.integrationbroker.lifecycle.clientregistration;

import jakarta.ws.rs.core.Response;

import org.keycloak.services.ErrorResponseException;

/** RFC 7591 §3.2.2 error answers of registration. */
public final class DcrRefusal {

    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    public static final String INVALID_SOFTWARE_STATEMENT = "invalid_software_statement";
    public static final String UNAPPROVED_SOFTWARE_STATEMENT = "unapproved_software_statement";

    private DcrRefusal() {
    }

    public static ErrorResponseException invalidMetadata(String description) {
        return new ErrorResponseException(INVALID_CLIENT_METADATA, description, Response.Status.BAD_REQUEST);
    }

    static ErrorResponseException invalidStatement(String description) {
        return new ErrorResponseException(INVALID_SOFTWARE_STATEMENT, description, Response.Status.BAD_REQUEST);
    }

    static ErrorResponseException unapprovedStatement(String description) {
        return new ErrorResponseException(UNAPPROVED_SOFTWARE_STATEMENT, description, Response.Status.BAD_REQUEST);
    }
}
