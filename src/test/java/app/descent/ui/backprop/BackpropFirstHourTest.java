package app.descent.ui.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 13, "the first hour": what a student does in Backprop at 1366×768, as they do it. */
@ExtendWith(ApplicationExtension.class)
class BackpropFirstHourTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.BACKPROP);
        Workspaces.laptopSize(stage);
    }

    private static void typeExpression(FxRobot robot, String expression) {
        TextArea field = robot.lookup("#expression-field").queryAs(TextArea.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(expression);
    }

    /** The value cell of a variable, as drawn in the table. */
    private static TableCell<?, ?> valueCell(FxRobot robot, String variable) {
        TableView<BackpropViewModel.Variable> table = robot.lookup("#variables").queryAs(TableView.class);
        int row = table.getItems().stream().map(BackpropViewModel.Variable::name).toList().indexOf(variable);
        assertThat(row).as(variable + " in the table").isNotNegative();
        return robot.lookup("#variables .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && c.getTableColumn().getText().equals("value")
                        && c.getIndex() == row && !c.isEmpty() && c.isVisible() && c.getTableRow() != null
                        && c.getTableRow().isVisible() && c.getScene() != null)
                .findFirst().orElseThrow();
    }

    /** Double-clicks a value, types over it; the caller leaves the cell. */
    private static void typeValue(FxRobot robot, String variable, String value) {
        // at 768 pixels the side pane scrolls: bring the table back into view with the wheel, as a person would
        robot.moveTo("#result").scroll(15, javafx.geometry.VerticalDirection.UP);
        robot.doubleClickOn(valueCell(robot, variable));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(value);
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#result").queryAs(Label.class).getText();
    }

    @Test
    void aTypedValueCountsWhenTheCellIsLeftWithTabOrAClick(FxRobot robot) {
        typeExpression(robot, "tanh(0.5*x + 1)");
        // x keeps the tutorial's 3: tanh(2.5)
        assertThat(result(robot)).startsWith("f = 0.9866");

        typeValue(robot, "x", "2");
        robot.type(KeyCode.TAB);
        assertThat(valueCell(robot, "x").getText()).isEqualTo("2");
        assertThat(result(robot)).as("after Tab").startsWith("f = 0.964");

        typeValue(robot, "x", "0");
        robot.clickOn("#gradients");
        assertThat(valueCell(robot, "x").getText()).isEqualTo("0");
        assertThat(result(robot)).as("after a click elsewhere").startsWith("f = 0.7616");

        typeValue(robot, "x", "-2");
        robot.type(KeyCode.ENTER);
        assertThat(result(robot)).as("after Enter").startsWith("f = 0");

        // Escape is the one way back to the old value
        typeValue(robot, "x", "5");
        robot.type(KeyCode.ESCAPE);
        assertThat(valueCell(robot, "x").getText()).isEqualTo("-2");
        assertThat(result(robot)).startsWith("f = 0");
    }

    @Test
    void tabMovesToTheNextValueAndEachTypedValueCounts(FxRobot robot) {
        // the tutorial: x = 3, y = -4, z = 2, w = -1
        typeValue(robot, "x", "1");
        robot.type(KeyCode.TAB);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("5").type(KeyCode.TAB);
        // 2 × (1·5 + max(2, −1)) = 14
        assertThat(result(robot)).startsWith("f = 14");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> shownGradients(FxRobot robot) {
        TableView<BackpropViewModel.Gradient> table = robot.lookup("#gradients").queryAs(TableView.class);
        robot.interact(() -> { });
        return table.getItems().stream().map(g -> table.getColumns().get(1).getCellData(g)).map(String::valueOf).toList();
    }

    @Test
    void whilePredictingTheTableHidesTheGradientsNotYetRevealed(FxRobot robot) {
        // before any prediction the table is a reference
        assertThat(shownGradients(robot)).containsExactly("-8", "6", "2", "0");
        robot.clickOn("#predict");
        assertThat(shownGradients(robot)).containsOnly(BackpropView.HIDDEN);
        Button step = robot.lookup("#step-forward").queryAs(Button.class);
        Label feedback = robot.lookup("#feedback").queryAs(Label.class);
        int clicks = 0;
        while (!feedback.getText().startsWith("Type")) {
            robot.clickOn(step);
            assertThat(++clicks).isLessThan(20);
        }
        // asked for the next downstream gradient: no answer in the table, none on the graph's edges yet
        assertThat(shownGradients(robot)).containsOnly(BackpropView.HIDDEN);
        assertThat(robot.lookup(".graph-edge-label").queryAllAs(Label.class))
                .allSatisfy(l -> assertThat(l.getText()).isEmpty());
        var rows = robot.lookup("#gradients .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getTableColumn().getText().equals("backprop")).map(TableCell::getText).toList();
        assertThat(rows).isNotEmpty().containsOnly(BackpropView.HIDDEN);
        Screenshots.save(stage.getScene(), "first-hour-backprop-predict");

        // each gradient appears once the backward pass has brought all of it
        while (!step.isDisabled()) {
            robot.clickOn("#prediction");
            robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            robot.write("0").type(KeyCode.ENTER);
            robot.clickOn(step);
            assertThat(++clicks).isLessThan(40);
        }
        assertThat(shownGradients(robot)).containsExactly("-8", "6", "2", "0");
    }

    @Test
    void ownExpressionIsCalledSoAndABrokenOneCannotBePlayed(FxRobot robot) {
        ComboBox<Presets.Preset> presets = robot.lookup("#presets").queryComboBox();
        Label note = robot.lookup("#preset-note").queryAs(Label.class);
        assertThat(note.getText()).contains("tutorial");
        // a wrong prediction leaves "✗ Not quite…"
        robot.clickOn("#predict");
        Button step = robot.lookup("#step-forward").queryAs(Button.class);
        Label feedback = robot.lookup("#feedback").queryAs(Label.class);
        while (!feedback.getText().startsWith("Type")) {
            robot.clickOn(step);
        }
        robot.clickOn("#prediction").write("12345").type(KeyCode.ENTER);
        assertThat(feedback.getText()).startsWith("✗");

        typeExpression(robot, "x*y + 3");
        assertThat(presets.getValue()).isNull();
        assertThat(presets.getButtonCell().getText())
                .isEqualTo(BackpropView.CUSTOM);
        assertThat(note.getText()).doesNotContain("tutorial").contains("Your own expression");
        assertThat(feedback.getText()).isEmpty();

        typeExpression(robot, "x*(y + ");
        assertThat(robot.lookup("#expression-error").queryAs(Label.class).isVisible()).isTrue();
        assertThat(feedback.getText()).isEmpty();
        assertThat(robot.lookup("#play").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(step.isDisabled()).isTrue();
        Screenshots.save(stage.getScene(), "first-hour-backprop-broken");

        robot.write("1)");
        assertThat(robot.lookup("#play").queryAs(ToggleButton.class).isDisabled()).isFalse();
        assertThat(step.isDisabled()).isFalse();
        assertThat(result(robot)).startsWith("f = ");

        // choosing a preset again describes it again
        robot.interact(() -> presets.getSelectionModel().select(1));
        assertThat(note.getText()).doesNotContain("Your own expression");
    }

    @Test
    void theExpressionAndItsValuesSurviveARestart(FxRobot robot) {
        typeExpression(robot, "a*b + c");
        typeValue(robot, "b", "-2.5");
        robot.type(KeyCode.TAB);
        String before = result(robot);
        assertThat(before).startsWith("f = ");

        // a clean restart: a new window, nothing handed over
        robot.interact(() -> ShellView.open(stage));
        assertThat(robot.lookup("#expression-field").queryAs(TextArea.class).getText()).isEqualTo("a*b + c");
        assertThat(valueCell(robot, "b").getText()).isEqualTo("-2.5");
        assertThat(result(robot)).isEqualTo(before);
        assertThat(robot.lookup("#preset-note").queryAs(Label.class).getText()).contains("Your own expression");

        // a preset chosen is a preset restored, with its own values
        ComboBox<Presets.Preset> presets = robot.lookup("#presets").queryComboBox();
        robot.interact(() -> presets.getSelectionModel().select(2));
        typeValue(robot, "x", "7");
        robot.type(KeyCode.ENTER);
        robot.interact(() -> ShellView.open(stage));
        ComboBox<Presets.Preset> again = robot.lookup("#presets").queryComboBox();
        assertThat(again.getValue()).isEqualTo(Presets.ALL.get(2));
        assertThat(valueCell(robot, "x").getText()).isEqualTo("7");
    }
}
