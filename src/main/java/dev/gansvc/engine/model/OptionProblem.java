package dev.gansvc.engine.model;

/** An option whose value cannot train with the rest, and why. */
public record OptionProblem(String option, String message) {}
