package app.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.training.TrainingThreads;
import app.descent.ui.shell.Workspace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A hand-over between workspaces reaches the window open now, never one that went before it. */
@ExtendWith(ApplicationExtension.class)
class SessionTest {
    private TableView<?> firstHistory;

    @Start
    void start(Stage stage) {
        Workspaces.open(stage, Workspace.TRAINING);
        firstHistory = (TableView<?>) stage.getScene().lookup("#history");
    }

    @AfterEach
    void free() {
        TrainingThreads.stopAll(Duration.ofSeconds(60));
    }

    @Test
    void aLessonsShowMeRunsInTheNewWindowOnly(FxRobot robot) throws Exception {
        // a second window, as each test opens one: the first one's Training workspace must hear nothing
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            Workspaces.open(second[0], Workspace.TRAINING);
        });
        TableView<?> history = (TableView<?>) second[0].getScene().lookup("#history");
        robot.interact(() -> Session.request(Session.setupRequest(), new Session.Setup("training",
                Map.of("dataset", "xor", "epochs", "1"), true, problem -> { })));
        waitFor(60, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        assertThat(firstHistory.getItems()).as("the first window started nothing").isEmpty();
        robot.interact(() -> second[0].close());
    }
}
