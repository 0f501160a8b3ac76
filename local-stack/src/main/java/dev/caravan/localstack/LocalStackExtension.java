package dev.caravan.localstack;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link LocalStack} shared by all tests of this JVM into test constructors, test
 * methods and lifecycle methods:
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * @LocalStackConfig(openSearch = false)
 * class PipelineIT {
 *     @Test void roundTrip(LocalStack stack) { ... stack.kafkaBootstrap() ... }
 * }
 * }</pre>
 *
 * The stack starts on first use with the servers the asking test needs ({@link LocalStackConfig}),
 * gains servers when a later test needs more, restarts a server a fault test left down, and stops
 * when the test JVM's root context closes.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static final String KEY = "shared-local-stack";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStackConfig config = configOf(context);
        SharedStack shared = context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(KEY, k -> new SharedStack(LocalStack.builder().build()), SharedStack.class);
        try {
            shared.stack.ensureRunning(config == null || config.kafka(),
                config == null || config.schemaRegistry(),
                config == null || config.openSearch());
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("the local stack did not start: " + e.getMessage(), e);
        }
        return shared.stack;
    }

    /** The method's annotation, else the nearest one on the class or an enclosing class (@Nested). */
    private static LocalStackConfig configOf(ExtensionContext context) {
        Optional<LocalStackConfig> onMethod = context.getTestMethod().map(m -> m.getAnnotation(LocalStackConfig.class));
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            LocalStackConfig found = c.getAnnotation(LocalStackConfig.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Closed by JUnit when the root store closes, i.e. at the end of the test JVM's run. Both
     * interfaces: JUnit 5.13+ closes AutoCloseable values (and warns about CloseableResource-only
     * ones), older versions only CloseableResource; either way it is closed once.
     */
    private static final class SharedStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final LocalStack stack;

        SharedStack(LocalStack stack) {
            this.stack = stack;
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
