package dev.caravan.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.index.config.IndexConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** Every index instance is its own Kafka client in the one shared group. */
class IndexConsumerConfigTest {

    private static final String ID = "caravan-index-[A-Za-z0-9._-]+-[0-9a-f]{6}";

    @Test
    void eachInstanceHasAClientIdOfItsOwnWithTheHost() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = IndexConfig.instanceClientId("caravan-index");
            assertThat(id).matches(ID).doesNotEndWith("-").hasSizeLessThanOrEqualTo("caravan-index-".length() + 63 + 7);
            ids.add(id);
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void theConsumerUsesTheInstancesClientIdAndKeepsTheSharedGroupId() {
        IndexConfig defaults = new IndexConfig(Map.of());
        String id = IndexConfig.instanceClientId("caravan-index");
        Map<String, Object> props = IndexService.consumerProperties(defaults, id);
        assertThat(props.get(ConsumerConfig.CLIENT_ID_CONFIG)).isEqualTo(id);
        assertThat(props.get(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("caravan-index");
        assertThat(props.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).isEqualTo("read_committed");
        assertThat(props.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo(false);

        IndexConfig grouped = new IndexConfig(Map.of(IndexConfig.GROUP_ID, "newsroom-index"));
        assertThat(IndexService.consumerProperties(grouped, id).get(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("newsroom-index");
    }
}
