package dev.integrationbroker.audit.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

import dev.integrationbroker.audit.config.AuditConfig;
import dev.integrationbroker.audit.jpa.JpaOutboxRepository;
import dev.integrationbroker.audit.jpa.MetadataSnapshots;
import dev.integrationbroker.audit.jpa.SessionOutboxTransactions;
import dev.integrationbroker.audit.outbox.AuditPipeline;
import dev.integrationbroker.audit.sink.AuditSink;
import dev.integrationbroker.audit.sink.FileSink;
import dev.integrationbroker.audit.sink.WebhookSink;

/**
 * Provider {@code events-listener/}{@value #PROVIDER_ID}: a global listener (no per-realm enabling). Reads its options
 * once; once the database is migrated it starts the drain (on a Keycloak executor, requested after every commit that
 * wrote records and by a timer every {@value #DRAIN_TICK_MILLIS} ms, which also resumes after a restart).
 */
public final class IntegrationAuditEventListenerProviderFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "integration-audit";
    static final String EXECUTOR = "integration-audit";
    /** The webhook client's own pool: the drain thread blocks on a send, so it must never wait for its own pool. */
    static final String WEBHOOK_EXECUTOR = "integration-audit-webhook";
    static final String DRAIN_TASK = "integration-audit-drain";
    static final long DRAIN_TICK_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(IntegrationAuditEventListenerProviderFactory.class);

    private AuditConfig config;
    private AuditPipeline pipeline;
    private AuditServices services;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new IntegrationAuditEventListenerProvider(session, services, pipeline.stats(), config.failClosed());
    }

    @Override
    public void init(Config.Scope scope) {
        config = AuditConfig.from(scope);
        pipeline = new AuditPipeline(config, JpaOutboxRepository::of);
        services = new AuditServices((session, realmId, record) -> pipeline.writer().append(session, realmId, record),
                MetadataSnapshots::of, Clock.systemUTC());
        LOG.debugf("integration-audit: %s", config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new RemovalListener());
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                start(factory);
            }
        });
    }

    private void start(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            ExecutorsProvider executors = session.getProvider(ExecutorsProvider.class);
            ExecutorService executor = executors.getExecutor(EXECUTOR);
            AuditSink sink = sink(executors);
            pipeline.start(new SessionOutboxTransactions(factory), sink, executor);
            session.getProvider(TimerProvider.class).schedule(pipeline::requestDrain, DRAIN_TICK_MILLIS, DRAIN_TASK);
            LOG.infof("integration-audit: shipping audit records to %s as %s", sink.describe(), config.format().wire());
        });
    }

    private AuditSink sink(ExecutorsProvider executors) {
        return switch (config.sink()) {
            case FILE -> new FileSink(config.directory());
            case WEBHOOK -> WebhookSink.create(config.webhookUrl(), config.webhookSecret(),
                    config.describe().get(AuditConfig.WEBHOOK_URL), executors.getExecutor(WEBHOOK_EXECUTOR));
        };
    }

    /** The shared pipeline, for the project's audit SPIs (backlog, trail). */
    public AuditPipeline pipeline() {
        return pipeline;
    }

    /** The services the listener writes through, shared with the trail provider's {@code record}. */
    public AuditServices services() {
        return services;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(AuditConfig.SINK).type("string").options("file", "webhook").defaultValue("file")
                .helpText("Where audit records are shipped: file (JSON Lines per realm and day) or webhook (signed HTTPS POST).").add()
                .property().name(AuditConfig.DIRECTORY).type("string").defaultValue(AuditConfig.DEFAULT_DIRECTORY)
                .helpText("Root directory of the file sink; a relative path is resolved under the server home.").add()
                .property().name(AuditConfig.FORMAT).type("string").options("json", "ocsf").defaultValue("json")
                .helpText("Record format: json (the record as is) or ocsf (OCSF 1.x Authentication / Account Change).").add()
                .property().name(AuditConfig.WEBHOOK_URL).type("string")
                .helpText("Webhook endpoint (https; http only for a loopback address). Required with sink=webhook.").add()
                .property().name(AuditConfig.WEBHOOK_SECRET).type("string").secret(true)
                .helpText("HMAC-SHA256 key of the X-Signature header, at least 16 characters. Required with sink=webhook.").add()
                .property().name(AuditConfig.MAX_BACKLOG).type("long").defaultValue(AuditConfig.DEFAULT_MAX_BACKLOG)
                .helpText("Undelivered records above which the alarm is raised (and issuance refused when fail-closed).").add()
                .property().name(AuditConfig.FAIL_CLOSED).type("boolean").defaultValue(false)
                .helpText("Refuse token issuance with 503 temporarily_unavailable while the backlog exceeds max-backlog.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return pipeline == null ? Map.of() : pipeline.describe();
    }
}
