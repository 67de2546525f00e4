package dev.gansvc.engine.adversarial;

import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.TrainingSettings;
import java.util.List;

/**
 * What the GANs whose discriminator classifies real against fake share: they train with the
 * {@link AdversarialObjective} and record its series. Each family says the rest.
 */
public interface ClassifyingGanFamily extends ModelFamily {

    @Override
    default Objective objective(TrainingSettings settings) {
        return AdversarialObjective.of(settings);
    }

    @Override
    default List<LossSeries> lossSeries() {
        return AdversarialObjective.SERIES;
    }
}
