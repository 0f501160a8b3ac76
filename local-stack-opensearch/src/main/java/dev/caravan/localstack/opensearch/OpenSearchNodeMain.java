package dev.caravan.localstack.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node with HTTP, run by the local stack in its own JVM.
 *
 * <p>Usage: {@code --home DIR [--http-port N]} (0 = any free port). Prints
 * {@code CARAVAN-READY http://127.0.0.1:<port>} when HTTP is up. Exits when stdin reaches EOF.
 * Starts {@link Node} directly, not the bootstrap class: that one refuses to run as root and its
 * SecurityManager blocks a clean shutdown.
 */
public final class OpenSearchNodeMain {

    // Named so it cannot shadow the log4j2.properties of a project that has this jar on its classpath.
    static {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                String.valueOf(OpenSearchNodeMain.class.getResource("/META-INF/caravan/opensearch-log4j2.properties")));
        }
    }

    private OpenSearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = null;
        int httpPort = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]);
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (home == null) {
            System.err.println("usage: OpenSearchNodeMain --home DIR [--http-port N]");
            System.exit(2);
        }
        watchParent();
        // Netty sets the processor count once per JVM; OpenSearch would set it again and fail.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        Files.createDirectories(home.resolve("data"));

        Settings settings = Settings.builder()
            .put("cluster.name", "caravan-local")
            .put("node.name", "local-0")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(httpPort))
            .put("transport.port", "0")
            .put("action.auto_create_index", true)
            // Small test disks would otherwise turn indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Node node = new PluginNode(settings, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("OpenSearch shutdown: " + e);
            } finally {
                closed.countDown();
            }
        }, "opensearch-shutdown"));
        node.start();

        int port = node.injector().getInstance(HttpServerTransport.class)
            .boundAddress().publishAddress().address().getPort();
        System.out.println("CARAVAN-READY http://127.0.0.1:" + port);
        System.out.flush();
        closed.await();
    }

    /** Node's constructor that takes plugin classes is protected. */
    private static final class PluginNode extends Node {
        PluginNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "local-0"),
                plugins, true);
        }
    }

    /** The parent holds our stdin open; EOF means it died, so we go too (the shutdown hook still runs). */
    private static void watchParent() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // ignore input
                }
            } catch (IOException e) {
                // a broken pipe means the same as EOF
            }
            System.exit(0);
        }, "parent-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
