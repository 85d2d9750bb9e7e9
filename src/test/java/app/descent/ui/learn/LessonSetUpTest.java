package app.descent.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.practice.Difficulty;
import app.descent.practice.Topics;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import app.descent.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Set it up" and "Show me" put Training and Practice into a lesson action's state, and Show me runs it there. */
@ExtendWith(ApplicationExtension.class)
class LessonSetUpTest {
    private static final String STUDY_LESSON = "zz-setup-test-study";
    private static final String GRID_LESSON = "zz-setup-test-grid";
    private ShellView shell;

    @org.junit.jupiter.api.AfterEach
    void removeLesson() throws Exception {
        // a run the test set up (paused or not) must not hold the one training thread for the next test
        app.descent.training.TrainingThreads.stopAll(java.time.Duration.ofSeconds(300));
        Path home = Path.of(System.getProperty("descent.home", "target/descent-home"));
        Files.deleteIfExists(home.resolve("lessons").resolve(STUDY_LESSON + ".md"));
        Files.deleteIfExists(home.resolve("lessons").resolve(GRID_LESSON + ".md"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = Path.of(System.getProperty("descent.home", "target/descent-home"));
        Files.deleteIfExists(home.resolve(app.descent.io.ProgressStore.FILE));
        Files.deleteIfExists(home.resolve("lessons-progress.json"));
        // an instructor's lesson that runs a study preset in Compare
        Files.createDirectories(home.resolve("lessons"));
        Files.writeString(home.resolve("lessons").resolve(STUDY_LESSON + ".md"), """
                ---
                id: %s
                title: A study of initializers
                course: Exam topics
                minutes: 5
                ---

                ## Run the study

                ```descent-action
                workspace: compare
                study: initializers
                ```

                ```descent-check
                ask: Which initializer trains best?
                of: runs[0].testAccuracy
                at-least: 0
                explain: Compare the curves.
                ```
                """.formatted(STUDY_LESSON));
        // and one that compares a network of its own on a dataset, one setting varied
        Files.writeString(home.resolve("lessons").resolve(GRID_LESSON + ".md"), """
                ---
                id: %s
                title: A grid of one's own
                course: Exam topics
                minutes: 5
                ---

                ## Vary the optimizer

                ```descent-action
                workspace: compare
                model: |
                  import torch.nn as nn
                  model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
                dataset: moons
                epochs: 2
                vary: {optimizer: [sgd, adam]}
                ```

                ```descent-check
                ask: What test accuracy does Adam reach?
                of: runs[-1].testAccuracy
                at-least: 0
                explain: Adam adapts each weight's step.
                ```
                """.formatted(GRID_LESSON));
        shell = Workspaces.open(stage, Workspace.LEARN);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    private void open(FxRobot robot, String id) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-" + id).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        // the student scrolls the list down to the lesson
        javafx.scene.Node button = robot.lookup("#lesson-open-" + id).query();
        for (int i = 0; i < 60 && button.localToScene(button.getBoundsInLocal()).getMaxY()
                > button.getScene().getHeight() - 10; i++) {
            robot.clickOn(".learn-scroll .scroll-bar:vertical .increment-button");
        }
        robot.clickOn(button);
    }

    @Test
    void setsUpAndRunsTraining(FxRobot robot) throws Exception {
        open(robot, "p02a-training-loop");
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#lesson-next");
        }
        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.TRAINING);
        assertThat(robot.lookup("#dataset").queryAs(ComboBox.class).getValue()).isEqualTo("xor");
        assertThat(robot.lookup("#network").queryAs(ComboBox.class).getValue())
                .isEqualTo(TrainingViewModel.LESSON_NETWORK);
        assertThat(robot.lookup("#epochs").queryAs(Spinner.class).getValue()).isEqualTo(20);
        assertThat(robot.lookup("#lr-value").queryAs(Label.class).getText()).isEqualTo("0.050");
        assertThat(robot.lookup("#seed").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#history").queryAs(TableView.class).getItems()).as("set up, not run").isEmpty();

        robot.clickOn("#lesson-show-0");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).as("the answer is revealed").isPresent();
        waitFor(300, TimeUnit.SECONDS, () -> !robot.lookup("#train").queryButton().isDisabled());
    }

    @Test
    void setsUpAndShowsAPracticeExercise(FxRobot robot) throws Exception {
        open(robot, "exam-training-choices");
        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.PRACTICE);
        String expected = Difficulty.EASY.generate(Topics.get("iterations"), 3).question();
        assertThat(robot.lookup("#question").query().getAccessibleText()).isEqualTo(expected);
        assertThat(robot.lookup("#solution").query().isVisible()).isFalse();

