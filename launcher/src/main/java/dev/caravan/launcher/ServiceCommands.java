package dev.caravan.launcher;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.IndexService;
import dev.caravan.index.api.SearchServer;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.ingest.api.IngestServer;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ops.OpsServer;
import dev.caravan.registry.SchemaRegistryMain;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Each service on its own, configured by CARAVAN_* environment variables and CARAVAN_CONFIG_FILE. */
final class ServiceCommands {

    private ServiceCommands() {
    }

    /** Starts a server on a port chosen by {@code key}; a taken port is one clear line naming the key. */
    static <T> T onPort(String what, int port, String key, java.util.concurrent.Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (Exception e) {
            if (PortTaken.isBindFailure(e)) {
                throw new PortTaken(what, port, key, dev.caravan.config.ConfigSources.environmentName(key), e);
            }
            throw e;
        }
    }

    /** Runs until SIGTERM/Ctrl-C, then closes the service (finishing or abandoning the in-flight batch). */
    static int runUntilStopped(AutoCloseable service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("caravan: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "caravan-shutdown"));
        stopped.await();
        return 0;
    }

    @Command(name = "enrich-service", mixinStandardHelpOptions = true,
            description = "Run the enrich stage (Kafka Streams, exactly-once) against external Kafka and registry.")
    static final class Enrich implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            EnrichConfig config = EnrichConfig.fromEnvironment(Map.of());
            EnrichService service = new EnrichService(config);
            int port = config.getInt(EnrichConfig.OPS_PORT);
            // the ops port first: a taken port fails at once, before any Kafka work
            OpsServer ops = onPort("The enrich service's health and metrics endpoint", port, EnrichConfig.OPS_PORT,
                    () -> OpsServer.start("enrich-service", "0.0.0.0", port, service.health(), service.metrics()));
            service.start();
            return runUntilStopped(() -> {
                service.close();
                ops.close();
            });
        }
    }

    @Command(name = "index-service", mixinStandardHelpOptions = true,
            description = "Run the index stage (enriched articles and FX ticks into OpenSearch) and the search API and page.")
    static final class Index implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            IndexConfig config = IndexConfig.fromEnvironment(Map.of());
            IndexService service = new IndexService(config);
            int port = config.getInt(IndexConfig.OPS_PORT);
            OpsServer ops = onPort("The index service's health and metrics endpoint", port, IndexConfig.OPS_PORT,
                    () -> OpsServer.start("index-service", "0.0.0.0", port, service.health(), service.metrics()));
            SearchServer search = onPort("The search API", config.getInt(IndexConfig.SEARCH_PORT), IndexConfig.SEARCH_PORT,
                    () -> SearchServer.start(config));
            service.start();
            return runUntilStopped(() -> {
                search.close();
                service.close();
                ops.close();
            });
        }
    }

    @Command(name = "ingest-service", mixinStandardHelpOptions = true,
            description = "Run the HTTP ingest API (POST /v1/articles, /v1/fx-ticks) against external Kafka and registry.")
    static final class Ingest implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            IngestConfig config = IngestConfig.fromEnvironment(Map.of());
            IngestServer server = onPort("The ingest API", config.getInt(IngestConfig.API_PORT), IngestConfig.API_PORT,
                    () -> IngestServer.start(config));
            return runUntilStopped(server);
        }
    }

    @Command(name = "schema-registry", description = "Run the Confluent-compatible schema registry (options as its own main).",
            mixinStandardHelpOptions = false)
    static final class Registry implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "Options passed to the registry, e.g. --port 8081.")
        String[] args = new String[0];

        @Override
        public Integer call() {
            return new picocli.CommandLine(new SchemaRegistryMain()).execute(args);
        }
    }
}
