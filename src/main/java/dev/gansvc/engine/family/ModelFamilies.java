package dev.gansvc.engine.family;

import dev.gansvc.engine.family.autoencoder.AutoencoderFamily;
import dev.gansvc.engine.family.cgan.CganFamily;
import dev.gansvc.engine.family.dcgan.DcganFamily;
import dev.gansvc.engine.family.dcgan64.Dcgan64Family;
import dev.gansvc.engine.family.ebgan.EbganFamily;
import dev.gansvc.engine.family.gan.GanFamily;
import dev.gansvc.engine.family.gmmn.GmmnFamily;
import dev.gansvc.engine.family.vae.VaeFamily;
import dev.gansvc.engine.family.vaegan.VaeGanFamily;
import dev.gansvc.engine.family.wgangp.WganGpFamily;
import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.FamilyLookup;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every model family the engine trains, in the order the API lists them. A new family is one
 * package under {@code engine.family} and one line here.
 */
public final class ModelFamilies implements FamilyLookup {

    private static final ModelFamilies ALL = new ModelFamilies(List.of(
            new GanFamily(),
            new DcganFamily(),
            new Dcgan64Family(),
            new CganFamily(),
            new WganGpFamily(),
            new EbganFamily(),
            new VaeFamily(),
            new VaeGanFamily(),
            new GmmnFamily(),
            new AutoencoderFamily()));

    private final Map<String, ModelFamily> byId = new LinkedHashMap<>();

    ModelFamilies(List<ModelFamily> families) {
        for (ModelFamily family : families) {
            if (byId.put(family.id(), family) != null) {
                throw new IllegalArgumentException("two families with the id " + family.id());
            }
        }
        Map<String, Option> optionsByName = new LinkedHashMap<>();
        families.stream().flatMap(f -> f.options().stream()).forEach(option -> {
            Option other = optionsByName.putIfAbsent(option.name(), option);
            if (other != null && !other.equals(option)) {
                throw new IllegalArgumentException("two different options named " + option.name());
            }
        });
    }

    /** The registered families. */
    public static ModelFamilies all() {
        return ALL;
    }

    @Override
    public Optional<ModelFamily> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<ModelFamily> list() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Every family option, each once, in the order the families declare them. */
    public List<Option> options() {
        Map<String, Option> options = new LinkedHashMap<>();
        byId.values().forEach(f -> f.options().forEach(o -> options.putIfAbsent(o.name(), o)));
        return List.copyOf(options.values());
    }

    /** The ids of the families that serve {@code capability}. */
    public List<String> serving(Capability capability) {
        return byId.values().stream()
                .filter(f -> f.serves(capability))
                .map(ModelFamily::id)
                .toList();
    }

    /** The ids of the families that read {@code option}. */
    public List<String> readers(Option option) {
        return byId.values().stream()
                .filter(f -> f.reads(option))
                .map(ModelFamily::id)
                .toList();
    }
}
