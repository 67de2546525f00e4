package dev.gansvc.families;

import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.QualityMeasure;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model family in the catalogue: what it is, the options it reads (every family also reads
 * the common ones), what it serves and measures, and its defaults on each built-in dataset it
 * can learn.
 *
 * @param defaults every setting's default by dataset, then by variant ("" for families without variants)
 */
public record FamilyView(
        String id,
        String description,
        List<String> variants,
        List<OptionView> options,
        Set<Capability> serves,
        Set<QualityMeasure> qualityMeasures,
        List<LossSeries> lossSeries,
        Map<String, Map<String, Map<String, Object>>> defaults) {}
