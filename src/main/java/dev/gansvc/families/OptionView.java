package dev.gansvc.families;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gansvc.engine.model.Option;
import java.util.List;

/**
 * A job option as the catalogue shows it: JSON type, range (with whether each end is
 * included) or choices, and which families read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionView(
        String name,
        String type,
        String description,
        Double minimum,
        Boolean minimumIncluded,
        Double maximum,
        Boolean maximumIncluded,
        List<String> choices,
        List<String> readBy) {

    static OptionView of(Option option, List<String> readBy) {
        if (option instanceof Option.Whole w) {
            return new OptionView(
                    w.name(), "integer", w.description(), (double) w.min(), true, (double) w.max(), true, null, readBy);
        }
        if (option instanceof Option.Real r) {
            return new OptionView(
                    r.name(),
                    "number",
                    r.description(),
                    r.min(),
                    r.minIncluded(),
                    r.max(),
                    r.maxIncluded(),
                    null,
                    readBy);
        }
        Option.Choice c = (Option.Choice) option;
        return new OptionView(c.name(), "string", c.description(), null, null, null, null, c.choices(), readBy);
    }
}
