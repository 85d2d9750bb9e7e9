package app.descent.ui.builder;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.Workspace;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 18, desktop polish: every edit of the Builder can be undone and redone; Delete; "Discard changes?". */
@ExtendWith(ApplicationExtension.class)
class BuilderUndoTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        Dialogs.use(dialogs);
        Workspaces.open(stage, Workspace.BUILDER);
        Workspaces.laptopSize(stage);
    }

    @AfterEach
    void realDialogs() {
        Dialogs.use(null);
    }

    private static void add(FxRobot robot, String query) {
        robot.clickOn("#palette-search");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(query).type(KeyCode.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static TableView<BuilderViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#layers").queryAs(TableView.class);
    }

    private static List<String> layers(FxRobot robot) {
        return table(robot).getItems().stream().map(BuilderViewModel.Row::layer).toList();
    }

    private static String input(FxRobot robot) {
        return robot.lookup("#input-shape").queryAs(TextField.class).getText();
    }

    private static void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    private static void redo(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Clicks a row of the layer table. */
    private static void clickRow(FxRobot robot, int row) {
        robot.clickOn(robot.lookup("#layers .table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == row).queryAs(javafx.scene.Node.class));
    }

    /** Opens the presets' list and clicks one. */
    private static void choosePreset(FxRobot robot, int index) {
        robot.clickOn("#builder-presets");
        String name = BuilderPresets.ALL.get(index).toString();
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(n -> name.equals(((javafx.scene.control.ListCell<?>) n).getText())).queryAs(javafx.scene.Node.class));
    }

    @Test
    void everyEditIsUndoneAndRedoneWithKeysAndButtons(FxRobot robot) {
        // 1. input shape, typed and committed with Enter
        robot.clickOn("#input-shape");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("2, 3, 8, 8").type(KeyCode.ENTER);
        // 2-4. three layers added
        add(robot, "Conv2d");
        add(robot, "Flatten");
        add(robot, "Linear");
        List<String> built = layers(robot);
        assertThat(built).containsExactly("Conv2d(3, 16, 3, padding=1)", "Flatten()", "Linear(1024, 10)");
        // 5. an argument changed in the property sheet
        clickRow(robot, 2);
        robot.doubleClickOn("#prop-out_features").write("4").type(KeyCode.ENTER);
        assertThat(layers(robot).get(2)).isEqualTo("Linear(1024, 4)");
        // 6. a layer moved up
        clickRow(robot, 1);
        robot.clickOn("#move-up");
        assertThat(layers(robot)).containsExactly("Flatten()", "Conv2d(3, 16, 3, padding=1)", "Linear(1024, 4)");
        // 7. a layer removed with the Delete key (the table has the focus)
        clickRow(robot, 0);
        robot.type(KeyCode.DELETE);
        assertThat(layers(robot)).containsExactly("Conv2d(3, 16, 3, padding=1)", "Linear(1024, 4)");

        // undo walks back through all seven, one Ctrl+Z each
        clickRow(robot, 0);
        undo(robot);
        assertThat(layers(robot)).containsExactly("Flatten()", "Conv2d(3, 16, 3, padding=1)", "Linear(1024, 4)");
        undo(robot);
        assertThat(layers(robot)).containsExactly("Conv2d(3, 16, 3, padding=1)", "Flatten()", "Linear(1024, 4)");
        undo(robot);
        assertThat(layers(robot)).isEqualTo(built);
        undo(robot);
        undo(robot);
        undo(robot);
        assertThat(layers(robot)).isEmpty();
        assertThat(input(robot)).isEqualTo("2, 3, 8, 8");
        undo(robot);
        assertThat(input(robot)).isEqualTo("1, 1, 28, 28");
        assertThat(robot.lookup("#undo").queryButton().isDisabled()).isTrue();

        // Shift+Ctrl+Z and the Redo button bring them back in order
        redo(robot);
        assertThat(input(robot)).isEqualTo("2, 3, 8, 8");
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#redo");
        }
        assertThat(layers(robot)).isEqualTo(built);
        redo(robot);
        assertThat(layers(robot).get(2)).isEqualTo("Linear(1024, 4)");
        // a new edit ends what could be redone
        robot.clickOn("#undo");
        assertThat(layers(robot)).isEqualTo(built);
        add(robot, "ReLU");
        assertThat(robot.lookup("#redo").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#undo").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+Z");
        assertThat(robot.lookup("#redo").queryAs(Button.class).getTooltip().getText()).contains("Shift+Ctrl+Z");
    }

    @Test
    void deleteInATextFieldDeletesTextNotTheLayer(FxRobot robot) {
        add(robot, "Flatten");
        add(robot, "Linear");
        clickRow(robot, 1);
        robot.clickOn("#palette-search").type(KeyCode.END).type(KeyCode.DELETE);
        assertThat(layers(robot)).hasSize(2);
    }

    @Test
    void clearPresetImportAndOpenAskDiscardChangesAndUndoTakesEachBack(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#clear-network").queryButton().getText()).isEqualTo("Clear network");
        add(robot, "Flatten");
        add(robot, "Linear");
        List<String> built = layers(robot);

        // answered No: nothing changes
        robot.clickOn("#clear-network");
        assertThat(dialogs.calls).containsExactly("confirm " + BuilderView.DISCARD);
        assertThat(layers(robot)).isEqualTo(built);
        choosePreset(robot, 0);
        assertThat(dialogs.count("confirm " + BuilderView.DISCARD)).isEqualTo(2);
        assertThat(layers(robot)).isEqualTo(built);
        robot.clickOn("#code");
        robot.interact(() -> robot.lookup("#code").queryAs(TextArea.class)
                .setText("import torch.nn as nn\nnet = nn.Sequential(nn.Linear(5, 2))\n"));
        robot.clickOn("#import-code");
        assertThat(dialogs.count("confirm " + BuilderView.DISCARD)).isEqualTo(3);
        assertThat(layers(robot)).isEqualTo(built);
        java.nio.file.Path saved = java.nio.file.Files.createTempFile("descent-undo", ".json");
        java.nio.file.Files.writeString(saved, "{\"format\":\"descent-network\"}");
        dialogs.answerOpen(pattern -> saved.toFile());
        robot.clickOn("#open-network");
        assertThat(dialogs.count("confirm " + BuilderView.DISCARD)).isEqualTo(4);
        assertThat(layers(robot)).isEqualTo(built);

        // answered Yes: the preset replaces the network, undo brings it back; Clear network likewise
        dialogs.answerConfirm(true);
        choosePreset(robot, 1);
        assertThat(layers(robot)).isNotEqualTo(built).isNotEmpty();
        List<String> preset = layers(robot);
        clickRow(robot, 0);
        undo(robot);
        assertThat(layers(robot)).isEqualTo(built);
        redo(robot);
        assertThat(layers(robot)).isEqualTo(preset);
        robot.clickOn("#clear-network");
        assertThat(layers(robot)).isEmpty();
        robot.clickOn("#undo");
        assertThat(layers(robot)).isEqualTo(preset);
        java.nio.file.Files.deleteIfExists(saved);
    }
}
