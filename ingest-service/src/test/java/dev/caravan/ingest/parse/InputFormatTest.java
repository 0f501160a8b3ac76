package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputFormatTest {

    @Test
    void detectsByContent() {
        assertThat(InputFormat.detect("x", "• KZT/USD = 0.00192 0%\n02 December 2024\n")).isEqualTo(InputFormat.PAGE_DUMP);
        assertThat(InputFormat.detect("x", "\uFEFF<!DOCTYPE html><html><body>")).isEqualTo(InputFormat.HTML);
        assertThat(InputFormat.detect("x", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.detect("x", "<feed xmlns=\"http://www.w3.org/2005/Atom\">")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.detect("x", "  [{\"title\": 1}]")).isEqualTo(InputFormat.JSON);
        assertThat(InputFormat.detect("x", "{\n  \"title\": \"T\"\n}\n")).isEqualTo(InputFormat.JSON);
        assertThat(InputFormat.detect("x", "{\"a\": 1}\n{\"a\": 2}\n")).isEqualTo(InputFormat.NDJSON);
        assertThat(InputFormat.detect("x.bin", "PK\u0003\u0004 zip bytes")).isEqualTo(InputFormat.UNKNOWN);
        assertThat(InputFormat.detect("notes.txt", "just some words")).isEqualTo(InputFormat.PAGE_DUMP);
    }
}
