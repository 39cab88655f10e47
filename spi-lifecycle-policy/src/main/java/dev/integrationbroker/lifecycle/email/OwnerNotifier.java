package dev.integrationbroker.lifecycle.email;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

import dev.integrationbroker.lifecycle.events.SystemAdminEvents;
import dev.integrationbroker.lifecycle.events.WriteMarks;
import dev.integrationbroker.lifecycle.model.Echo;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.model.SuspendedReason;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.rules.LifecycleRules;

/**
 * Owner e-mails (SPEC §4): review reminders and suspension notices, rendered from the project's e-mail theme
 * ({@value #THEME}) and sent to both owners. The ledger entry is written in the caller's transaction and the
 * mail goes out after it commits, so a notice is sent at most once; a realm without SMTP logs a warning.
 */
public final class OwnerNotifier {

    static final String THEME = "integration-broker";
    private static final Logger LOG = Logger.getLogger(OwnerNotifier.class);

    private OwnerNotifier() {
    }

    /** Sends the reminder of the most advanced reminder window reached, if it was not sent yet this cycle. */
    public static void remindIfDue(KeycloakSession session, RealmModel realm, ClientModel client, RealmPolicy policy, Instant now) {
        Integration integration = Integration.of(client);
        Optional<Integer> window = LifecycleRules.reminderWindow(integration, policy, now);
        if (window.isEmpty()) {
            return;
        }
        String cycle = Rfc3339.format(integration.nextReview().orElseThrow());
        if (NoticeLedger.sent(client, "reminder-" + window.get() + "@" + cycle)) {
            return;
        }
        Set<String> entries = new HashSet<>();
        policy.reminderDays().stream().filter(d -> d >= window.get()).forEach(d -> entries.add("reminder-" + d + "@" + cycle));
        WriteMarks.systemWrite(session, () -> NoticeLedger.record(client, cycle, entries));
        Map<String, Object> data = data(realm, integration);
        SystemAdminEvents.send(session, realm, "clients/" + client.getId(), "{\"action\":\"reminder\",\"clientId\":\""
                + Echo.printable(integration.clientId()) + "\",\"note\":\"review due " + data.get("reviewDate") + "\"}");
        send(session, realm, integration, "integration-review-reminder", "integrationReminderSubject",
                new Object[] {integration.clientId(), data.get("reviewDate")}, data);
    }

    /** Tells both owners that the integration was suspended, why, and how to restore it. */
    public static void suspended(KeycloakSession session, RealmModel realm, ClientModel client, SuspendedReason reason, Instant at) {
        Integration integration = Integration.of(client);
        String cycle = integration.nextReview().map(Rfc3339::format).orElse("none");
        String entry = "suspended-" + reason.wire() + "-" + at.getEpochSecond() + "@" + cycle;
        if (NoticeLedger.sent(client, entry)) {
            return;
        }
        WriteMarks.systemWrite(session, () -> NoticeLedger.record(client, cycle, Set.of(entry)));
        Map<String, Object> data = data(realm, integration);
        data.put("reason", reason.wire());
        data.put("suspendedDate", Rfc3339.day(at));
        send(session, realm, integration, "integration-suspended", "integrationSuspendedSubject",
                new Object[] {integration.clientId(), reason.wire()}, data);
    }

    /** Whether the realm can send e-mail at all. */
    public static boolean smtpConfigured(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    private static Map<String, Object> data(RealmModel realm, Integration integration) {
        Map<String, Object> data = new HashMap<>();
        data.put("clientId", integration.clientId());
        data.put("purpose", integration.purpose() == null ? "" : integration.purpose());
        data.put("realmName", realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName());
        data.put("reviewDate", integration.nextReview().map(Rfc3339::day).orElse("not scheduled"));
        return data;
    }

    /** Renders now, inside the transaction; hands the finished mails to SMTP after the commit. */
    private static void send(KeycloakSession session, RealmModel realm, Integration integration, String template, String subjectKey,
            Object[] subjectArgs, Map<String, Object> data) {
        Map<String, String> smtp = realm.getSmtpConfig();
        if (smtp == null || smtp.get("host") == null || smtp.get("host").isBlank()) {
            // the sweep warns once per realm and run; one line per integration would flood the log
            LOG.debugf("realm %s has no SMTP server: the %s notice of integration %s is not e-mailed (enforcement is unaffected)",
                    realm.getName(), template, integration.clientId());
            return;
        }
        List<Mail> mails = new ArrayList<>();
        try {
            Theme theme = session.theme().getTheme(THEME, Theme.Type.EMAIL);
            Properties messages = theme.getMessages(Locale.ENGLISH);
            SuspendedReason reason = data.get("reason") == null ? null : SuspendedReason.fromWire((String) data.get("reason")).orElse(null);
            if (reason != null) {
                data.put("reasonText", messages.getProperty("reason." + reason.wire(), reason.wire()));
                data.put("restoreText", messages.getProperty("restore." + reason.wire(), "An administrator reactivates the integration."));
            }
            String subject = new MessageFormat(messages.getProperty(subjectKey), Locale.ENGLISH).format(subjectArgs);
            FreeMarkerProvider freeMarker = session.getProvider(FreeMarkerProvider.class);
            for (String username : new String[] {integration.businessOwner(), integration.technicalOwner()}) {
                UserModel owner = username == null ? null : session.users().getUserByUsername(realm, username);
                if (owner == null || owner.getEmail() == null || owner.getEmail().isBlank()) {
                    LOG.warnf("integration %s: owner %s has no e-mail address; notice not sent to them", integration.clientId(), username);
                    continue;
                }
                Map<String, Object> personal = new HashMap<>(data);
                personal.put("ownerName", owner.getFirstName() != null ? owner.getFirstName() : owner.getUsername());
                mails.add(new Mail(owner.getEmail(), subject, freeMarker.processTemplate(personal, "text/" + template + ".ftl", theme),
                        freeMarker.processTemplate(personal, "html/" + template + ".ftl", theme)));
            }
        } catch (IOException | FreeMarkerException | RuntimeException e) {
            LOG.errorf("integration %s: cannot render the %s notice: %s", integration.clientId(), template, e.getMessage());
            return;
        }
        Map<String, String> config = Map.copyOf(smtp);
        var factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new org.keycloak.models.AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeycloakModelUtils.runJobInTransaction(factory, mailSession -> {
                    EmailSenderProvider sender = mailSession.getProvider(EmailSenderProvider.class);
                    for (Mail mail : mails) {
                        try {
                            sender.send(config, mail.to(), mail.subject(), mail.text(), mail.html());
                        } catch (EmailException e) {
                            LOG.warnf("integration %s: e-mail to an owner failed: %s", integration.clientId(), e.getMessage());
                        }
                    }
                });
            }

            @Override
            protected void rollbackImpl() {
                // nothing was sent
            }
        });
    }

    private record Mail(String to, String subject, String text, String html) {
    }
}
