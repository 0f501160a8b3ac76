package dev.caravan.launcher;

import dev.caravan.launcher.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code caravan} command line. */
@Command(name = "caravan", mixinStandardHelpOptions = true, version = "caravan 0.1.0",
        description = "Event-driven news ingestion: articles and FX ticks in, entity-tagged searchable news out.",
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
        // A user mistake (bad option, missing file) gets one line, not a stack trace.
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("caravan: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
