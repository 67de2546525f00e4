package dev.gansvc.web;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last look at every problem document Spring MVC writes, whoever made it: details and field
 * messages pass through {@link Echo#message}, and an {@code instance} (the request's path)
 * longer than {@link Echo#MAX_ECHO} characters is left out.
 */
@ControllerAdvice
public class ProblemBodies implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(Echo.message(problem.getDetail()));
            if (problem.getInstance() != null
                    && problem.getInstance().toString().length() > Echo.MAX_ECHO) {
                problem.setInstance(null);
            }
            if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
                problem.setProperty(
                        "errors",
                        errors.stream()
                                .map(e -> e instanceof FieldProblem f
                                        ? new FieldProblem(Echo.value(f.field()), Echo.message(f.message()))
                                        : e)
                                .toList());
            }
        }
        return body;
    }
}
