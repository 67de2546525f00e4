package dev.gansvc.web;

import java.util.Map;

/**
 * Work that this instance refuses to start because it would need more than a configured budget
 * (422): the message says what it would need and what the budget is, and the figures go into
 * the problem as properties.
 */
public class OverBudgetException extends RuntimeException {

    private final Map<String, Object> figures;

    public OverBudgetException(String message, Map<String, Object> figures) {
        super(message);
        this.figures = Map.copyOf(figures);
    }

    public Map<String, Object> figures() {
        return figures;
    }
}
