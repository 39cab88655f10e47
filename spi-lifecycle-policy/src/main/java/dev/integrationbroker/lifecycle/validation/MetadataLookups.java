package dev.integrationbroker.lifecycle.validation;

import dev.integrationbroker.lifecycle.rules.OwnerState;

/** What metadata validation needs to know about the realm; a session-backed implementation and test doubles. */
public interface MetadataLookups {

    OwnerState owner(String username);

    boolean clientExists(String clientId);

    boolean privilegedAudience(String clientId);

    boolean clientScopeExists(String name);
}
