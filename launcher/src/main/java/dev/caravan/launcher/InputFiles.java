package dev.caravan.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Expands the FILE|DIR arguments of a command into regular files, in a stable order. */
public final class InputFiles {

    private InputFiles() {
    }

    public static List<Path> expand(List<Path> arguments, CommandLine commandLine) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> walk = Files.walk(argument)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + argument + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(argument)) {
                files.add(argument);
            } else {
                throw new CommandLine.ParameterException(commandLine, "no such file or directory: " + argument);
            }
        }
        return files;
    }
}
