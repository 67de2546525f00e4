package dev.gansvc.engine.model;

import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.render.SampleGrid;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A generator's samples drawn as a picture: a grid of images, or a scatter plot of rows. */
public final class SamplePictures {

    private static final String WORKSPACE = "gan-sampling";

    private SamplePictures() {}

    /** Samples the generator in inference mode and draws them; the same seed gives the same bytes. */
    public static byte[] png(GeneratorModel generator, int count, long seed, OptionalInt label) {
        return Workspaces.run(WORKSPACE, () -> SampleGrid.picture(generator.generate(count, seed, label)));
    }

    /** The picture for fixed latent points (created outside; only temporaries use the workspace). */
    public static byte[] png(GeneratorModel generator, INDArray latent) {
        return Workspaces.run(WORKSPACE, () -> SampleGrid.picture(generator.generate(latent)));
    }
}
