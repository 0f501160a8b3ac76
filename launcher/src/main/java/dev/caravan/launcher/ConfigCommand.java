package dev.caravan.launcher;

import dev.caravan.config.ConfigExplainer;
import dev.caravan.config.ConfigSources;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.ingest.config.IngestConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caravan config --explain}: every key of every service, its current value, default and source. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate the configuration from the environment (and CARAVAN_CONFIG_FILE) and explain it.")
final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--explain", description = "List every key with its variable, value, source and default.")
    boolean explain;

    static Map<String, ConfigDef> services() {
        Map<String, ConfigDef> services = new LinkedHashMap<>();
        services.put("ingest-service", IngestConfig.DEFINITION);
        services.put("enrich-service", EnrichConfig.DEFINITION);
        services.put("index-service", IndexConfig.DEFINITION);
        return services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int problems = 0;
        for (Map.Entry<String, ConfigDef> service : services().entrySet()) {
            ConfigSources.Resolved resolved = ConfigSources.fromEnvironment(service.getValue());
            try {
                service.getValue().parse(resolved.values());
            } catch (org.apache.kafka.common.config.ConfigException e) {
                err.println(service.getKey() + ": " + e.getMessage());
                problems++;
            }
            if (explain) {
                ConfigExplainer.explain(service.getKey(), service.getValue(), resolved).forEach(out::println);
                out.println();
            }
        }
        if (!explain && problems == 0) {
            out.println("configuration valid for " + String.join(", ", services().keySet()));
        }
        return problems == 0 ? 0 : 2;
    }
}
