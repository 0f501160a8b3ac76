package dev.caravan.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How every Caravan service reaches Kafka: bootstrap servers plus TLS and SASL, defined once so
 * each service's clients (producers, consumers, Streams, admin) are configured the same way.
 * Passwords are {@link Password}s: masked in logs and in {@code caravan config --explain}.
 */
public final class KafkaConnection {

    public static final String BOOTSTRAP = "kafka.bootstrap";
    public static final String SECURITY_PROTOCOL = "kafka.security.protocol";
    public static final String SASL_MECHANISM = "kafka.sasl.mechanism";
    public static final String SASL_USERNAME = "kafka.sasl.username";
    public static final String SASL_PASSWORD = "kafka.sasl.password";
    public static final String TRUSTSTORE_LOCATION = "kafka.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "kafka.ssl.truststore.password";
    public static final String KEYSTORE_LOCATION = "kafka.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "kafka.ssl.keystore.password";

    private KafkaConnection() {
    }

    /** Adds the connection keys to a service's definition. */
    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(BOOTSTRAP, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Kafka bootstrap servers, host:port[,host:port...].")
                .define(SECURITY_PROTOCOL, Type.STRING, SecurityProtocol.PLAINTEXT.name,
                        ConfigDef.CaseInsensitiveValidString.in("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                        Importance.MEDIUM, "PLAINTEXT, SSL (TLS), SASL_PLAINTEXT or SASL_SSL.")
                .define(SASL_MECHANISM, Type.STRING, "SCRAM-SHA-512",
                        ConfigDef.CaseInsensitiveValidString.in("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
                        Importance.MEDIUM, "SASL mechanism when the protocol is SASL_*.")
                .define(SASL_USERNAME, Type.STRING, "", Importance.MEDIUM, "SASL user.")
                .define(SASL_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
                        "SASL password (or set CARAVAN_KAFKA_SASL_PASSWORD_FILE to a file holding it).")
                .define(TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                        "Truststore (PKCS12/JKS) with the brokers' CA; empty: the JVM's default trust.")
                .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Truststore password.")
                .define(KEYSTORE_LOCATION, Type.STRING, "", Importance.LOW, "Keystore for mutual TLS; empty: none.")
                .define(KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Keystore password.");
    }

    /** The client properties for these settings: {@code bootstrap.servers} and, when set, TLS and SASL. */
    public static Map<String, Object> clientProperties(AbstractConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getString(BOOTSTRAP));
        String protocol = config.getString(SECURITY_PROTOCOL).toUpperCase(Locale.ROOT);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL")) {
            String mechanism = config.getString(SASL_MECHANISM).toUpperCase(Locale.ROOT);
            props.put(SaslConfigs.SASL_MECHANISM, mechanism);
            props.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas(mechanism,
                    config.getString(SASL_USERNAME), config.getPassword(SASL_PASSWORD).value())));
        }
        if (protocol.endsWith("SSL")) {
            putIfSet(props, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, config.getString(TRUSTSTORE_LOCATION));
            putIfSet(props, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, config.getPassword(TRUSTSTORE_PASSWORD).value());
            putIfSet(props, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, config.getString(KEYSTORE_LOCATION));
            putIfSet(props, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, config.getPassword(KEYSTORE_PASSWORD).value());
        }
        return props;
    }

    static String jaas(String mechanism, String username, String password) {
        String module = mechanism.startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void putIfSet(Map<String, Object> props, String key, String value) {
        if (value != null && !value.isBlank()) {
            props.put(key, key.endsWith("password") ? new Password(value) : value);
        }
    }
}
