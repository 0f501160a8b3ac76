package dev.caravan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Constructor injection, and one stack per JVM however many classes ask for it. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(schemaRegistry = false, openSearch = false)
class SharedStackIT {

    private static LocalStack first;
    private final LocalStack stack;

    SharedStackIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void sameStackForEveryTest(LocalStack fromMethod) {
        assertThat(fromMethod).isSameAs(stack);
        if (first == null) {
            first = stack;
        }
        assertThat(stack).isSameAs(first);
        assertThat(stack.isKafkaRunning()).isTrue();
    }

    @Test
    @LocalStackConfig(schemaRegistry = false)
    void aLaterTestCanAddOpenSearch(LocalStack fromMethod) {
        assertThat(fromMethod).isSameAs(stack);
        assertThat(fromMethod.isOpenSearchRunning()).isTrue();
    }
}
