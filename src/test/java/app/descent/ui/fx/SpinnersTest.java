package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Text that is not a number in a spinner (found by the monkey test): no exception, the number in use stays. */
@ExtendWith(ApplicationExtension.class)
class SpinnersTest {
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Workspaces.open(stage, Workspace.TRAINING);
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
    }

    private void typeInto(FxRobot robot, String id, String text, KeyCode leaveBy) {
        app.descent.ui.Workspaces.reveal(robot, robot.lookup(id).query());
        robot.clickOn(id).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text).type(leaveBy);
    }

    @Test
    void wordsInTheTrainingAndBuilderSpinnersAreUndoneWithoutAnException(FxRobot robot) {
        Spinner<?> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        Object epochsBefore = epochs.getValue();
        typeInto(robot, "#epochs", "3,4", KeyCode.TAB);
        typeInto(robot, "#batch-size", "1e3", KeyCode.ENTER);
        typeInto(robot, "#samples", "99999999999", KeyCode.TAB);
        assertThat(uncaught).isEmpty();
        assertThat(epochs.getValue()).isEqualTo(epochsBefore);
        assertThat(epochs.getEditor().getText()).isEqualTo(String.valueOf(epochsBefore));

        // a number still goes in, clamped as before
        typeInto(robot, "#epochs", "12", KeyCode.TAB);
        assertThat(epochs.getValue()).isEqualTo(12);
        typeInto(robot, "#patience", "5000", KeyCode.TAB);
        assertThat(robot.lookup("#patience").queryAs(Spinner.class).getValue()).isEqualTo(100);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Spinner<?> batch = robot.lookup("#builder-view #batch-size").queryAs(Spinner.class);
        typeInto(robot, "#builder-view #batch-size", "sixty-four", KeyCode.TAB);
        assertThat(uncaught).isEmpty();
        assertThat(batch.getValue()).isEqualTo(64);
        assertThat(batch.getEditor().getText()).isEqualTo("64");
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Every editable spinner of every workspace (and of every Compare tab), so that a new one cannot be missed. */
    @Test
    void everyEditableSpinnerInTheWindowTakesWordsWithoutAnException(FxRobot robot) {
        int tried = 0;
        for (Workspace w : Workspace.values()) {
            robot.clickOn("#nav-" + w.id());
            List<javafx.scene.Node> tabs = List.copyOf(robot.lookup(".tab-pane > .tab-header-area .tab").<javafx.scene.Node>queryAll());
            for (int t = 0; t < Math.max(1, tabs.size()); t++) {
                if (!tabs.isEmpty()) {
                    robot.clickOn(tabs.get(t));
                }
                for (javafx.scene.Node n : List.copyOf(robot.lookup(".spinner").<javafx.scene.Node>queryAll())) {
                    if (!(n instanceof Spinner<?> spinner)) {
                        continue;
                    }
                    if (!spinner.isEditable() || spinner.isDisabled() || !shown(spinner)) {
                        continue;
                    }
                    Object before = spinner.getValue();
                    robot.clickOn(spinner.getEditor()).press(KeyCode.CONTROL, KeyCode.A)
                            .release(KeyCode.A, KeyCode.CONTROL).write("3,4").type(KeyCode.TAB);
                    assertThat(uncaught).as("%s in %s", spinner.getId(), w).isEmpty();
                    assertThat(spinner.getValue()).as("%s in %s", spinner.getId(), w).isEqualTo(before);
                    tried++;
                }
            }
        }
        assertThat(tried).as("editable spinners tried").isGreaterThanOrEqualTo(10);
    }
}
