package dev.integrationbroker.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;

class CanonicalJsonTest {

    @Nested
    class Layout {

        @Test
        @DisplayName("given members in any order and whitespace then keys are sorted and no whitespace is written")
        void sortedCompact() {
            ObjectNode a = Json.parseObject("{ \"b\" : 1, \"a\" : { \"z\": true, \"y\": null }, \"c\": [3, 1, 2] }");
            ObjectNode b = Json.parseObject("{\"c\":[3,1,2],\"a\":{\"y\":null,\"z\":true},\"b\":1}");

            assertThat(CanonicalJson.text(a)).isEqualTo("{\"a\":{\"y\":null,\"z\":true},\"b\":1,\"c\":[3,1,2]}")
                    .isEqualTo(CanonicalJson.text(b));
        }

        @Test
        @DisplayName("given keys differing in case and non-ASCII then they sort by UTF-16 code units")
        void codeUnitOrder() {
            ObjectNode node = Json.parseObject("{\"b\":1,\"B\":2,\"\u00e9\":3,\"a\":4}");

            assertThat(CanonicalJson.text(node)).isEqualTo("{\"B\":2,\"a\":4,\"b\":1,\"\u00e9\":3}");
        }

        @Test
        @DisplayName("given a null member then it is kept, not dropped")
        void nullKept() {
            assertThat(CanonicalJson.text(Json.parseObject("{\"ip\":null}"))).isEqualTo("{\"ip\":null}");
        }
    }

    @Nested
    class Strings {

        @Test
        @DisplayName("given quotes, backslashes and control characters then they are escaped the JCS way")
        void escapes() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("s", "q\"b\\n\nt\tc\u0001f\fr\rb\b/");

            assertThat(CanonicalJson.text(node)).isEqualTo("{\"s\":\"q\\\"b\\\\n\\nt\\tc\\u0001f\\fr\\rb\\b/\"}");
        }

        @Test
        @DisplayName("given non-ASCII text then it is written as UTF-8, unescaped")
        void utf8() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("purpose", "Synchronise les contacts \u2013 \u00e9t\u00e9");

            assertThat(CanonicalJson.bytes(node)).isEqualTo("{\"purpose\":\"Synchronise les contacts \u2013 \u00e9t\u00e9\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Numbers {

        @Test
        @DisplayName("given integers, also read back as 300.0, then they are plain decimals")
        void integers() {
            ObjectNode node = Json.parseObject("{\"ttl\":300,\"big\":9007199254740993,\"neg\":-1,\"float\":300.0}");

            assertThat(CanonicalJson.text(node)).isEqualTo("{\"big\":9007199254740993,\"float\":300,\"neg\":-1,\"ttl\":300}");
        }

        @Test
        @DisplayName("given a number with a fraction then it is refused")
        void fraction() {
            ObjectNode node = Json.parseObject("{\"x\":1.5}");

            assertThatThrownBy(() -> CanonicalJson.text(node)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("integers only");
        }
    }
}
