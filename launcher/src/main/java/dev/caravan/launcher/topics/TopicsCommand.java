package dev.caravan.launcher.topics;

import dev.caravan.config.ConfigSources;
import dev.caravan.config.KafkaConnection;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caravan topics create|describe}: the pipeline's topics, created idempotently. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Create or describe the pipeline's topics.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
public final class TopicsCommand {

    /**
     * The admin client's settings: the same {@code CARAVAN_KAFKA_*} variables the services read
     * (bootstrap, TLS, SASL), the bootstrap option winning. A service's properties file is not read:
     * it holds keys this command does not know.
     */
    static Map<String, Object> clientProperties(String bootstrapOption, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove(ConfigSources.FILE_VARIABLE);
        Map<String, String> demo = dev.caravan.launcher.demo.DemoEndpoints.overridesIfUnset(bootstrapOption, environment,
                new java.io.PrintWriter(System.err, true));
        Map<String, String> overrides = bootstrapOption != null ? Map.of(KafkaConnection.BOOTSTRAP, bootstrapOption)
                : demo.containsKey(KafkaConnection.BOOTSTRAP) ? Map.of(KafkaConnection.BOOTSTRAP, demo.get(KafkaConnection.BOOTSTRAP))
                : Map.of();
        ConfigDef definition = KafkaConnection.define(new ConfigDef());
        Map<String, Object> props = new HashMap<>(KafkaConnection.clientProperties(new AbstractConfig(definition,
                ConfigSources.resolve(definition, env, overrides).values(), false)));
        // an absent cluster is reported within 15 s, not after a minute of reconnect warnings
        props.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return props;
    }

    /** One line naming the address tried and how to give another, instead of a bare TimeoutException. */
    static int unreachable(PrintWriter err, Map<String, Object> props, Exception e) {
        err.println("caravan: Kafka at " + props.get("bootstrap.servers") + " did not answer within 15 s ("
                + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName())
                + "); pass --kafka-bootstrap HOST:PORT or set CARAVAN_KAFKA_BOOTSTRAP, or start ./caravan demo");
        err.flush();
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create the missing topics (existing ones are left as they are).")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--kafka-bootstrap", description = "Default: CARAVAN_KAFKA_BOOTSTRAP or localhost:9092. TLS and SASL: the CARAVAN_KAFKA_* variables the services read.")
        String bootstrap;

        @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the data topics (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--replication", defaultValue = "3", description = "Replication factor (default: ${DEFAULT-VALUE}).")
        short replication;

        @Override
        public Integer call() {
            Map<String, Object> props = clientProperties(bootstrap, System.getenv());
            List<String> created;
            try {
                created = TopicCatalog.ensure(props, partitions, replication);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof java.util.concurrent.TimeoutException
                        || e.getCause() instanceof java.util.concurrent.ExecutionException
                        && e.getCause().getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return unreachable(spec.commandLine().getErr(), props, e);
                }
                throw e;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("created %d topic(s)%s%n", created.size(), created.isEmpty() ? "" : ": " + String.join(", ", created));
            return 0;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Show partitions, replication and configs of each topic.")
    static final class Describe implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--kafka-bootstrap", description = "Default: CARAVAN_KAFKA_BOOTSTRAP or localhost:9092. TLS and SASL: the CARAVAN_KAFKA_* variables the services read.")
        String bootstrap;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> props = clientProperties(bootstrap, System.getenv());
            try (Admin admin = Admin.create(props)) {
                Set<String> existing;
                try {
                    existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    return unreachable(spec.commandLine().getErr(), props, e);
                }
                List<String> names = TopicCatalog.TOPICS.stream().map(TopicCatalog.Spec::name).toList();
                List<String> present = names.stream().filter(existing::contains).toList();
                Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                        .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(30, TimeUnit.SECONDS);
                int missing = 0;
                for (String name : names) {
                    TopicDescription d = descriptions.get(name);
                    if (d == null) {
                        out.printf("%-32s MISSING%n", name);
                        missing++;
                        continue;
                    }
                    String overrides = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries().stream()
                            .filter(e -> !e.isDefault() && !e.isReadOnly())
                            .map(e -> e.name() + "=" + e.value()).sorted().collect(Collectors.joining(", "));
                    out.printf("%-32s partitions=%d replication=%d %s%n", name, d.partitions().size(),
                            d.partitions().get(0).replicas().size(), overrides);
                }
                return missing == 0 ? 0 : 1;
            }
        }
    }
}
