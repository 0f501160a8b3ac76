package dev.caravan.launcher;

import dev.caravan.enrich.tag.NameModelTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caravan train-ner}: trains the tagger's name model on the development articles
 * ({@code dev-*.txt}, never the test set) and writes the weights the enrich stage ships with.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
        description = "Train the statistical name model on the development set of retold real articles.")
final class TrainNerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", defaultValue = "enrich-service/src/test/resources/realnews",
            description = "Folder with the annotated dev-*.txt files (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--out", defaultValue = "enrich-service/src/main/resources/ner/name-model.tsv.gz",
            description = "Where the model goes (default: ${DEFAULT-VALUE}); rebuild enrich-service to ship it.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(corpus)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + corpus
                    + " (run from the repository's root, or pass --corpus)");
        }
        spec.commandLine().getErr().println("Training on " + corpus + " ...");
        String summary = NameModelTrainer.train(corpus, out);
        spec.commandLine().getOut().println("Wrote " + out + ": " + summary);
        return 0;
    }
}
