package dev.caravan.registry.server;

/** Where the registry's writes go; returns once the write is applied to this instance's state. */
interface SchemaLog {
  void append(String key, String value);
}
