package dev.gansvc.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's quality over its run: measured every {@code qualityEvery} epochs while it trained, and
 * when it ended (the point marked {@code final}, the figures of {@code GET /jobs/{id}}).
 *
 * @param points in epoch order
 */
public record QualityCurve(long jobId, List<Point> points) {

    /**
     * @param quality the figures, as {@code quality} in a job's JSON
     * @param last    whether these are the figures of the finished job
     */
    public record Point(
            int epoch,
            long iteration,
            @JsonProperty("final") boolean last,

            @Schema(type = "object", description = "As a job's quality")
            JsonNode quality) {}

    static QualityCurve of(Job job, int epochs, List<QualityPoint> measured, JsonMapper json) {
        List<Point> points = new ArrayList<>();
        for (QualityPoint p : measured) {
            points.add(new Point(p.epoch(), p.iteration(), false, json.readTree(p.quality())));
        }
        if (job.getQuality() != null) {
            points.add(new Point(epochs, job.getIteration(), true, json.readTree(job.getQuality())));
        }
        return new QualityCurve(job.getId(), points);
    }

    /**
     * One row a point: epoch, iteration, final, then every number of the figures under its path
     * ({@code digits.meanConfidence}, {@code mmd.mmd2}); lists of numbers are left out. Columns are
     * the union over the points, in the order first met; a figure a point lacks is empty.
     */
    public String csv() {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Point p : points) {
            Map<String, String> row = new TreeMap<>();
            flatten("", p.quality(), row, columns);
            rows.add(row);
        }
        StringBuilder out = new StringBuilder("epoch,iteration,final");
        columns.forEach(c -> out.append(',').append(c));
        out.append('\n');
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            out.append(p.epoch()).append(',').append(p.iteration()).append(',').append(p.last());
            for (String c : columns) {
                out.append(',').append(rows.get(i).getOrDefault(c, ""));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void flatten(String path, JsonNode node, Map<String, String> row, Set<String> columns) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), row, columns);
            }
        } else if (node.isNumber()) {
            columns.add(path);
            row.put(path, node.asString());
        }
    }
}
