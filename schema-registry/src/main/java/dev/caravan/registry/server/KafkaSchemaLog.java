package dev.caravan.registry.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable state: a one-partition compacted topic, replayed from the start into
 * {@link RegistryState} by a reader thread. A write is produced and then waited for until this
 * instance's reader has applied it (as Confluent's KafkaStore does), so what a caller is told is
 * what every instance replaying the topic will hold.
 */
final class KafkaSchemaLog implements SchemaLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);

  private final Map<String, Object> clientProperties;
  private final String topic;
  private final RegistryState state;
  private final Duration timeout;
  private final TopicPartition partition;
  private final Object progress = new Object();
  private KafkaProducer<String, String> producer;
  private KafkaConsumer<String, String> consumer;
  private Thread reader;
  private volatile long position;
  private volatile boolean running;
  private volatile Exception readerFailure;

  KafkaSchemaLog(Map<String, Object> clientProperties, String topic, RegistryState state, Duration timeout) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.topic = topic;
    this.state = state;
    this.timeout = timeout;
    this.partition = new TopicPartition(topic, 0);
  }

  /** Creates the topic when missing, then returns once everything already in it is applied. */
  void start() throws InterruptedException {
    ensureTopic();
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "caravan-schema-registry-writer");
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());

    Properties c = new Properties();
    c.putAll(clientProperties);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "caravan-schema-registry-reader");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition), timeout).get(partition);

    running = true;
    reader = new Thread(this::readLoop, "schemas-reader");
    reader.setDaemon(true);
    reader.start();
    awaitPosition(end, "replaying " + topic + " up to offset " + end);
    LOG.info("Replayed {} records of {}", end, topic);
  }

  /** Appends a record and returns once this instance has applied it. */
  @Override
  public void append(String key, String value) {
    long offset;
    try {
      offset = producer.send(new ProducerRecord<>(topic, 0, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("interrupted while writing to " + topic);
    } catch (ExecutionException e) {
      throw RegistryException.storeError("could not write to " + topic + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw RegistryException.timeout("writing to " + topic + " took longer than " + timeout.toMillis() + " ms");
    }
    try {
      awaitPosition(offset + 1, "reading back offset " + offset + " of " + topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("interrupted while reading back from " + topic);
    }
  }

  /** True while the reader thread is consuming without errors. */
  boolean healthy() {
    return running && reader != null && reader.isAlive() && readerFailure == null;
  }

  /** True while the reader thread runs (it may be retrying after an error). */
  boolean readerAlive() {
    return running && reader != null && reader.isAlive();
  }

  private void awaitPosition(long target, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (position < target) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw RegistryException.timeout(what + " took longer than " + timeout.toMillis() + " ms"
              + (readerFailure == null ? "" : " (reader: " + readerFailure.getMessage() + ")"));
        }
        progress.wait(left);
      }
    }
  }

  private void readLoop() {
    while (running) {
      try {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            SchemaLogFormat.apply(r.key(), r.value(), state);
          } catch (Exception e) {
            LOG.warn("Skipping unreadable record at offset {} of {}: {}", r.offset(), topic, e.getMessage());
          }
        }
        long next = consumer.position(partition);
        readerFailure = null;
        synchronized (progress) {
          position = next;
          progress.notifyAll();
        }
      } catch (WakeupException e) {
        if (running) {
          LOG.warn("Reader of {} woken unexpectedly", topic);
        }
      } catch (Exception e) {
        readerFailure = e;
        LOG.warn("Reading {} failed, retrying: {}", topic, e.getMessage());
        sleepQuietly();
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void ensureTopic() throws InterruptedException {
    try (Admin admin = Admin.create(clientProperties)) {
      Set<String> names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (names.contains(topic)) {
        return;
      }
      int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      NewTopic t = new NewTopic(topic, 1, (short) Math.min(3, Math.max(1, brokers)))
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Created topic {} (compacted, replication factor {})", topic, t.replicationFactor());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause().getMessage(), e);
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka at " + clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " did not answer while checking topic " + topic
          + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
