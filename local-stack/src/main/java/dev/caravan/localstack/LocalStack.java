package dev.caravan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Kafka (KRaft, one node), a schema registry and an OpenSearch node, each in its own child
 * JVM, for {@code caravan demo} and the tests.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().openSearch(false).build().start()) {
 *     String bootstrap = stack.kafkaBootstrap();
 * }
 * }</pre>
 *
 * Ports are chosen once, so a server restarted with {@code startKafka()} and the like comes back at
 * the same address (and Kafka on the same data) and clients simply reconnect.
 *
 * <p>Stopping: {@link #close()}, or this JVM's exit (SIGTERM, Ctrl-C), through one shutdown hook per
 * stack, first closes the clients handed to {@link #beforeStop}, then the registry, then Kafka and
 * OpenSearch, then removes a data dir the stack created, also when it comes during start-up.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    static final String KAFKA_MODULE = "local-stack-kafka";
    static final String KAFKA_MAIN = "dev.caravan.localstack.kafka.KafkaBrokerMain";
    static final String OPENSEARCH_MODULE = "local-stack-opensearch";
    static final String OPENSEARCH_MAIN = "dev.caravan.localstack.opensearch.OpenSearchNodeMain";
    static final String REGISTRY_MODULE = "schema-registry";
    static final String REGISTRY_MAIN = "dev.caravan.registry.SchemaRegistryMain";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final boolean withKafka;
    private final boolean withSchemaRegistry;
    private final boolean withOpenSearch;
    private final Duration startupTimeout;

    // Chosen on first start and kept, so restarts keep the addresses. 0 = not chosen yet.
    private int kafkaPort;
    private int controllerPort;
    private int registryPort;
    private int openSearchPort;

    private ChildJvm kafka;
    private ChildJvm registry;
    private ChildJvm openSearch;
    private boolean closed;

    /** Every child process of this stack, from its spawn to its exit (starting ones included). */
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final Deque<AutoCloseable> clients = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

    private LocalStack(Builder b) {
        if (b.dataDir != null) {
            this.dataDir = b.dataDir.toAbsolutePath();
            this.deleteOnClose = false;
        } else if (b.dataDirParent != null) {
            this.dataDir = freshDir(b.dataDirParent);
            this.deleteOnClose = true;
        } else {
            this.dataDir = freshTempDir();
            // Under target/ the logs stay for a post-mortem; a system temp dir is ours to clean.
            this.deleteOnClose = !this.dataDir.startsWith(Path.of("target").toAbsolutePath());
        }
        this.withKafka = b.kafka;
        this.withSchemaRegistry = b.schemaRegistry;
        this.withOpenSearch = b.openSearch;
        this.startupTimeout = b.startupTimeout;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the servers chosen in the builder; on failure stops what did start and rethrows. */
    public LocalStack start() {
        try {
            ensureRunning(withKafka, withSchemaRegistry, withOpenSearch);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts those of the given servers that are not running (Kafka and OpenSearch in parallel,
     * the registry once Kafka is up); servers already running are left alone.
     */
    public synchronized void ensureRunning(boolean kafka, boolean schemaRegistry, boolean openSearch) {
        checkOpen();
        if (schemaRegistry) {
            requireRegistryOnClasspath();
        }
        starting.incrementAndGet();
        try {
            boolean needKafka = kafka || schemaRegistry;
            CompletableFuture<Void> kafkaUp = needKafka
                ? async("kafka", this::doStartKafka) : CompletableFuture.completedFuture(null);
            CompletableFuture<Void> openSearchUp = openSearch
                ? async("opensearch", this::doStartOpenSearch) : CompletableFuture.completedFuture(null);
            CompletableFuture<Void> registryUp = schemaRegistry
                ? kafkaUp.thenRun(this::doStartRegistry) : kafkaUp;
            try {
                CompletableFuture.allOf(registryUp, openSearchUp).join();
            } catch (CompletionException e) {
                // Wait for the other start so no half-started child is left unaccounted for.
                CompletableFuture.allOf(registryUp.exceptionally(t -> null), openSearchUp.exceptionally(t -> null)).join();
                if (closing.get()) {
                    throw new IllegalStateException("the local stack was stopped while it started", e.getCause());
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        } finally {
            starting.decrementAndGet();
        }
    }

    /**
     * Closes {@code client} when this stack stops, before any server does: on {@link #close()} and on
     * this JVM's exit (SIGTERM, Ctrl-C). Clients close in the reverse order of their registration,
     * while Kafka, the registry and OpenSearch still answer, so they leave without reconnect storms.
     */
    public LocalStack beforeStop(AutoCloseable client) {
        synchronized (clients) {
            clients.push(Objects.requireNonNull(client));
        }
        return this;
    }

    /** True once {@link #close()} has begun (called, or the JVM is exiting). */
    public boolean isClosing() {
        return closing.get();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code localhost:<port>}; stays the same across Kafka restarts. */
    public synchronized String kafkaBootstrap() {
        requireChosen(kafkaPort, "Kafka");
        return "localhost:" + kafkaPort;
    }

    /** {@code http://127.0.0.1:<port>}; stays the same across registry restarts. */
    public synchronized String schemaRegistryUrl() {
        requireChosen(registryPort, "The schema registry");
        return "http://127.0.0.1:" + registryPort;
    }

    /** {@code http://127.0.0.1:<port>}; stays the same across OpenSearch restarts. */
    public synchronized String opensearchUrl() {
        requireChosen(openSearchPort, "OpenSearch");
        return "http://127.0.0.1:" + openSearchPort;
    }

    public synchronized boolean isKafkaRunning() {
        return running(kafka);
    }

    public synchronized boolean isSchemaRegistryRunning() {
        return running(registry);
    }

    public synchronized boolean isOpenSearchRunning() {
        return running(openSearch);
    }

    // ---- fault controls ----

    /** SIGKILL the broker: a crash, no clean shutdown. */
    public synchronized void killKafka() {
        if (kafka != null) {
            kafka.kill();
        }
    }

    /** SIGTERM the broker and wait for its clean shutdown. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    /** Starts the broker again (if it is not running) on the same data and ports. */
    public synchronized void startKafka() {
        checkOpen();
        doStartKafka();
    }

    public synchronized void restartKafka() {
        stopKafka();
        startKafka();
    }

    public synchronized void killOpenSearch() {
        if (openSearch != null) {
            openSearch.kill();
        }
    }

    public synchronized void stopOpenSearch() {
        if (openSearch != null) {
            openSearch.stop();
        }
    }

    /** Starts OpenSearch again (if it is not running) on the same data and port. */
    public synchronized void startOpenSearch() {
        checkOpen();
        doStartOpenSearch();
    }

    public synchronized void killSchemaRegistry() {
        if (registry != null) {
            registry.kill();
        }
    }

    public synchronized void stopSchemaRegistry() {
        if (registry != null) {
            registry.stop();
        }
    }

    /** Starts the registry again (if it is not running) on the same port; Kafka must be running. */
    public synchronized void startSchemaRegistry() {
        checkOpen();
        requireRegistryOnClasspath();
        if (!running(kafka)) {
            throw new IllegalStateException("the schema registry needs Kafka: start Kafka first");
        }
        doStartRegistry();
    }

    /**
     * Closes the {@link #beforeStop} clients, then stops every server (the registry first, it is a
     * Kafka client; then Kafka and OpenSearch) and removes a data dir the stack created. During a
     * start, the servers still starting are stopped at once. A second call waits for the first.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            if (Thread.currentThread() != shutdownHook) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: its hook is closing this stack too, and waits for us
        }
        try {
            closeClients();
            if (starting.get() > 0) {
                processes.forEach(Process::destroy); // a start in progress fails now instead of finishing first
            }
            stopServers();
        } finally {
            closeDone.countDown();
        }
    }

    /** Waits until {@link #close()} has finished. */
    public void awaitClosed() {
        try {
            closeDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        while (true) {
            AutoCloseable client;
            synchronized (clients) {
                client = clients.poll();
            }
            if (client == null) {
                return;
            }
            try {
                client.close();
            } catch (Exception | LinkageError e) {
                LOG.warn("closing {} before the local stack stops failed: {}", client, e.toString());
            }
        }
    }

    private synchronized void stopServers() {
        closed = true;
        if (registry != null) {
            registry.stop();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ChildJvm child : new ChildJvm[] {kafka, openSearch}) {
            if (child != null) {
                stops.add(async("stop", child::stop));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        for (Process left : List.copyOf(processes)) { // one that was still starting
            left.destroyForcibly();
            left.onExit().join();
        }
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    @Override
    public synchronized String toString() {
        return "LocalStack[" + dataDir + ", kafka=" + kafka + ", registry=" + registry + ", opensearch=" + openSearch + "]";
    }

    // ---- starting one server; callers hold the lock (or run inside ensureRunning) ----

    private void doStartKafka() {
        if (running(kafka)) {
            return;
        }
        if (kafkaPort == 0) {
            int[] ports = freePorts(2);
            kafkaPort = ports[0];
            controllerPort = ports[1];
        }
        kafka = startChild("Kafka", KAFKA_MODULE, KAFKA_MAIN, List.of(
            "--data-dir", dataDir.resolve("kafka").toString(),
            "--port", Integer.toString(kafkaPort),
            "--controller-port", Integer.toString(controllerPort)), "512m", "kafka.log");
    }

    private void doStartOpenSearch() {
        if (running(openSearch)) {
            return;
        }
        if (openSearchPort == 0) {
            openSearchPort = freePorts(1)[0];
        }
        openSearch = startChild("OpenSearch", OPENSEARCH_MODULE, OPENSEARCH_MAIN, List.of(
            "--home", dataDir.resolve("opensearch").toString(),
            "--http-port", Integer.toString(openSearchPort)), "1g", "opensearch.log");
    }

    private void doStartRegistry() {
        if (running(registry)) {
            return;
        }
        if (registryPort == 0) {
            registryPort = freePorts(1)[0];
        }
        registry = startChild("Schema registry", REGISTRY_MODULE, REGISTRY_MAIN, List.of(
            "--kafka-bootstrap", "localhost:" + kafkaPort,
            "--port", Integer.toString(registryPort),
            "--host", "127.0.0.1"), "256m", "schema-registry.log");
    }

    private ChildJvm startChild(String name, String module, String mainClass, List<String> args,
                                String heap, String logName) {
        if (closing.get()) {
            throw new IllegalStateException("the local stack was stopped while it started");
        }
        long t0 = System.nanoTime();
        ChildJvm child = ChildJvm.start(name, module, mainClass, args, Map.of(), heap,
            dataDir.resolve("logs").resolve(logName), startupTimeout, null, processes);
        LOG.info("{} ready at {} in {} ms (pid {}, log {})", name, child.address(),
            (System.nanoTime() - t0) / 1_000_000, child.pid(), child.logFile());
        return child;
    }

    // ---- helpers ----

    private static boolean running(ChildJvm child) {
        return child != null && child.isAlive();
    }

    private void checkOpen() {
        if (closed || closing.get()) {
            throw new IllegalStateException("this LocalStack is closed");
        }
    }

    private static void requireChosen(int port, String what) {
        if (port == 0) {
            throw new IllegalStateException(what + " was not started in this LocalStack");
        }
    }

    private static void requireRegistryOnClasspath() {
        String resource = "META-INF/caravan/" + REGISTRY_MODULE + ".classpath";
        ClassLoader cl = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
            LocalStack.class.getClassLoader());
        if (cl.getResource(resource) == null && LocalStack.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("the schema registry was requested, but " + resource
                + " is not on the classpath: the schema-registry module must be on the classpath "
                + "(add dev.caravan:schema-registry as a dependency), or turn the registry off with "
                + "LocalStack.builder().schemaRegistry(false) / @LocalStackConfig(schemaRegistry = false)");
        }
    }

    /** Runs on its own thread: the common pool has a single thread on two cores. */
    private static CompletableFuture<Void> async(String name, Runnable task) {
        return CompletableFuture.runAsync(task, r -> {
            Thread t = new Thread(r, "local-stack-" + name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Distinct free ports; the sockets stay open until all are chosen so none is handed out twice. */
    private static int[] freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** A new directory under target/local-stack when run from a Maven module, else under the system temp dir. */
    private static Path freshTempDir() {
        try {
            Path base = Files.isDirectory(Path.of("target")) && Files.exists(Path.of("pom.xml"))
                ? Path.of("target", "local-stack") : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "stack-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for the local stack", e);
        }
    }

    private static Path freshDir(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent.toAbsolutePath()), "stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for the local stack under " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    public static final class Builder {
        private Path dataDir;
        private Path dataDirParent;
        private boolean kafka = true;
        private boolean schemaRegistry = true;
        private boolean openSearch = true;
        private Duration startupTimeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /** Where data and logs go; kept after close. Default: a fresh temp dir (under target/ in a Maven module). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A fresh data dir ({@code stack-*}) under {@code parent}, removed at close and at this JVM's exit. */
        public Builder dataDirUnder(Path parent) {
            this.dataDirParent = Objects.requireNonNull(parent);
            return this;
        }

        public Builder kafka(boolean on) {
            this.kafka = on;
            return this;
        }

        /** The registry needs Kafka, which it starts even with {@code kafka(false)}. */
        public Builder schemaRegistry(boolean on) {
            this.schemaRegistry = on;
            return this;
        }

        public Builder openSearch(boolean on) {
            this.openSearch = on;
            return this;
        }

        /** How long one server may take to print its ready line. Default 120 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public LocalStack build() {
            return new LocalStack(this);
        }
    }
}
