package dev.integrationbroker.lifecycle.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A client-representation write as Keycloak applies it to attributes: present keys are set, keys with a
 * blank value are removed, absent keys are kept.
 *
 * @param before the attributes before the write (empty for a new client)
 * @param after the attributes after the write
 * @param changed the names whose value the write sets or changes
 */
public record AttributeWrite(Map<String, String> before, Map<String, String> after, Set<String> changed) {

    /** A write to an existing client ({@code before} non-null) or a new one ({@code before} null). */
    public static AttributeWrite of(Map<String, String> before, Map<String, String> proposed) {
        Map<String, String> start = before == null ? Map.of() : withoutBlanks(before);
        Map<String, String> after = new HashMap<>(start);
        Set<String> changed = new HashSet<>();
        if (proposed != null) {
            proposed.forEach((name, value) -> {
                if (name == null) {
                    return;
                }
                String normalised = value == null || value.isBlank() ? null : value;
                if (normalised == null) {
                    after.remove(name);
                } else {
                    after.put(name, normalised);
                }
                if (!Objects.equals(normalised, start.get(name))) {
                    changed.add(name);
                }
            });
        }
        return new AttributeWrite(Map.copyOf(start), Map.copyOf(after), Set.copyOf(changed));
    }

    private static Map<String, String> withoutBlanks(Map<String, String> attributes) {
        Map<String, String> copy = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (name != null && value != null && !value.isBlank()) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
