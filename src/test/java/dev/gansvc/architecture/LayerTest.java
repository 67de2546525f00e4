package dev.gansvc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers point one way: tensors, layers, data and pictures at the bottom; the model
 * abstractions; quality measures; building blocks that several families share; the families;
 * exporters to other formats; the service on top. Each rule fails on an arrow back up (see docs/architecture.md).
 */
class LayerTest {

    private static final String ENGINE = "dev.gansvc.engine..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gansvc");
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Base")
                .definedBy(
                        "dev.gansvc.engine.nn..",
                        "dev.gansvc.engine.data..",
                        "dev.gansvc.engine.render..",
                        "dev.gansvc.engine.classify..")
                .layer("Model")
                .definedBy("dev.gansvc.engine.model..")
                .layer("Quality")
                .definedBy("dev.gansvc.engine.quality..")
                .layer("Kits")
                .definedBy(
                        "dev.gansvc.engine.nets..",
                        "dev.gansvc.engine.adversarial..",
                        "dev.gansvc.engine.variational..")
                .layer("Families")
                .definedBy("dev.gansvc.engine.family..")
                .layer("Export")
                .definedBy("dev.gansvc.engine.export..")
                .layer("Service")
                .definedBy(
                        "dev.gansvc",
                        "dev.gansvc.jobs..",
                        "dev.gansvc.events..",
                        "dev.gansvc.models..",
                        "dev.gansvc.training..",
                        "dev.gansvc.datasets..",
                        "dev.gansvc.families..",
                        "dev.gansvc.security..",
                        "dev.gansvc.ratelimits..",
                        "dev.gansvc.web..")
                .whereLayer("Service")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Families")
                .mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Export")
                .mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Kits")
                .mayOnlyBeAccessedByLayers("Families", "Service")
                .whereLayer("Quality")
                .mayOnlyBeAccessedByLayers("Kits", "Families", "Service")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers("Quality", "Kits", "Families", "Export", "Service")
                .check(classes);
    }

    @Test
    void engineIsFreeOfSpringAndTheService() {
        noClasses()
                .that()
                .resideInAPackage(ENGINE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "dev.gansvc.jobs..",
                        "dev.gansvc.events..",
                        "dev.gansvc.models..",
                        "dev.gansvc.training..",
                        "dev.gansvc.datasets..",
                        "dev.gansvc.families..",
                        "dev.gansvc.security..",
                        "dev.gansvc.ratelimits..",
                        "dev.gansvc.web..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.gansvc.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.gansvc.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void familiesDoNotReachIntoEachOther() {
        slices().matching("dev.gansvc.engine.family.(*)..")
                .should()
                .notDependOnEachOther()
                .check(classes);
    }
}
