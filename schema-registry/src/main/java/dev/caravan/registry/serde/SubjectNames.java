package dev.caravan.registry.serde;

/** Confluent's default TopicNameStrategy: one subject per topic and side. */
public final class SubjectNames {
  private SubjectNames() {}

  public static String topicNameStrategy(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
