package dev.caravan.launcher;

import dev.caravan.launcher.demo.DemoCommand;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code caravan} command line. */
@Command(name = "caravan", mixinStandardHelpOptions = true, version = "caravan 0.1.0",
        description = "Event-driven news ingestion: articles and FX ticks in, entity-tagged searchable news out.",
        footer = {"  bench            Run the benchmarks: JMH, each stage beside its raw baseline,",
                "                     end to end (./caravan bench --help).",
                "",
                "Exit codes: 0 done; 1 something skipped (named with file and line);",
                "2 Kafka did not take the records; 64 usage error; 70 unexpected failure;",
                "78 configuration error (a bad key or value, a port already taken)."},
        subcommands = {DemoCommand.class, IngestCommand.class, TagCommand.class, TrainNerCommand.class, ConfigCommand.class,
                dev.caravan.launcher.topics.TopicsCommand.class, ServiceCommands.Ingest.class, ServiceCommands.Enrich.class,
                ServiceCommands.Index.class, ServiceCommands.Registry.class, CommandLine.HelpCommand.class})
public final class CaravanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CaravanCommand());
        cli.registerConverter(Duration.class, new Durations());
        exitOnInvalidInput(cli);
        // A user mistake (bad option, missing file, bad configuration) gets one line, not a stack trace.
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            PortTaken taken = PortTaken.in(e);
            String message = taken != null ? taken.getMessage()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            line.getErr().println("caravan: " + message);
            return taken != null || e instanceof ConfigException ? ExitCodes.CONFIG : ExitCodes.SOFTWARE;
        });
        return cli;
    }

    private static void exitOnInvalidInput(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(CaravanCommand::exitOnInvalidInput);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
