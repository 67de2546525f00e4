package dev.gansvc.web;

import dev.gansvc.engine.data.InvalidDataException;
import dev.gansvc.engine.data.LimitExceededException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 application/problem+json. Field errors carry an {@code errors} list
 * of {field, message} so a client can point at the offending input.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** One rejected input. */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return invalid(e.problems());
    }

    /** A body that ends before it said it would (the client went away, or sent less): not the service's fault. */
    @ExceptionHandler(UncheckedIOException.class)
    ProblemDetail unreadableBody(UncheckedIOException e) {
        if (!endedEarly(e)) {
            return unexpected(e);
        }
        log.debug("request body ended early: {}", e.getMessage());
        return invalid(List.of(new FieldProblem("body", "the request body ended before it was complete")));
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e);
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String title, RetryLaterException e) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(problem(status, title, e.getMessage()));
    }

    @ExceptionHandler(UnfitException.class)
    ProblemDetail unfit(UnfitException e) {
        ProblemDetail pd = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot be done as asked", e.getMessage());
        pd.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return pd;
    }

    @ExceptionHandler(OverBudgetException.class)
    ProblemDetail overBudget(OverBudgetException e) {
        ProblemDetail pd = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Over budget", e.getMessage());
        e.figures().forEach(pd::setProperty);
        return pd;
    }

    /** Data over a limit: too large to take, like a body over its byte limit (413), naming the limit. */
    @ExceptionHandler(LimitExceededException.class)
    ProblemDetail overLimit(LimitExceededException e) {
        ProblemDetail pd = problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
        pd.setProperty("limit", e.limit());
        pd.setProperty("allowed", e.allowed());
        return pd;
    }

    @ExceptionHandler(InvalidDataException.class)
    ProblemDetail invalidData(InvalidDataException e) {
        return invalid(List.of(new FieldProblem("body", e.getMessage())));
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return invalid(List.of(
                new FieldProblem(Echo.value(e.getName()), "'" + Echo.value(e.getValue()) + "' is not " + expected)));
    }

    /** Tomcat could not decode the query string (a %-escape that is not UTF-8, say). */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameter(InvalidParameterException e) {
        return invalid(List.of(new FieldProblem("query", "cannot be decoded: %-escapes must encode UTF-8")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "An unexpected error occurred; see the service log.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f)))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem;
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : "; known fields: "
                            + u.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            problem = new FieldProblem(path(u), "unknown field" + known);
        } else if (e.getCause() instanceof InvalidFormatException f
                && !f.getPath().isEmpty()) {
            String expected = f.getTargetType() == null ? "a valid value" : describe(f.getTargetType());
            problem = new FieldProblem(path(f), "'" + Echo.value(f.getValue()) + "' is not " + expected);
        } else if (e.getCause() instanceof MismatchedInputException m
                && !m.getPath().isEmpty()
                && m.getTargetType() != null) {
            problem = new FieldProblem(path(m), "cannot read value: expected " + describe(m.getTargetType()));
        } else if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            problem = new FieldProblem(path(j), "cannot read value: " + firstLine(j.getOriginalMessage()));
        } else if (e.getCause() instanceof JacksonException j) {
            problem = new FieldProblem("body", "malformed JSON: " + firstLine(j.getOriginalMessage()));
        } else {
            problem = new FieldProblem("body", "a JSON body is required");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        String detail =
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        pd.setProperty("errors", problems);
        return pd;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        return pd;
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() + " (was " + Echo.value(f.getRejectedValue()) + ")";
    }

    private static String path(JacksonException e) {
        return Echo.value(e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return Map.<Class<?>, String>of(
                        long.class,
                        "an integer",
                        Long.class,
                        "an integer",
                        int.class,
                        "an integer",
                        Integer.class,
                        "an integer",
                        String.class,
                        "a string",
                        boolean.class,
                        "a valid boolean",
                        Boolean.class,
                        "a valid boolean",
                        double.class,
                        "a number",
                        Double.class,
                        "a number")
                .getOrDefault(
                        type, type.isArray() || Iterable.class.isAssignableFrom(type) ? "a list" : "a valid value");
    }
}
