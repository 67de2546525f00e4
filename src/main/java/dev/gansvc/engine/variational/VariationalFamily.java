package dev.gansvc.engine.variational;

import dev.gansvc.engine.data.FeatureScaling;
import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.CodeDensity;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Reconstructor;
import dev.gansvc.engine.nn.Network;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the families with a Gaussian code share: they reconstruct examples by decoding the mean
 * of the code their encoder gives, and may decode samples from a density fitted to those means.
 */
public interface VariationalFamily extends ModelFamily {

    @Override
    default List<Option> options() {
        return List.of(CodeDensity.COMPONENTS);
    }

    @Override
    default Set<Capability> capabilities() {
        return EnumSet.of(Capability.SAMPLES, Capability.INTERPOLATION, Capability.RECONSTRUCTIONS);
    }

    @Override
    default Reconstructor reconstructor(
            ModelShape shape, Map<String, Network> networks, Optional<FeatureScaling> scaling) {
        return VaeObjective.reconstructor(shape, networks, scaling);
    }
}
