package dev.integrationbroker.lifecycle.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 4180 CSV with spreadsheet-formula neutralisation. */
class CsvWriterTest {

    @Nested
    class Escape {

        @ParameterizedTest
        @ValueSource(strings = {"=SUM(A1:A2)", "+1", "-1", "@cmd"})
        @DisplayName("given a cell starting with = + - or @ then it is prefixed with a single quote")
        void formula(String cell) {
            assertThat(CsvWriter.escape(cell)).isEqualTo("'" + cell);
        }

        @Test
        @DisplayName("given a cell starting with a tab then it is prefixed with a single quote")
        void tab() {
            assertThat(CsvWriter.escape("\tx")).isEqualTo("'\tx");
        }

        @Test
        @DisplayName("given a cell starting with a carriage return then it is prefixed and quoted")
        void carriageReturn() {
            assertThat(CsvWriter.escape("\rx")).isEqualTo("\"'\rx\"");
        }

        @Test
        @DisplayName("given a formula character not at the start then the cell is unchanged")
        void formulaInside() {
            assertThat(CsvWriter.escape("a=b-c+d@e")).isEqualTo("a=b-c+d@e");
        }

        @Test
        @DisplayName("given a comma then the cell is quoted")
        void comma() {
            assertThat(CsvWriter.escape("a,b")).isEqualTo("\"a,b\"");
        }

        @Test
        @DisplayName("given a double quote then the cell is quoted and the quote doubled")
        void quote() {
            assertThat(CsvWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        }

        @Test
        @DisplayName("given a newline then the cell is quoted")
        void newline() {
            assertThat(CsvWriter.escape("a\nb")).isEqualTo("\"a\nb\"");
        }

        @Test
        @DisplayName("given a formula start and a comma then it is prefixed inside the quotes")
        void formulaAndComma() {
            assertThat(CsvWriter.escape("=1,2")).isEqualTo("\"'=1,2\"");
        }

        @Test
        @DisplayName("given an empty or plain cell then it is unchanged")
        void plain() {
            assertThat(CsvWriter.escape("")).isEmpty();
            assertThat(CsvWriter.escape("crm-sync")).isEqualTo("crm-sync");
        }
    }

    @Nested
    class Rows {

        private final StringWriter out = new StringWriter();
        private final CsvWriter csv = new CsvWriter(out, List.of("clientId", "allowedScopes", "vendor", "maxTokenTtl"));

        @Test
        @DisplayName("given the header then the columns are written comma-separated with CRLF")
        void header() throws IOException {
            csv.header();

            assertThat(out).hasToString("clientId,allowedScopes,vendor,maxTokenTtl\r\n");
        }

        @Test
        @DisplayName("given an array value then its elements are joined with spaces")
        void array() throws IOException {
            csv.row(new ObjectMapper().readTree("{\"clientId\":\"crm\",\"allowedScopes\":[\"a:read\",\"b:write\"],\"vendor\":\"acme\",\"maxTokenTtl\":300}"));

            assertThat(out).hasToString("crm,a:read b:write,acme,300\r\n");
        }

        @Test
        @DisplayName("given null and missing values then the cells are empty")
        void nulls() throws IOException {
            csv.row(new ObjectMapper().readTree("{\"clientId\":\"crm\",\"allowedScopes\":[],\"vendor\":null}"));

            assertThat(out).hasToString("crm,,,\r\n");
        }

        @Test
        @DisplayName("given a value starting with = then the row cell is neutralised")
        void formulaInRow() throws IOException {
            csv.row(new ObjectMapper().readTree("{\"clientId\":\"=HYPERLINK(\\\"x\\\")\",\"allowedScopes\":[\"-x\"],\"vendor\":\"a,b\",\"maxTokenTtl\":-1}"));

            assertThat(out).hasToString("\"'=HYPERLINK(\"\"x\"\")\",'-x,\"a,b\",'-1\r\n");
        }
    }
}
