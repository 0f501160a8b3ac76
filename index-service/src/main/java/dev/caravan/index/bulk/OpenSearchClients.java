package dev.caravan.index.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.caravan.index.config.IndexConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.kafka.common.config.ConfigException;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.apache.hc.core5.util.Timeout;

/** Builds the official OpenSearch Java client over HTTP, as production uses it. */
public final class OpenSearchClients {

    private OpenSearchClients() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static OpenSearchClient create(IndexConfig config) {
        return create(config.opensearchUrl(), config.opensearchUsername(), config.opensearchPassword().value(),
                config.opensearchTrustStore(), config.getPassword(IndexConfig.OPENSEARCH_TRUSTSTORE_PASSWORD).value());
    }

    public static OpenSearchClient create(String url, String username, String password) {
        return create(url, username, password, null, null);
    }

    /**
     * @param trustStore CA certificates to trust for https (a cluster's self-signed CA), or null for the JVM's
     * @throws ConfigException when the trust store cannot be read, naming the key
     */
    public static OpenSearchClient create(String url, String username, String password, Path trustStore, String trustStorePassword) {
        URI uri = URI.create(url);
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0
                ? ("https".equals(uri.getScheme()) ? 443 : 9200) : uri.getPort());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(objectMapper()));
        BasicCredentialsProvider credentials = username == null || username.isBlank() ? null : basicAuth(host, username, password);
        // The transport's own connection manager trusts the JVM's CAs only; one with the given trust
        // store replaces it, with the same pool sizes.
        PoolingAsyncClientConnectionManager connections = trustStore == null ? null
                : PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext(trustStore, trustStorePassword)).build())
                        .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
                        .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
                        .build();
        // the transport's 1 s connect timeout failed TLS connections on a loaded host: a cluster answers within 10 s
        builder.setRequestConfigCallback(request -> request.setConnectTimeout(Timeout.ofSeconds(10)));
        builder.setHttpClientConfigCallback(client -> {
            if (credentials != null) {
                client.setDefaultCredentialsProvider(credentials);
            }
            if (connections != null) {
                client.setConnectionManager(connections);
            }
            return client;
        });
        OpenSearchTransport transport = builder.build();
        return new OpenSearchClient(transport);
    }

    private static BasicCredentialsProvider basicAuth(HttpHost host, String username, String password) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(username, password.toCharArray()));
        return credentials;
    }

    private static SSLContext sslContext(Path trustStore, String password) {
        char[] secret = password == null || password.isEmpty() ? null : password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(trustStore.toFile(), secret);
            return SSLContexts.custom().loadTrustMaterial(store, null).build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) { // IAE: no such file
            throw new ConfigException(IndexConfig.OPENSEARCH_TRUSTSTORE_LOCATION, trustStore.toString(),
                    "cannot read it as a trust store (" + e.getMessage() + ")");
        }
    }
}
