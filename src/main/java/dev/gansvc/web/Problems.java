package dev.gansvc.web;

import org.springframework.http.HttpStatus;

/** Problem documents written outside Spring MVC: by the error page and by Tomcat. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    /** An RFC 9457 document for a status, with a detail that repeats nothing of the request. */
    static String json(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail(status) + "\"}";
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: check its path, query and headers.";
            case 404 -> "No such resource.";
            case 405 -> "The resource does not accept this method.";
            case 413 -> "The request is too large.";
            case 415 -> "The resource does not accept this content type.";
            default ->
                status >= 500 ? "An unexpected error occurred; see the service log." : "The request was refused.";
        };
    }
}
