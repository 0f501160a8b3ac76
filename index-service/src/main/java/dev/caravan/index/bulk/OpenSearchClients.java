package dev.caravan.index.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.caravan.index.config.IndexConfig;
import java.net.URI;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** Builds the official OpenSearch Java client over HTTP, as production uses it. */
public final class OpenSearchClients {

    private OpenSearchClients() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static OpenSearchClient create(IndexConfig config) {
        return create(config.opensearchUrl(), config.opensearchUsername(), config.opensearchPassword().value());
    }

    public static OpenSearchClient create(String url, String username, String password) {
        URI uri = URI.create(url);
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0
                ? ("https".equals(uri.getScheme()) ? 443 : 9200) : uri.getPort());
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(objectMapper()));
        if (username != null && !username.isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(username, password.toCharArray()));
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        OpenSearchTransport transport = builder.build();
        return new OpenSearchClient(transport);
    }
}
