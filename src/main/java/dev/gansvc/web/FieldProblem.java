package dev.gansvc.web;

/** One thing wrong with a request, and the field it is wrong in. */
public record FieldProblem(String field, String message) {}
