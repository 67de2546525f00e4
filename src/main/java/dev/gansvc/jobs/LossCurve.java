package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.LossSeries;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded loss points of a job.
 *
 * @param recorded how many points lie in the requested range before downsampling
 * @param series   the values each point holds besides iteration and epoch, which depend on the model
 * @param points   one object per step: iteration, epoch and each series by name (null where not measured)
 */
public record LossCurve(
        long jobId,
        long recorded,
        List<String> series,

        @Schema(example = "[{\"iteration\":1,\"epoch\":1,\"dLoss\":1.38,\"gLoss\":0.69,\"dReal\":0.5,\"dFake\":0.5}]")
        List<Map<String, Object>> points) {

    public static LossCurve of(long jobId, long recorded, List<LossSeries> series, List<LossPoint> points) {
        List<Map<String, Object>> rows = new ArrayList<>(points.size());
        for (LossPoint p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", p.iteration());
            row.put("epoch", p.epoch());
            for (int i = 0; i < series.size(); i++) {
                double v = p.value(i);
                row.put(series.get(i).name(), Double.isNaN(v) ? null : v);
            }
            rows.add(row);
        }
        return new LossCurve(
                jobId, recorded, series.stream().map(LossSeries::name).toList(), rows);
    }
}
