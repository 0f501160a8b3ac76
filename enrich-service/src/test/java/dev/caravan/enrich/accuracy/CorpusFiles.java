package dev.caravan.enrich.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads the gold files of a test-resource folder in name order, and checks that article ids are unique. */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static <A> List<A> load(String folderName, String fileRegex, BiFunction<String, List<String>, List<A>> parser,
                            Function<A, String> id) {
        URL folder = CorpusFiles.class.getResource(folderName);
        if (folder == null) {
            throw new IllegalStateException("corpus " + folderName + " missing from the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<A> articles = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches(fileRegex)).sorted().toList()) {
                articles.addAll(parser.apply(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
            Set<String> ids = new HashSet<>();
            articles.forEach(a -> {
                if (!ids.add(id.apply(a))) {
                    throw new IllegalStateException("duplicate article id " + id.apply(a) + " in " + folderName);
                }
            });
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
