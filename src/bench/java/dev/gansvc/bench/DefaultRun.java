package dev.gansvc.bench;

import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.model.TrainingListener;
import java.util.function.UnaryOperator;

/** A model trained on data with the defaults a job gets for every field it leaves out, as the benchmarks run it. */
final class DefaultRun {

    private DefaultRun() {}

    /**
     * The finished trainer (the model's first variant when none is named), whose model and
     * held-out split the quality measures read.
     *
     * @param adjust changes to the default recipe, for benchmarks that compare settings
     */
    static Trainer train(
            ModelFamily family,
            String variantOrEmpty,
            Dataset data,
            long seed,
            TrainingListener listener,
            UnaryOperator<Recipe> adjust) {
        Trainer trainer = prepare(family, variantOrEmpty, data, seed, adjust);
        trainer.train(listener, () -> false);
        return trainer;
    }

    /** The trainer before its run, for a listener that measures it as it trains. */
    static Trainer prepare(
            ModelFamily family, String variantOrEmpty, Dataset data, long seed, UnaryOperator<Recipe> adjust) {
        String variant = variantOrEmpty.isEmpty() ? family.defaultVariant() : variantOrEmpty;
        Recipe recipe = adjust.apply(Recipe.defaults(family, data, variant));
        GenerativeModel model = GenerativeModel.create(
                family,
                family.shape(recipe.latentDim(), data.exampleShape(), data.classCount(), variant, recipe.options()),
                recipe.optimizer(),
                seed);
        return new Trainer(model, data, recipe.training(seed));
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
