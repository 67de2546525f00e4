package dev.gansvc.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Request values that pass type checks but are not allowed (400), each naming its field. */
public class InvalidFieldException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** Several problems at once, reported in the order of their field names. */
    public InvalidFieldException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = problems.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The field of the first problem. */
    public String field() {
        return problems.get(0).field();
    }
}
