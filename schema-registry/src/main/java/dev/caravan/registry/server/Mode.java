package dev.caravan.registry.server;

import java.util.Locale;

/**
 * Confluent's registry modes. READWRITE: the default. READONLY (and READONLY_OVERRIDE): no
 * registration or delete under the subject (42205). IMPORT: schemas are registered with the id
 * (and version) the request gives, without compatibility checks, as when copying a registry.
 */
enum Mode {
  READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

  /** The mode named (any case), or null when there is none of that name. */
  static Mode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  boolean readOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }
}
