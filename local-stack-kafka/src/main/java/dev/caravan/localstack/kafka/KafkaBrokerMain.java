package dev.caravan.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka (broker + controller) run by the local stack in its own JVM.
 *
 * <p>Usage: {@code --data-dir DIR --port N --controller-port N}. Prints {@code CARAVAN-READY host:port}
 * once the broker is unfenced. Exits when stdin reaches EOF, so it never outlives its parent.
 */
public final class KafkaBrokerMain {

    // Named so it cannot shadow the log4j2.properties of a project that has this jar on its classpath.
    static {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                String.valueOf(KafkaBrokerMain.class.getResource("/META-INF/caravan/kafka-log4j2.properties")));
        }
    }

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int port = -1;
        int controllerPort = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (dataDir == null || port <= 0 || controllerPort <= 0) {
            System.err.println("usage: KafkaBrokerMain --data-dir DIR --port N --controller-port N");
            System.exit(2);
        }
        watchParent();

        Path logDir = dataDir.resolve("kafka-logs");
        Files.createDirectories(logDir);
        Properties props = brokerProperties(logDir, port, controllerPort);
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by KafkaBrokerMain");
        }
        // Format only once: a restart on the same directory must keep the topics and records.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, quiet());
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + rc);
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-shutdown"));
        server.startup();

        System.out.println("CARAVAN-READY localhost:" + port);
        System.out.flush();
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic must accept a single replica, or exactly-once and groups stall.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller rejects the restarted broker until the old session expires
        // (9 s by default); a short session makes a crash-restart take seconds.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        return p;
    }

    /** StorageTool prints a line on success; keep stdout for the ready line only. */
    private static PrintStream quiet() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
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
