package dev.integrationbroker.lifecycle.scheduled;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmProvider;
import org.keycloak.provider.Provider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

import dev.integrationbroker.lifecycle.events.ClientWriteListener;
import dev.integrationbroker.lifecycle.events.OwnerWatch;
import dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProvider;
import dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProviderFactory;

/**
 * Provider {@code integration-lifecycle/default}: reads its options once, registers the client write
 * listener, schedules the last-used flush, and flushes what is pending on shutdown.
 */
public final class DefaultIntegrationLifecycleProviderFactory implements IntegrationLifecycleProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "default";
    static final String FLUSH_TASK = "integration-broker-last-used-flush";
    static final String SWEEP_TASK = "integration-broker-lifecycle-sweep";
    static final String CACHE_CONTAINER_PROVIDER = "org.keycloak.connections.infinispan.InfinispanConnectionProvider";

    private static final Logger LOG = Logger.getLogger(DefaultIntegrationLifecycleProviderFactory.class);

    private LifecycleConfig config;
    private final LastUsedTracker lastUsed = new LastUsedTracker();
    private KeycloakSessionFactory sessionFactory;

    @Override
    public IntegrationLifecycleProvider create(KeycloakSession session) {
        return new DefaultIntegrationLifecycleProvider(lastUsed);
    }

    @Override
    public void init(Config.Scope scope) {
        config = LifecycleConfig.from(scope);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        factory.register(new ClientWriteListener());
        factory.register(new OwnerWatch());
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    TimerProvider timer = session.getProvider(TimerProvider.class);
                    timer.schedule(() -> lastUsed.flush(factory), config.lastUsedFlushInterval().toMillis(), FLUSH_TASK);
                    timer.schedule(new SweepScheduler(factory, config.sweepInterval()), config.sweepInterval().toMillis(), SWEEP_TASK);
                });
            }
        });
    }

    @Override
    public void close() {
        if (sessionFactory != null && lastUsed.pendingCount() > 0) {
            try {
                LOG.debugf("flushed %d last-used times on shutdown", lastUsed.flush(sessionFactory));
            } catch (RuntimeException e) {
                LOG.warnf("last-used times not flushed on shutdown: %s", e.getMessage());
            }
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * Closed before Keycloak's cache container, so the shutdown flush of last-used times can still write. The
     * container's provider class is not part of a public API module, so it is looked up by name.
     */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        try {
            return Set.of(Class.forName(CACHE_CONTAINER_PROVIDER).asSubclass(Provider.class));
        } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
            return Set.of(RealmProvider.class);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(LifecycleConfig.SWEEP_INTERVAL).type("int").defaultValue(LifecycleConfig.DEFAULT_SWEEP_SECONDS)
                .helpText("Seconds between lifecycle sweeps (at least " + LifecycleConfig.MIN_SWEEP_SECONDS + ").").add()
                .property().name(LifecycleConfig.LAST_USED_FLUSH_INTERVAL).type("int").defaultValue(LifecycleConfig.DEFAULT_FLUSH_SECONDS)
                .helpText("Seconds between writes of coalesced integration.last-used-at times.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of(LifecycleConfig.SWEEP_INTERVAL, Long.toString(config.sweepInterval().toSeconds()),
                LifecycleConfig.LAST_USED_FLUSH_INTERVAL, Long.toString(config.lastUsedFlushInterval().toSeconds()));
    }
}
