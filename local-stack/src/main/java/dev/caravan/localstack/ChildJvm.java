package dev.caravan.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server running in its own JVM, on the classpath that its module wrote into
 * {@code META-INF/caravan/<artifactId>.classpath} at build time, so the server's dependencies
 * never mix with the caller's.
 *
 * <p>Protocol with the child: it prints one line {@code CARAVAN-READY <address>} on stdout when it
 * serves; it exits when its stdin reaches EOF (this JVM died); SIGTERM makes it shut down cleanly.
 * Its stdout and stderr go to a log file.
 */
public final class ChildJvm {

    static final String READY_PREFIX = "CARAVAN-READY ";
    private static final int TAIL_LINES = 30;
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /**
     * Children no owner stops in order (started with the public {@code start} methods); killed if this
     * JVM exits without closing them. A {@link LocalStack}'s children are not here: the JVM runs its
     * shutdown hooks all at once, so a reaper that killed them would take Kafka away from clients that
     * the stack's own hook is still closing. The stack's hook stops them itself, after its clients.
     */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
            () -> LIVE.forEach(Process::destroyForcibly), "child-jvm-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final String address;

    private ChildJvm(String name, Process process, Path logFile, String address) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.address = address;
    }

    /**
     * Starts {@code mainClass} of module {@code artifactId} and waits for its ready line.
     *
     * @param name     for messages, e.g. "Kafka"
     * @param maxHeap  the -Xmx value, e.g. "512m"
     * @param logFile  receives the child's stdout and stderr (appended, so restarts keep history)
     * @throws IllegalStateException if the child exits or stays silent for {@code timeout}; the
     *                               message names the log file and quotes its last lines
     */
    public static ChildJvm start(String name, String artifactId, String mainClass, List<String> args,
                                 String maxHeap, Path logFile, Duration timeout) {
        return start(name, artifactId, mainClass, args, Map.of(), maxHeap, logFile, timeout, null);
    }

    /**
     * Like {@link #start(String, String, String, List, String, Path, Duration)}, for mains that do
     * not speak the ready-line protocol (the Caravan services, configured by environment variables).
     *
     * @param environment added to this JVM's environment for the child
     * @param readyText   the child is ready at the first line on stdout or stderr that contains it,
     *                    and {@link #address()} is that line; null: wait for {@code CARAVAN-READY}
     */
    public static ChildJvm start(String name, String artifactId, String mainClass, List<String> args,
                                 Map<String, String> environment, String maxHeap, Path logFile, Duration timeout,
                                 String readyText) {
        return start(name, artifactId, mainClass, args, environment, maxHeap, logFile, timeout, readyText, null);
    }

    /**
     * @param owned null: the reaper kills the child at this JVM's exit; else the owner stops it, and
     *              the set holds the process from its spawn until it exits (so that the owner can stop
     *              a child that is still starting)
     */
    static ChildJvm start(String name, String artifactId, String mainClass, List<String> args,
                          Map<String, String> environment, String maxHeap, Path logFile, Duration timeout,
                          String readyText, Set<Process> owned) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        // Asks mains that make the stdin watchdog optional (the schema registry) to turn it on.
        command.add("-Dcaravan.watchdog=stdin");
        command.add("-cp");
        command.add(classpathOf(artifactId));
        command.add(mainClass);
        command.addAll(args);

        Process process;
        LogSink sink;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            sink = new LogSink(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            sink.line("---- " + Instant.now() + " starting " + name + ": " + mainClass + " " + String.join(" ", args));
            // stdin stays a pipe we never write to: the child's watchdog sees EOF when we die.
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (log " + logFile + ")", e);
        }
        Set<Process> tracking = owned != null ? owned : LIVE;
        tracking.add(process);
        process.onExit().thenRun(() -> tracking.remove(process));

        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread out = pump(name + "-stdout", process.getInputStream(), sink, ready, readyText);
        Thread err = pump(name + "-stderr", process.getErrorStream(), sink, readyText == null ? null : ready, readyText);
        // The pumps end when the child exits: then close the log and fail a pending start.
        Thread closer = new Thread(() -> {
            try {
                out.join();
                err.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.close();
            ready.completeExceptionally(new IllegalStateException(
                name + " exited with code " + process.onExit().join().exitValue() + " before it was ready"));
        }, name + "-log-closer");
        closer.setDaemon(true);
        closer.start();

        try {
            String address = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ChildJvm(name, process, logFile, address);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e instanceof TimeoutException
                ? name + " did not print " + (readyText == null ? READY_PREFIX.trim() : "\"" + readyText + "\"") + " within " + timeout.toSeconds() + " s"
                : String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e);
            sink.flush();
            throw new IllegalStateException(why + "; log " + logFile + ", last lines:\n" + tail(logFile), e);
        }
    }

    /** The text after {@code CARAVAN-READY } on the child's ready line. */
    public String address() {
        return address;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, so the server shuts down cleanly; SIGKILL if it takes longer than 20 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: a crash, for fault tests. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", " + address + "]";
    }

    private static Thread pump(String threadName, InputStream in, LogSink sink, CompletableFuture<String> ready,
                               String readyText) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.line(line);
                    if (ready != null && !ready.isDone()) {
                        if (readyText == null && line.startsWith(READY_PREFIX)) {
                            sink.flush();
                            ready.complete(line.substring(READY_PREFIX.length()).trim());
                        } else if (readyText != null && line.contains(readyText)) {
                            sink.flush();
                            ready.complete(line.trim());
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone; the closer thread reports it
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String javaExecutable() {
        Path inHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(inHome)) {
            return inHome.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The module's own jar (or classes dir) followed by the dependency jars listed in its classpath file. */
    static String classpathOf(String artifactId) {
        String resource = "META-INF/caravan/" + artifactId + ".classpath";
        URL url = findResource(resource);
        if (url == null) {
            throw new IllegalStateException("classpath resource " + resource + " not found: the module "
                + artifactId + " must be on the classpath (a dependency of the project that starts it)");
        }
        Path self = moduleRoot(url, resource);
        String listed;
        try (InputStream in = url.openStream()) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        StringBuilder cp = new StringBuilder(self.toString());
        for (String entry : listed.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (!Files.exists(Path.of(entry))) {
                // The file lists absolute paths in the local Maven repository of the machine that built it.
                throw new IllegalStateException(url + " lists " + entry + ", which does not exist here; rebuild "
                    + artifactId + " on this machine (mvn install -pl " + artifactId + ")");
            }
            cp.append(java.io.File.pathSeparatorChar).append(entry);
        }
        return cp.toString();
    }

    private static URL findResource(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(resource);
        return url != null ? url : ChildJvm.class.getClassLoader().getResource(resource);
    }

    /** jar:file:/x.jar!/META-INF/... gives /x.jar; file:/dir/META-INF/... gives /dir. */
    private static Path moduleRoot(URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                String spec = url.toString().substring("jar:".length());
                return Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
            }
            if ("file".equals(url.getProtocol())) {
                Path path = Path.of(url.toURI());
                for (int i = 0; i < resource.split("/").length; i++) {
                    path = path.getParent();
                }
                return path;
            }
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the module of " + url, e);
        }
        throw new IllegalStateException("unsupported classpath resource location " + url);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** Both pumps write here; lines stay whole. */
    private static final class LogSink {
        private final Writer writer;

        LogSink(Writer writer) {
            this.writer = writer;
        }

        synchronized void line(String line) {
            try {
                writer.write(line);
                writer.write('\n');
                writer.flush(); // so the log can be followed while the server runs
            } catch (IOException e) {
                // losing a log line must not kill the pump
            }
        }

        synchronized void flush() {
            try {
                writer.flush();
            } catch (IOException e) {
                // best effort
            }
        }

        synchronized void close() {
            try {
                writer.close();
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
