package dev.caravan.index.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * An https endpoint with a self-signed certificate, as a secured OpenSearch cluster has out of the
 * box: the client reaches it with the configured trust store (and basic auth), not without.
 */
class OpenSearchClientsTest {

    @TempDir
    static Path dir;
    static Path trustStore;
    static HttpsServer server;
    static final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeAll
    static void selfSignedHttpsEndpoint() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("ca.pem");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", serverStore.toString(), "-storepass", "serverpw", "-keypass", "serverpw");
        keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", serverStore.toString(), "-storepass", "serverpw",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "cluster-ca", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", "trustpw");

        KeyStore keys = KeyStore.getInstance(serverStore.toFile(), "serverpw".toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "serverpw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, -1); // HEAD /: OpenSearch's ping
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aClusterSignedByItsOwnCaIsReachedWithTheConfiguredTrustStore() throws IOException {
        OpenSearchClient client = OpenSearchClients.create(url(), "caravan", "pw", trustStore, "trustpw");

        assertThat(client.ping().value()).isTrue();
        assertThat(authorization.get()).as("basic auth still sent").startsWith("Basic ");
    }

    @Test
    void withoutItTheJvmsTrustStoreRefusesTheCertificate() {
        OpenSearchClient client = OpenSearchClients.create(url(), "", "");

        assertThatThrownBy(client::ping).hasStackTraceContaining("certification path");
    }

    @Test
    void aTrustStoreThatCannotBeReadIsNamedByItsKey() {
        Path missing = dir.resolve("nope.p12");

        assertThatThrownBy(() -> OpenSearchClients.create(url(), "", "", missing, "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("opensearch.ssl.truststore.location").hasMessageContaining("nope.p12");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("keytool %s: %s", args[0], output).isZero();
    }
}
