package dev.integrationbroker.lifecycle.validation;

/** One broken metadata rule: the attribute and the rule, shown to the caller as {@code attribute: rule}. */
public record Violation(String attribute, String rule) {

    /** The text for {@code error_description}. */
    public String message() {
        return attribute + ": " + rule;
    }
}
