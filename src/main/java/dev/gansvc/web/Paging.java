package dev.gansvc.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters of a listing, checked
 * rather than clamped: a page below 0, a size outside 1 to {@value #MAX_SIZE}, a number that is
 * not one, or a sort on a property the listing does not offer is a 400 naming the parameter.
 *
 * <p>{@code sort} is Spring Data's form: {@code property[,property...][,asc|desc]}, repeatable.
 *
 * @param defaultSort the order when no {@code sort} is given
 * @param sortable the properties a client may sort by
 */
public record Paging(Sort defaultSort, Set<String> sortable) {

    /** The largest page a listing returns. */
    public static final int MAX_SIZE = 200;

    public static final int DEFAULT_SIZE = 20;

    /** Descriptions of the parameters for the API document. */
    public static final String PAGE = "0-based page number";

    public static final String SIZE = "Items per page, 1 to " + MAX_SIZE + " (default " + DEFAULT_SIZE + ")";
    public static final String SORT = "property[,property...][,asc|desc], repeatable; the properties are listed "
            + "in the 400 answer to an unknown one";

    public Paging {
        sortable = Set.copyOf(sortable);
    }

    /** The page the request asks for. */
    public Pageable of(HttpServletRequest request) {
        int page = number(request, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return PageRequest.of(page, size, sort(request.getParameterValues("sort")));
    }

    private Sort sort(String[] values) {
        List<Sort.Order> orders = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            List<String> parts = new ArrayList<>(Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .toList());
            if (parts.isEmpty()) {
                continue;
            }
            Sort.Direction direction = Sort.Direction.ASC;
            String last = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            if (last.equals("asc") || last.equals("desc")) {
                direction = last.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
                parts.remove(parts.size() - 1);
            }
            if (parts.isEmpty()) {
                throw new InvalidFieldException("sort", "names no property; " + offered());
            }
            for (String property : parts) {
                if (!sortable.contains(property)) {
                    throw new InvalidFieldException(
                            "sort", "cannot sort by '" + Echo.value(property) + "'; " + offered());
                }
                orders.add(new Sort.Order(direction, property));
            }
        }
        return orders.isEmpty() ? defaultSort : Sort.by(orders);
    }

    private String offered() {
        return "sortable: " + String.join(", ", new TreeSet<>(sortable))
                + ", each optionally followed by ',asc' or ',desc'";
    }

    private static int number(HttpServletRequest request, String name, int absent, int min, int max) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return absent;
        }
        if (values.length > 1) {
            throw new InvalidFieldException(name, "must be given once");
        }
        String raw = values[0].trim();
        String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        if (!raw.matches("[+-]?[0-9]+")) {
            throw new InvalidFieldException(name, "must be an integer " + range + " (was '" + Echo.value(raw) + "')");
        }
        long n;
        try {
            n = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "must be " + range + " (was " + Echo.value(raw) + ")");
        }
        if (n < min || n > max) {
            throw new InvalidFieldException(name, "must be " + range + " (was " + n + ")");
        }
        return (int) n;
    }
}
