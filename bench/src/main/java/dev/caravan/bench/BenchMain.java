package dev.caravan.bench;

import picocli.CommandLine;

/** Starts {@link BenchCommand} on its own: {@code java -cp ... dev.caravan.bench.BenchMain [options]}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "caravan-bench-log4j2.xml");
        }
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