        robot.clickOn("#lesson-show-0");
        assertThat(robot.lookup("#question").query().getAccessibleText()).isEqualTo(expected);
        assertThat(robot.lookup("#solution").query().isVisible()).as("Show me shows the worked solution").isTrue();
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).isPresent();
    }

    @Test
    void setsUpAndRacesAnOptimizerPath(FxRobot robot) throws Exception {
        open(robot, "p02d-optimizers-init");
        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.COMPARE);
        assertThat(robot.lookup("#compare-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("tab-paths");
        assertThat(robot.lookup("#surface-expression").queryAs(TextField.class).getText()).isEqualTo("x**2 + 10*y**2");
        assertThat(robot.lookup("#start-x").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#start-y").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#path-steps").queryAs(Spinner.class).getValue()).isEqualTo(20);
        TableView<app.descent.ui.compare.PathsViewModel.Racer> racers = robot.lookup("#racers").queryTableView();
        assertThat(racers.getItems().stream().filter(r -> r.enabledProperty().get()).toList())
                .extracting(app.descent.ui.compare.PathsViewModel.Racer::name).containsExactly("sgd");
        app.descent.ui.compare.PathsViewModel.Racer sgd = racers.getItems().stream()
                .filter(r -> r.name().equals("sgd")).findFirst().orElseThrow();
        assertThat(sgd.lrProperty().get()).isEqualTo("0.05");

        robot.clickOn("#lesson-show-0");
        waitFor(30, TimeUnit.SECONDS, () -> !sgd.resultProperty().get().isEmpty());
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).isPresent();
    }

    @Test
    void setsUpAndRunsAComparisonStudy(FxRobot robot) throws Exception {
        open(robot, STUDY_LESSON);
        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.COMPARE);
        assertThat(robot.lookup("#compare-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("tab-runs");
        assertThat(((app.descent.compare.Study) robot.lookup("#study").queryAs(ComboBox.class).getValue()).id())
                .isEqualTo("initializers");
        assertThat(robot.lookup("#run-study").queryButton().isDisabled()).as("set up, not run").isFalse();

        robot.clickOn("#lesson-show-0");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#run-study").queryButton().isDisabled());
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).isPresent();
        robot.clickOn("#stop-study");
        // Stop takes effect between steps; on a busy machine the first runs may still be loading
        waitFor(300, TimeUnit.SECONDS, () -> !robot.lookup("#run-study").queryButton().isDisabled());
    }

    @Test
    void setsUpAndRunsAGridOfTheLessonsOwn(FxRobot robot) throws Exception {
        open(robot, GRID_LESSON);
        robot.clickOn("#lesson-setup");
        assertThat(robot.lookup("#lesson-setup-problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.COMPARE);
        assertThat(robot.lookup("#compare-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("tab-runs");
        app.descent.compare.Study grid = (app.descent.compare.Study) robot.lookup("#study").queryAs(ComboBox.class)
                .getValue();
        assertThat(grid.id()).isEqualTo("custom");
        assertThat(grid.dataset()).isEqualTo("moons");
        assertThat(grid.code()).contains("nn.Linear(2, 16)");
        assertThat(grid.variation().values()).extracting(Object::toString).containsExactly("sgd", "adam");
        // the settings left out take descent compare's defaults: batch 64, seed 0, adam's learning rate for adam
        assertThat(grid.settings().epochs()).isEqualTo(2);
        assertThat(grid.settings().batchSize()).isEqualTo(64);
        assertThat(grid.settings().seed()).isZero();
        assertThat(grid.lrGiven()).isFalse();
        assertThat(robot.lookup("#vary").queryAs(TextField.class).getText()).isEqualTo("optimizer=sgd,adam");
        assertThat(robot.lookup("#study-setup").queryAs(Label.class).getText()).contains("moons").contains("2 epochs");
        assertThat(robot.lookup("#study-code").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("nn.Linear(2, 16)");
        TableView<?> report = robot.lookup("#report").queryAs(TableView.class);
        assertThat(report.getItems()).as("set up, not run").isEmpty();

        robot.clickOn("#lesson-show-0");
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).isPresent();
        waitFor(300, TimeUnit.SECONDS, () -> robot.lookup("#runs-status").queryAs(Label.class).getText()
                .startsWith("done"));
        assertThat(report.getItems()).hasSize(2);
        app.descent.ui.Screenshots.save(robot.window(0).getScene(), "lesson-compare-grid");
    }

    @Test
    void showMeStepsTheBackpropToTheEnd(FxRobot robot) throws Exception {
        open(robot, "backprop-basics");
        robot.clickOn("#lesson-setup");
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.BACKPROP);
        javafx.scene.control.Button end = robot.lookup("#to-end").queryButton();
        assertThat(end.isDisabled()).as("set up: at the start").isFalse();
        robot.clickOn("#lesson-show-0");
        assertThat(end.isDisabled()).as("Show me: stepped to the end").isTrue();
        assertThat(robot.lookup("#lesson-check-0 .lesson-explain").tryQuery()).isPresent();
    }
}
