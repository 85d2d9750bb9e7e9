package app.descent.ui.builder;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BuilderViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.BUILDER);
    }

    private static void add(FxRobot robot, String query) {
        TextField search = robot.lookup("#palette-search").queryAs(TextField.class);
        robot.clickOn(search);
        robot.interact(search::clear);
        robot.write(query).type(KeyCode.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static TableView<BuilderViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#layers").queryAs(TableView.class);
    }

    @Test
    void buildsASmallCnnByClickingThenImportsTheTutorialCode(FxRobot robot) {
        TextField input = robot.lookup("#input-shape").queryAs(TextField.class);
        robot.clickOn(input);
        robot.interact(input::clear);
        robot.write("1, 1, 28, 28");
        add(robot, "Conv2d");
        add(robot, "ReLU");
        add(robot, "MaxPool2d");
        add(robot, "Flatten");
        add(robot, "Linear");
        TableView<BuilderViewModel.Row> table = table(robot);
        assertThat(table.getItems()).extracting(BuilderViewModel.Row::type)
                .containsExactly("Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear");
        // Conv2d(1, 16, 3, padding=1) keeps 28×28; the pool halves it; Linear takes the 3136 features it is given
        assertThat(table.getItems()).extracting(BuilderViewModel.Row::outputShape)
                .containsExactly("(1, 16, 28, 28)", "(1, 16, 28, 28)", "(1, 16, 14, 14)", "(1, 3136)", "(1, 10)");
        assertThat(table.getItems().get(0).params()).isEqualTo(160);
        assertThat(table.getItems().get(0).receptiveField()).isEqualTo(3);
        assertThat(robot.lookup("#totals").queryAs(Label.class).getText()).contains("31,530 parameters");
        assertThat(robot.lookup("#code").queryAs(TextArea.class).getText()).contains("nn.Conv2d(1, 16, 3, padding=1)");

        // a wrong size turns the layer red with a message naming it
        robot.interact(() -> table.getSelectionModel().select(4));
        TextField in = robot.lookup("#prop-in_features").queryAs(TextField.class);
        robot.clickOn(in);
        robot.interact(in::clear);
        robot.write("100").type(KeyCode.ENTER);
        assertThat(table.getItems().get(4).error()).contains("layer 4 Linear", "100", "3136");
        assertThat(robot.lookup("#builder-error").queryAs(Label.class).getText()).contains("3136");

        TextArea code = robot.lookup("#code").queryAs(TextArea.class);
        robot.interact(() -> code.setText("""
                import torch
                import torch.nn as nn
                model = nn.Sequential(nn.Linear(10, 7), nn.ELU(), nn.Linear(7, 1), nn.Sigmoid())
                x = torch.randn(100, 10)
                """));
        robot.clickOn("#import-code");
        // the layers built above were never saved: the Builder asks first
        robot.clickOn("Yes");
        assertThat(table.getItems()).hasSize(4);
        assertThat(robot.lookup("#input-shape").queryAs(TextField.class).getText()).isEqualTo("100, 10");
        assertThat(robot.lookup("#totals").queryAs(Label.class).getText()).contains("85 parameters", "output (100, 1)");
        robot.interact(() -> table.getSelectionModel().select(2));
        Screenshots.save(stage.getScene(), "builder");
    }

    @Test
    void theActivationsAddedThroughTheRegistryAreInThePalette(FxRobot robot) {
        TextField input = robot.lookup("#input-shape").queryAs(TextField.class);
        robot.clickOn(input);
        robot.interact(input::clear);
        robot.write("4, 8");
        for (String type : new String[] {"Linear", "Mish", "Softsign", "Hardtanh"}) {
            add(robot, type);
        }
        TableView<BuilderViewModel.Row> table = table(robot);
        assertThat(table.getItems()).extracting(BuilderViewModel.Row::type)
                .containsExactly("Linear", "Mish", "Softsign", "Hardtanh");
        assertThat(table.getItems()).extracting(BuilderViewModel.Row::outputShape)
                .containsExactly("(4, 10)", "(4, 10)", "(4, 10)", "(4, 10)");
        assertThat(robot.lookup("#code").queryAs(TextArea.class).getText())
                .contains("nn.Mish()", "nn.Softsign()", "nn.Hardtanh()");
        assertThat(robot.lookup("#builder-error").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void aLayerCanBeDraggedFromThePaletteOntoTheTable(FxRobot robot) {
        add(robot, "Flatten");
        TextField search = robot.lookup("#palette-search").queryAs(TextField.class);
        robot.clickOn(search);
        robot.interact(search::clear);
        robot.write("Linear");
        robot.drag("#palette-Linear").dropTo("#layers");
        assertThat(table(robot).getItems()).extracting(BuilderViewModel.Row::type).containsExactly("Flatten", "Linear");
        assertThat(table(robot).getItems().get(1).layer()).isEqualTo("Linear(784, 10)");
    }

    @Test
    void vggFreezingPresetGivesTorchvisionsTrainableCount(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<BuilderPresets.Preset> presets = robot.lookup("#builder-presets").queryComboBox();
        robot.interact(() -> presets.getSelectionModel().select(BuilderPresets.ALL.stream()
                .filter(p -> p.name().startsWith("VGG16")).findFirst().orElseThrow()));
        // 2 × 2,359,808 (features[-6:] holds two 512→512 convolutions) + the classifier with its new 4096→10 layer
        long classifier = 25088L * 4096 + 4096 + 4096L * 4096 + 4096 + 4096L * 10 + 10;
        assertThat(robot.lookup("#totals").queryAs(Label.class).getText())
                .contains(String.format("%,d trainable", 2 * 2_359_808L + classifier));
        assertThat(robot.lookup("#add-layer").queryButton().isDisabled()).isTrue();
        Screenshots.save(stage.getScene(), "builder-vgg16");
    }

    @Test
    void aSnippetPastedWithoutImportsIsReadAndTheLineUnderTheCodeSaysSo(FxRobot robot) {
        TextArea code = robot.lookup("#code").queryAs(TextArea.class);
        robot.clickOn(code);
        // as pasted from a slide: no import lines
        robot.interact(() -> code.setText("net = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(7, 1))\n"
                + "x = torch.randn(100, 10)\n"));
        robot.clickOn("#import-code");
        assertThat(table(robot).getItems()).extracting(BuilderViewModel.Row::type).containsExactly("Linear", "ReLU", "Linear");
        assertThat(robot.lookup("#input-shape").queryAs(TextField.class).getText()).isEqualTo("100, 10");
        String note = robot.lookup("#ignored-lines").queryAs(Label.class).getText();
        assertThat(note).isEqualTo("Read as if the code began with: import torch.nn as nn; import torch");
        assertThat(robot.lookup("#ignored-lines").queryAs(Label.class).isVisible()).isTrue();
        Screenshots.save(stage.getScene(), "builder-no-imports");
    }
}
