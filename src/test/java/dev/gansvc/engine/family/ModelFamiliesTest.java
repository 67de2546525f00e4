package dev.gansvc.engine.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.engine.adversarial.AdversarialOptions;
import dev.gansvc.engine.model.Capability;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.ModelShape;
import dev.gansvc.engine.model.Objective;
import dev.gansvc.engine.model.Option;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.nn.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The family registry on its own: ids, networks, recipes and option names agree with what families declare. */
class ModelFamiliesTest {

    private static final List<String> IDS =
            List.of("gan", "dcgan", "dcgan64", "cgan", "wgan-gp", "ebgan", "vae", "vaegan", "gmmn", "autoencoder");

    private static final long[] MNIST = {1, 28, 28};
    private static final long[] RGB64 = {3, 64, 64};
    private static final long[] ROWS = {2};

    private final ModelFamilies families = ModelFamilies.all();

    @Test
    void idsAreUniqueAndInTheListedOrder() {
        assertThat(families.ids()).containsExactlyElementsOf(IDS);
        assertThat(families.list().stream().map(ModelFamily::id)).doesNotHaveDuplicates();
        for (String id : IDS) {
            assertThat(families.find(id)).get().extracting(ModelFamily::id).isEqualTo(id);
        }
    }

    @Test
    void everyFamilyBuildsAGeneratorForAShapeItSupports() {
        for (ModelFamily family : families.list()) {
            ModelShape shape = supportedShape(family);
            Map<String, Network> networks = family.networks(shape);
            assertThat(networks)
                    .as("%s on %s", family.id(), Arrays.toString(shape.exampleShape()))
                    .containsKey(GenerativeModel.GENERATOR);
        }
    }

    /** Mnist-shaped where supported, else 64x64 colour, else two-feature rows in three classes (cgan). */
    private static ModelShape supportedShape(ModelFamily family) {
        if (family.unsupported(MNIST, 1, family.defaultVariant()).isEmpty()) {
            return family.shape(16, MNIST, 1);
        }
        if (family.unsupported(RGB64, 1, family.defaultVariant()).isEmpty()) {
            return family.shape(16, RGB64, 1);
        }
        assertThat(family.unsupported(ROWS, 3, family.defaultVariant()))
                .as("%s learns none of the test shapes", family.id())
                .isEmpty();
        return family.shape(2, ROWS, 3);
    }

    @Test
    void everyRecipeSetsExactlyTheOptionsItsFamilyDeclares() {
        List<long[]> shapes = List.of(MNIST, RGB64, ROWS, new long[] {4});
        for (ModelFamily family : families.list()) {
            Set<String> declared = family.options().stream().map(Option::name).collect(Collectors.toSet());
            List<String> variants = family.variants().isEmpty() ? List.of("") : family.variants();
            int recipes = 0;
            for (long[] shape : shapes) {
                for (String variant : variants) {
                    if (family.unsupported(shape, 10, variant).isPresent()) {
                        continue;
                    }
                    Recipe recipe = family.recipe(shape, variant);
                    String what = "%s (%s) on %s".formatted(family.id(), variant, Arrays.toString(shape));
                    for (Option option : family.options()) {
                        assertThat(recipe.options().has(option))
                                .as("%s sets %s", what, option.name())
                                .isTrue();
                        Object value = recipe.options().asMap().get(option.name());
                        assertThat(option.problem(value))
                                .as("%s: %s = %s", what, option.name(), value)
                                .isEmpty();
                    }
                    assertThat(recipe.options().asMap().keySet())
                            .as("%s sets only declared options", what)
                            .isSubsetOf(declared);
                    recipes++;
                }
            }
            assertThat(recipes)
                    .as("%s has a recipe for some test shape", family.id())
                    .isPositive();
        }
    }

    @Test
    void optionNamesAreUniqueAcrossFamilies() {
        Set<String> names = new HashSet<>();
        for (Option option : families.options()) {
            assertThat(names.add(option.name()))
                    .as("option %s listed once", option.name())
                    .isTrue();
        }
        // Families sharing an option share the very declaration.
        for (ModelFamily a : families.list()) {
            for (ModelFamily b : families.list()) {
                for (Option oa : a.options()) {
                    b.options().stream()
                            .filter(ob -> ob.name().equals(oa.name()))
                            .forEach(ob -> assertThat(ob)
                                    .as("%s in %s and %s", oa.name(), a.id(), b.id())
                                    .isEqualTo(oa));
                }
            }
        }
    }

    @Test
    void twoDifferentOptionsUnderOneNameAreRejected() {
        Option.Real narrow = new Option.Real("strength", "How strong", 0, true, 1, true, 0.0);
        Option.Real wide = new Option.Real("strength", "How strong", 0, true, 10, true, 0.0);
        assertThatThrownBy(() -> new ModelFamilies(List.of(new Stub("a", narrow), new Stub("b", wide))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strength");
    }

    @Test
    void theSameOptionInTwoFamiliesIsAllowed() {
        Option.Real shared = new Option.Real("strength", "How strong", 0, true, 1, true, 0.0);
        ModelFamilies two = new ModelFamilies(List.of(new Stub("a", shared), new Stub("b", shared)));
        assertThat(two.options()).containsExactly(shared);
        assertThat(two.readers(shared)).containsExactly("a", "b");
    }

    @Test
    void twoFamiliesWithOneIdAreRejected() {
        assertThatThrownBy(() -> new ModelFamilies(List.of(new Stub("a"), new Stub("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }

    @Test
    void r1IsReadByTheFamiliesWithoutBatchNormalisedDiscriminators() {
        assertThat(families.readers(AdversarialOptions.R1_GAMMA)).containsExactly("gan", "dcgan64", "cgan");
        assertThat(families.readers(AdversarialOptions.R1_UNTIL)).containsExactly("gan", "dcgan64", "cgan");
    }

    /** A family that declares options and nothing else. */
    private record Stub(String id, List<Option> options) implements ModelFamily {

        Stub(String id, Option... options) {
            this(id, new ArrayList<>(List.of(options)));
        }

        @Override
        public String description() {
            return id;
        }

        @Override
        public Recipe recipe(long[] exampleShape, String variant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Network> networks(ModelShape shape) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Objective objective(TrainingSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LossSeries> lossSeries() {
            return List.of();
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }
    }
}
