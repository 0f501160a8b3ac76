package dev.caravan.ingest.files;

import dev.caravan.ingest.parse.ParseProblem;
import java.util.List;

/** What an ingest run did: counted for the user, problems named with file and line. */
public record IngestSummary(int files, int articles, int fxTicks, List<String> articleIds, List<ParseProblem> problems) {
    public boolean clean() {
        return problems.isEmpty();
    }
}
