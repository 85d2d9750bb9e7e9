package app.descent.ui.builder;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import javafx.scene.control.DialogPane;
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

/** Issue 13, "the first hour": importing over one's work, the missing Flatten, a restart. */
@ExtendWith(ApplicationExtension.class)
class BuilderFirstHourTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.BUILDER);
        Workspaces.laptopSize(stage);
    }

    private static void add(FxRobot robot, String query) {
        TextField search = robot.lookup("#palette-search").queryAs(TextField.class);
        robot.clickOn(search);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(query).type(KeyCode.ENTER);
    }

    private static void typeCode(FxRobot robot, String code) {
        robot.clickOn("#code");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(code);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> types(FxRobot robot) {
        return robot.lookup("#layers").queryAs(TableView.class).getItems().stream()
                .map(r -> ((BuilderViewModel.Row) r).type()).toList();
    }

    private static void undoWithKeys(FxRobot robot) {
        robot.clickOn("#layers");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }

    @Test
    void importAsksBeforeReplacingBuiltLayersAndCtrlZUndoesIt(FxRobot robot) {
        add(robot, "Conv2d");
        add(robot, "ReLU");
        assertThat(types(robot)).containsExactly("Conv2d", "ReLU");
        typeCode(robot, "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(10, 7), nn.ELU(), nn.Linear(7, 1))\n");

        robot.clickOn("#import-code");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo(BuilderView.DISCARD + "?");
        Screenshots.save(dialog.getScene(), "first-hour-builder-replace");
        robot.clickOn("Cancel");
        assertThat(types(robot)).containsExactly("Conv2d", "ReLU");

        robot.clickOn("#import-code");
        robot.clickOn("Yes");
        assertThat(types(robot)).containsExactly("Linear", "ELU", "Linear");

        undoWithKeys(robot);
        assertThat(types(robot)).containsExactly("Conv2d", "ReLU");

        // an imported network that was not changed is replaced without a question
        typeCode(robot, "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(10, 7))\n");
        robot.clickOn("#import-code");
        robot.clickOn("Yes");
        typeCode(robot, "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(10, 3))\n");
        robot.clickOn("#import-code");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#layers").queryAs(TableView.class).getItems()).hasSize(1);
        robot.clickOn("#undo");
        robot.clickOn("#undo");
        assertThat(types(robot)).containsExactly("Conv2d", "ReLU");
    }

    @Test
    void aLinearOnImagesIsOfferedTheMissingFlatten(FxRobot robot) {
        typeCode(robot, "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(784, 10))\n");
        robot.clickOn("#import-code");
        assertThat(robot.lookup("#builder-error").queryAs(Label.class).getText())
                .contains("expects 784 input features but receives 28");
        Label fix = robot.lookup("#builder-fix").queryAs(Label.class);
        assertThat(fix.getParent().isVisible()).isTrue();
        assertThat(fix.getText()).contains("add nn.Flatten() before layer 0: 1×28×28 flattens to 784");
        Screenshots.save(stage.getScene(), "first-hour-builder-flatten");

        robot.clickOn("#apply-fix");
        assertThat(types(robot)).containsExactly("Flatten", "Linear");
        assertThat(robot.lookup("#builder-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(fix.getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#totals").queryAs(Label.class).getText()).contains("output (1, 10)");

        undoWithKeys(robot);
        assertThat(types(robot)).containsExactly("Linear");
    }

    @Test
    void theNetworkAndItsInputSurviveARestart(FxRobot robot) {
        TextField input = robot.lookup("#input-shape").queryAs(TextField.class);
        robot.clickOn(input);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("1, 3, 32, 32");
        add(robot, "Conv2d");
        add(robot, "Flatten");
        add(robot, "Linear");
        java.util.List<String> built = robot.lookup("#layers").queryAs(TableView.class).getItems().stream()
                .map(r -> ((BuilderViewModel.Row) r).layer()).toList();
        assertThat(built).hasSize(3);

        robot.interact(() -> ShellView.open(stage));
        assertThat(robot.lookup("#input-shape").queryAs(TextField.class).getText()).isEqualTo("1, 3, 32, 32");
        assertThat(robot.lookup("#layers").queryAs(TableView.class).getItems().stream()
                .map(r -> ((BuilderViewModel.Row) r).layer()).toList()).isEqualTo(built);
        assertThat(robot.lookup("#code").queryAs(TextArea.class).getText()).contains("nn.Conv2d(3, 16, 3, padding=1)");
    }
}
