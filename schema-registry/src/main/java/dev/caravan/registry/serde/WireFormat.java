package dev.caravan.registry.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a Kafka record value: magic byte 0, the schema id as a 4-byte big-endian
 * int, then the Avro binary encoding of the datum.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
  }

  /** The schema id in the header of {@code payload}, or a SerializationException saying why there is none. */
  public static int readSchemaId(byte[] payload, String topic) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException("Record on topic " + topic + " is not in the Confluent Avro wire format: "
          + payload.length + " bytes, fewer than the 5-byte header");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException("Record on topic " + topic + " is not in the Confluent Avro wire format: "
          + "unknown magic byte " + payload[0] + " (expected 0)");
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}
