package dev.caravan.registry.serde;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes named in schemas unless trusted. Its system properties
 * ({@code org.apache.avro.SERIALIZABLE_PACKAGES}) are read once when Avro initialises, too early
 * for a serde configured at run time, so the packages are added to the global validator instead.
 */
final class AvroClassTrust {
  private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
  private static volatile boolean installed;

  private AvroClassTrust() {}

  static void trustPackages(Iterable<String> packages) {
    packages.forEach(TRUSTED::add);
    if (!installed) {
      synchronized (AvroClassTrust.class) {
        if (!installed) {
          ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
          ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, AvroClassTrust::isTrusted));
          installed = true;
        }
      }
    }
  }

  private static boolean isTrusted(Class<?> cls) {
    String pkg = cls.getPackageName();
    for (String t : TRUSTED) {
      if (pkg.equals(t) || pkg.startsWith(t + ".")) {
        return true;
      }
    }
    return false;
  }
}
