package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 13, "the first hour": what Compare says before anything ran. */
@ExtendWith(ApplicationExtension.class)
class CompareFirstHourTest {
    static {
        // the Compare workspace builds five tabs of charts: on a loaded machine that takes longer than TestFX's 30 s
        // (read once per JVM, so this helps when the class runs first; the pom may set it for all)
        System.setProperty("testfx.setup.timeout", System.getProperty("testfx.setup.timeout", "120000"));
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.COMPARE);
        Workspaces.laptopSize(stage);
    }

    private static String placeholder(FxRobot robot, String table) {
        TableView<?> t = robot.lookup(table).queryAs(TableView.class);
        return t.getPlaceholder() instanceof Label l && l.isVisible() && l.getScene() != null ? l.getText() : "";
    }

    @Test
    void emptyTablesSayWhatWillBeThereAndPathsWaitForRace(FxRobot robot) throws Exception {
        robot.clickOn("#tab-runs");
        assertThat(placeholder(robot, "#report")).startsWith("No results yet: run a study");
        assertThat(robot.lookup("No columns in table").tryQuery()).isEmpty();
        Screenshots.save(stage.getScene(), "first-hour-compare-runs");
        robot.clickOn("#tab-search");
        assertThat(placeholder(robot, "#trials")).startsWith("No trials yet: press Search");
        assertThat(robot.lookup("No content in table").tryQuery()).isEmpty();

        // Optimizer paths: the start only until Race
        robot.clickOn("#tab-paths");
        ContourCanvas map = robot.lookup("#contour").queryAs(ContourCanvas.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, map::hasSurface);
        // time enough for a race that plays by itself to show
        robot.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> racers = robot.lookup("#racers").queryAs(TableView.class);
        var rows = racers.getItems().stream().map(PathsViewModel.Racer.class::cast).toList();
        assertThat(map.shownSteps()).isZero();
        assertThat(rows).allSatisfy(r -> assertThat(r.resultProperty().get()).isEmpty());
        assertThat(robot.lookup("#path-play").queryAs(javafx.scene.control.ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#path-step-count").queryAs(Label.class).getText()).contains("Press Race");
        // every header of the racers' table whole at this size ("momentum", "weight decay")
        for (Label h : robot.lookup("#racers .column-header .label").queryAllAs(Label.class)) {
            assertThat(((javafx.scene.text.Text) h.lookup(".text")).getText()).as("header").isEqualTo(h.getText());
        }
        Screenshots.save(stage.getScene(), "first-hour-compare-paths-start");

        robot.clickOn("#race");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> map.shownSteps() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.stream().filter(r -> r.enabledProperty().get()))
                .allSatisfy(r -> assertThat(r.resultProperty().get()).isNotEmpty());

        // a changed setting goes back to the start until the next Race
        robot.interact(() -> robot.lookup("#surface-preset").queryComboBox().getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> rows.stream().allMatch(r -> r.resultProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.shownSteps()).isZero();
    }
}
