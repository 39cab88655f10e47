package dev.integrationbroker.lifecycle.scheduled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.actions.StatusChange;
import dev.integrationbroker.lifecycle.email.OwnerNotifier;
import dev.integrationbroker.lifecycle.events.OwnerWatch;
import dev.integrationbroker.lifecycle.events.RegistrationStamp;
import dev.integrationbroker.lifecycle.events.SystemAdminEvents;
import dev.integrationbroker.lifecycle.events.WriteMarks;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.policy.PolicyMode;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.rules.LifecycleRules;
import dev.integrationbroker.lifecycle.rules.OwnerState;
import dev.integrationbroker.lifecycle.rules.Owners;
import dev.integrationbroker.lifecycle.rules.Transition;

/**
 * The lifecycle sweep of one realm (SPEC §4). Clients are read page by page, each page in its own short
 * transaction, so memory stays flat in the number of clients; each transition is then applied in its own
 * transaction together with its admin event, re-checked against the committed state first, so a sweep that
 * dies half-way leaves whole transitions only and the next sweep completes the rest. In {@code monitor} mode
 * transitions are computed and reported as {@code would-...} without changing anything.
 */
public final class LifecycleSweep {

    /** One applied (or, in monitor mode, computed) step. */
    public record Report(String clientId, String from, String to, String reason) {

        /** Whether this step deleted the client (not merely reported that it would). */
        boolean deleted() {
            return "deleted".equals(to);
        }
    }

    static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(LifecycleSweep.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSessionFactory factory;
    private final Runnable heartbeat;

    /** {@code heartbeat} runs after each page read and each integration's step (the sweep lease renews there). */
    public LifecycleSweep(KeycloakSessionFactory factory, Runnable heartbeat) {
        this.factory = factory;
        this.heartbeat = heartbeat;
    }

    /**
     * Sweeps every realm; a failure in one realm does not stop the others, a lost lease stops all. Returns the
     * number of transitions.
     */
    public int sweepAll() {
        List<String> realmIds = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().forEach(r -> realmIds.add(r.getId())));
        int steps = 0;
        for (String realmId : realmIds) {
            try {
                steps += sweepRealm(realmId, report -> { });
            } catch (SweepLease.LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.errorf(e, "lifecycle sweep of realm %s failed; the next sweep retries", realmId);
            }
        }
        return steps;
    }

    /**
     * Sweeps one realm, handing each transition to {@code reports} as it is committed (nothing is collected here,
     * so the scheduled sweep keeps no per-integration state). Returns the number of transitions.
     */
    public int sweepRealm(String realmId, Consumer<Report> reports) {
        int[] count = {0};
        sweepPages(realmId, report -> {
            count[0]++;
            reports.accept(report);
        });
        if (count[0] > 0) {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm != null && !OwnerNotifier.smtpConfigured(realm)) {
                    LOG.warnf("realm %s has no SMTP server: owner e-mails of %d lifecycle transitions were not sent (enforcement is unaffected)",
                            realm.getName(), count[0]);
                }
            });
        }
        return count[0];
    }

    private void sweepPages(String realmId, Consumer<Report> reports) {
        int first = 0;
        while (true) {
            List<String> due = new ArrayList<>(PAGE);
            int[] seen = {0};
            int offset = first;
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null || !RealmPolicyStore.read(realm).active()) {
                    return;
                }
                session.clients().getClientsStream(realm, offset, PAGE).forEach(client -> {
                    seen[0]++;
                    if (Integration.isIntegration(client)) {
                        due.add(client.getId());
                    }
                });
            });
            heartbeat.run();
            int deleted = 0;
            for (String clientId : due) {
                Optional<Report> report = step(realmId, clientId);
                if (report.filter(Report::deleted).isPresent()) {
                    deleted++;
                }
                report.ifPresent(reports);
                heartbeat.run();
            }
            if (seen[0] < PAGE) {
                return;
            }
            // the clients after this page moved up by the number deleted from it: start the next page that much earlier
            first += PAGE - deleted;
        }
    }

    /** Checks one integration in its own transaction and applies at most one transition. */
    private Optional<Report> step(String realmId, String clientId) {
        List<Report> result = new ArrayList<>(1);
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            ClientModel cached = realm == null ? null : realm.getClientById(clientId);
            if (cached == null || !Integration.isIntegration(cached)) {
                return;
            }
            session.getContext().setRealm(realm);
            RealmPolicy policy = RealmPolicyStore.read(realm);
            Instant now = Instant.now();
            Integration seen = Integration.of(cached);
            if (!LifecycleRules.mayNeedWrite(seen, policy, Owners.state(session, realm, seen), now)) {
                return;
            }
            ClientModel client = CommittedClient.of(session, realm, cached);
            if (client == null || !Integration.isIntegration(client)) {
                return;
            }
            Integration integration = Integration.of(client);
            OwnerState owners = Owners.state(session, realm, integration);
            if (!integration.stamped()) {
                // written while the realm's policy was off: adopt it now, so its review clock runs
                WriteMarks.systemWrite(session, () -> RegistrationStamp.apply(client, policy, now));
                integration = Integration.of(client);
            }
            boolean apply = policy.mode() == PolicyMode.ENFORCE;
            if (apply) {
                OwnerWatch.observe(session, client, owners, now);
                integration = Integration.of(client);
            }
            Optional<Transition> transition = LifecycleRules.next(integration, policy, owners, now);
            if (apply) {
                OwnerNotifier.remindIfDue(session, realm, client, policy, now);
            }
            if (transition.isEmpty()) {
                return;
            }
            Transition t = transition.get();
            String to = apply ? t.toWire() : "would-" + t.toWire();
            String reason = t.reason() == null ? null : t.reason().wire();
            if (apply) {
                applyTransition(session, realm, client, t, now);
            }
            SystemAdminEvents.send(session, realm, "clients/" + clientId, event(client.getClientId(), t.from().wire(), to, reason));
            result.add(new Report(client.getClientId(), t.from().wire(), to, reason));
        });
        return result.stream().findFirst();
    }


    private static void applyTransition(KeycloakSession session, RealmModel realm, ClientModel client, Transition t, Instant now) {
        if (t.to() == null) {
            realm.removeClient(client.getId());
        } else if (t.to() == IntegrationStatus.SUSPENDED) {
            StatusChange.suspend(session, client, t.reason(), now);
        } else {
            StatusChange.status(session, client, t.to());
        }
    }

    private static String event(String clientId, String from, String to, String reason) {
        ObjectNode json = MAPPER.createObjectNode().put("action", "lifecycle").put("clientId", clientId).put("from", from).put("to", to);
        if (reason != null) {
            json.put("reason", reason);
        }
        return json.toString();
    }
}
