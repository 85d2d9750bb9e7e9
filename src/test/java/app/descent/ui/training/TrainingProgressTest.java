package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Issue 18: a training run shows its progress (the dataset's loading, then its steps) with a Cancel that stops it. */
@ExtendWith(ApplicationExtension.class)
class TrainingProgressTest {

    @Start
    void start(Stage stage) {
        Workspaces.open(stage, Workspace.TRAINING);
        Workspaces.laptopSize(stage);
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void aRunShowsItsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        assertThat(shown(robot, "#training-progress")).as("no bar before a run").isFalse();
        robot.clickOn("#train");
        ProgressBar bar = robot.lookup("#training-progress-bar").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> shown(robot, "#training-progress") && bar.getProgress() > 0 && bar.getProgress() < 1);
        robot.clickOn("#training-cancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown(robot, "#training-progress"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#training-status").queryAs(Label.class).getText()).contains("stopped by you");
        assertThat(robot.lookup("#train").queryButton().isDisabled()).isFalse();
    }
}
