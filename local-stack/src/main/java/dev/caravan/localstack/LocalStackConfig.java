package dev.caravan.localstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which servers a test class (or method) needs from the shared {@link LocalStack} of
 * {@link LocalStackExtension}. Without it a test gets all three. Turning a server off only avoids
 * starting it: if another test in the same JVM already started it, it keeps running.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LocalStackConfig {

    boolean kafka() default true;

    /** Needs the schema-registry module on the test classpath; also starts Kafka. */
    boolean schemaRegistry() default true;

    boolean openSearch() default true;
}
