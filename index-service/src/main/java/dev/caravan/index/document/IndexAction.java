package dev.caravan.index.document;

import com.fasterxml.jackson.databind.util.RawValue;

/**
 * One document to write, and where it came from so a rejected one can be dead-lettered.
 *
 * @param document the source, already JSON text ({@link DocumentJson})
 * @param version  external version: a replay of the same revision is accepted, an older or
 *                truncated revision loses against what is stored (see {@link ArticleDocuments#version})
 */
public record IndexAction(String index, String id, RawValue document, Long version,
                          String topic, int partition, long offset, byte[] key, byte[] value) {
}
