package dev.caravan.bench.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Admin look-ups the stage benches measure progress with: end offsets and a group's committed offsets. */
public final class Kafka implements AutoCloseable {

    private final Admin admin;

    public Kafka(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    public void createTopic(String name, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    public List<TopicPartition> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(String... topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String t : topics) {
            partitions(t).forEach(tp -> request.put(tp, OffsetSpec.latest()));
        }
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list offsets: " + e.getMessage(), e);
        }
    }

    public static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The group's committed offsets summed over a topic's partitions (0 where none). */
    public long committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Commits the current end of the topics for a group that is not running, so it starts there. */
    public void startAtEnd(String group, String... topics) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endOffsets(topics).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        try {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot move group " + group + " to the end: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the oldest records of a topic so that about {@code keep} remain (spread evenly over
     * its partitions): a later stage then reads only the newest ones from the log start.
     */
    public void keepLast(String topic, long keep) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        long perPartition = Math.max(1, keep / Math.max(1, end.size()));
        Map<TopicPartition, RecordsToDelete> before = new HashMap<>();
        end.forEach((tp, offset) -> before.put(tp, RecordsToDelete.beforeOffset(Math.max(0, offset - perPartition))));
        try {
            admin.deleteRecords(before).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete old records of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** Throughput from progress polled every 100 ms, leaving out the start-up before the first progress. */
    public record Rate(long records, double seconds, double perSecond) {
    }

    /**
     * Polls {@code done} until it reaches {@code target}. The rate is taken from the first observed
     * progress to the end (start-up, group join and restoration left out); if that window holds
     * less than a quarter of the records, from {@code startNanos} instead.
     */
    public static Rate measure(LongSupplier done, long target, Duration timeout, long startNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstT = 0;
        long firstV = 0;
        long v = done.getAsLong();
        List<long[]> samples = new ArrayList<>();
        while (v < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + v + " of " + target + " records done within " + timeout);
            }
            Thread.sleep(100);
            v = done.getAsLong();
            long now = System.nanoTime();
            samples.add(new long[]{now, v});
            if (firstT == 0 && v > 0) {
                firstT = now;
                firstV = v;
            }
        }
        long end = System.nanoTime();
        long measured = target - firstV;
        if (firstT != 0 && measured >= target / 4 && end > firstT) {
            double s = (end - firstT) / 1e9;
            return new Rate(measured, s, measured / s);
        }
        double s = (end - startNanos) / 1e9;
        return new Rate(target, s, target / s);
    }
}
