package dev.gansvc.families;

import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.CommonOptions;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The catalogue of model families: their options, ranges and defaults, from the family registry. */
@Service
public class FamilyCatalog {

    private final ModelFamilies families;
    private final DatasetCatalog datasets;

    public FamilyCatalog(ModelFamilies families, DatasetCatalog datasets) {
        this.families = families;
        this.datasets = datasets;
    }

    public List<FamilyView> list() {
        return families.list().stream().map(this::view).toList();
    }

    public FamilyView get(String id) {
        return view(family(id));
    }

    /** The options every family reads. */
    public List<OptionView> commonOptions() {
        List<String> everyone = families.ids();
        return CommonOptions.ALL.stream().map(o -> OptionView.of(o, everyone)).toList();
    }

    /** Every setting's default for this family on this dataset (any dataset, uploads too), by variant. */
    public Map<String, Map<String, Object>> defaults(String id, String datasetName) {
        ModelFamily family = family(id);
        Dataset dataset = datasets.find(datasetName)
                .orElseThrow(() -> new NotFoundException("dataset '" + Echo.value(datasetName) + "' does not exist"));
        return defaults(family, dataset)
                .orElseThrow(() -> new InvalidFieldException(
                        "dataset", "model '%s' cannot learn dataset '%s'".formatted(id, Echo.value(datasetName))));
    }

    private ModelFamily family(String id) {
        return families.find(id)
                .orElseThrow(() -> new NotFoundException("model family '" + Echo.value(id) + "' does not exist"));
    }

    private FamilyView view(ModelFamily family) {
        Map<String, Map<String, Map<String, Object>>> defaults = new LinkedHashMap<>();
        for (String name : datasets.builtInNames()) {
            datasets.find(name).flatMap(d -> defaults(family, d)).ifPresent(d -> defaults.put(name, d));
        }
        List<OptionView> options = family.options().stream()
                .map(o -> OptionView.of(o, families.readers(o)))
                .toList();
        return new FamilyView(
                family.id(),
                family.description(),
                family.variants(),
                options,
                family.capabilities(),
                family.qualityMeasures(),
                family.lossSeries(),
                defaults);
    }

    private static Optional<Map<String, Map<String, Object>>> defaults(ModelFamily family, Dataset dataset) {
        List<String> variants = family.variants().isEmpty() ? List.of("") : family.variants();
        Map<String, Map<String, Object>> byVariant = new LinkedHashMap<>();
        for (String variant : variants) {
            if (family.unsupported(dataset.exampleShape(), dataset.classCount(), variant)
                    .isEmpty()) {
                byVariant.put(variant, Recipe.defaults(family, dataset, variant).asMap());
            }
        }
        return byVariant.isEmpty() ? Optional.empty() : Optional.of(byVariant);
    }

    /** Every option, common or a family's, with the families that read it. */
    public List<OptionView> allOptions() {
        Map<String, OptionView> all = new LinkedHashMap<>();
        commonOptions().forEach(o -> all.put(o.name(), o));
        for (Option option : families.options()) {
            all.putIfAbsent(option.name(), OptionView.of(option, families.readers(option)));
        }
        return List.copyOf(all.values());
    }
}
