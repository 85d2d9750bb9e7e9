package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: long work shows a progress bar with Cancel; Cancel stops the work and the status line says so. */
@ExtendWith(ApplicationExtension.class)
class ProgressCancelTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.COMPARE);
        Workspaces.laptopSize(stage);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void aSearchShowsItsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        robot.clickOn("#tab-search");
        assertThat(shown(robot, "#search-progress")).as("no bar before the work").isFalse();
        robot.clickOn("#run-search");
        Label status = robot.lookup("#search-status").queryAs(Label.class);
        // the bar is there while the dataset loads and the trials train; it fills as trials end
        await(() -> shown(robot, "#search-progress") && status.getText().startsWith("trial"));
        ProgressBar bar = robot.lookup("#search-progress-bar").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isBetween(0.0, 1.0);
        Screenshots.save(stage.getScene(), "progress-search");

        robot.clickOn("#search-cancel");
        await(() -> !shown(robot, "#search-progress"));
        assertThat(status.getText()).startsWith("stopped: ");
        assertThat(robot.lookup("#run-search").queryButton().isDisabled()).isFalse();
        // stopped well before all its trials
        assertThat(status.getText()).doesNotStartWith("done");
    }

    @Test
    void aStudyShowsItsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        robot.clickOn("#tab-runs");
        robot.clickOn("#run-study");
        Label status = robot.lookup("#runs-status").queryAs(Label.class);
        await(() -> shown(robot, "#study-progress")
                && robot.lookup("#study-progress-bar").queryAs(ProgressBar.class).getProgress() > 0);
        robot.clickOn("#study-cancel");
        await(() -> !shown(robot, "#study-progress"));
        assertThat(status.getText()).matches("(stopped|cancelled): .*");
        assertThat(robot.lookup("#run-study").queryButton().isDisabled()).isFalse();
    }

    @Test
    void anInspectionWhileTrainingShowsAMovingBarAndCancelStopsIt(FxRobot robot) throws Exception {
        robot.clickOn("#tab-inspect");
        robot.clickOn("#inspect-train");
        Label status = robot.lookup("#inspect-status").queryAs(Label.class);
        await(() -> shown(robot, "#inspect-progress") && status.getText().startsWith("step"));
        assertThat(robot.lookup("#inspect-progress-bar").queryAs(ProgressBar.class).isIndeterminate()).isTrue();
        robot.clickOn("#inspect-cancel");
        await(() -> !shown(robot, "#inspect-progress"));
        assertThat(status.getText()).matches("(stopped|cancelled): .*");
    }
}
