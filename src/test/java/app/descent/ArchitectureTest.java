package app.descent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The direction of dependencies from the architecture guide. */
@AnalyzeClasses(packages = "app.descent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("app.descent.graph..", "app.descent.network..", "app.descent.practice..",
                    "app.descent.compare..", "app.descent.training..", "app.descent.lessons..",
                    "app.descent.session..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..", "org.jfree..")
            .because("core packages must run and be tested without a window");

    @ArchTest
    static final ArchRule onlyTrainingImportsDjl = noClasses()
            .that().resideOutsideOfPackage("app.descent.training..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..")
            .because("DJL is reached through the training package only");

    @ArchTest
    static final ArchRule uiNeverImportsDjl = noClasses()
            .that().resideInAPackage("app.descent.ui..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule coreNeverDependsOnUiOrCli = noClasses()
            .that().resideInAnyPackage("app.descent.graph..", "app.descent.network..", "app.descent.practice..",
                    "app.descent.compare..", "app.descent.training..", "app.descent.lessons..",
                    "app.descent.session..")
            .should().dependOnClassesThat().resideInAnyPackage("app.descent.ui..", "app.descent.cli..");

    @ArchTest
    static final ArchRule cliNeverDependsOnUi = noClasses()
            .that().resideInAPackage("app.descent.cli..")
            .should().dependOnClassesThat().resideInAPackage("app.descent.ui..")
            .because("the command line runs without JavaFX; it reaches the window through app.descent.WindowService");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("app.descent.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule graphStandsAlone = noClasses()
            .that().resideInAPackage("app.descent.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("app.descent.network..", "app.descent.training..",
                    "app.descent.compare..", "app.descent.practice..", "app.descent.lessons..", "app.descent.ui..",
                    "app.descent.cli..")
            .because("the engine fits on a screen and is tested against PyTorch on its own; it may use only the "
                    + "shared leaves (the root package, io and catalog)");

    @ArchTest
    static final ArchRule networkStandsAlone = noClasses()
            .that().resideInAPackage("app.descent.network..")
            .should().dependOnClassesThat().resideInAnyPackage("app.descent.graph..", "app.descent.training..", "app.descent.compare..",
                    "app.descent.practice..", "app.descent.lessons..", "app.descent.ui..", "app.descent.cli..")
            .because("the engines fit on a screen and are tested against PyTorch on their own; they may use only "
                    + "the shared leaves (the root package, io and catalog)");

    @ArchTest
    static final ArchRule onlyCliPrints = noClasses()
            .that().resideOutsideOfPackages("app.descent.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("only the command line writes to standard output or error");

    @ArchTest
    static final ArchRule ioIsALeafEveryPackageMayUse = noClasses()
            .that().resideInAPackage("app.descent.io..")
            .should().dependOnClassesThat().resideInAnyPackage("app.descent.graph..", "app.descent.network..",
                    "app.descent.practice..", "app.descent.compare..", "app.descent.training..", "app.descent.ui..",
                    "app.descent.cli..", "javafx..", "ai.djl..")
            .because("files (atomic saves, CSV) are written the same way by every package, which all may use app.descent.io");

    @ArchTest
    static final ArchRule catalogIsALeafEveryCorePackageMayUse = classes()
            .that().resideInAPackage("app.descent.catalog..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("app.descent.catalog..", "app.descent",
                    "app.descent.io..", "java..")
            .because("the registries (activations, graph ops, optimizers, layers) are read by graph, network, "
                    + "training, compare and practice, so they may use none of them, nor JavaFX or DJL");

    @ArchTest
    static final ArchRule pyTorchInternalsOnlyInTheLibTorchAdapter = noClasses()
            .that().doNotHaveFullyQualifiedName("app.descent.training.LibTorch")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl.pytorch.jni..", "ai.djl.pytorch.engine..")
            .because("DJL's PyTorch internals (JniUtils, PtNDArray) are reached through one adapter, training.LibTorch");
}
