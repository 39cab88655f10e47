package dev.integrationbroker.it.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An ordered {@code application/x-www-form-urlencoded} body; a name may repeat (e.g. {@code audience}). */
public final class Form {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** A form from name/value pairs. */
    public static Form of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Form form = new Form();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** Adds one field (repeats are kept). */
    public Form add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Removes every field with this name. */
    public Form remove(String name) {
        fields.removeIf(e -> e.getKey().equals(name));
        return this;
    }

    String encode() {
        return fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
