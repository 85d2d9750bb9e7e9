package app.descent.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.training.TrainingThread;
import app.descent.ui.Screenshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellTest {
    private Stage stage;
    private ShellView shell;

    @Start
    void start(Stage stage) {
        // these tests close the window; the toolkit must outlive it for the next test (the app itself exits then)
        javafx.application.Platform.setImplicitExit(false);
        ShellSettings.load().clear();
        this.stage = stage;
        shell = ShellView.open(stage);
    }

    @Test
    void visitsEveryWorkspaceByClickingAndSavesScreenshots(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("Descent");
        waitFor(60, TimeUnit.SECONDS, () -> !shell.model().engineLoadingProperty().get());
        assertThat(robot.lookup("#engine-label").queryAs(Label.class).getText()).startsWith("PyTorch 2.5.1 · CPU");
        Screenshots.save(stage.getScene(), "shell");

        for (Workspace w : Workspace.values()) {
            robot.clickOn("#nav-" + w.id());
            assertThat(shell.model().workspaceProperty().get()).isEqualTo(w);
            assertThat(robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class).isSelected()).isTrue();
            StackPane content = robot.lookup(".workspace-host").queryAs(StackPane.class);
            assertThat(content.getChildren()).hasSize(1);
            assertThat(content.getChildren().get(0).getId()).isEqualTo(w.id() + "-view");
            assertThat(Files.size(Screenshots.saveUnlessFresh(stage.getScene(), w.id()))).isGreaterThan(10_000);
        }
    }

    @Test
    void theFirstLaunchOpensOnLearnWithTheLessonsListedAfterTheFirstFrame(FxRobot robot) throws Exception {
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.LEARN);
        assertThat(robot.lookup("#nav-learn").queryAs(ToggleButton.class).isSelected()).isTrue();
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-backprop-basics").tryQuery().isPresent());
        StackPane content = robot.lookup(".workspace-host").queryAs(StackPane.class);
        assertThat(content.getChildren().get(0).getId()).isEqualTo("learn-view");
    }

    @Test
    void shortcutsSwitchWorkspacesAndTheChoiceIsRemembered(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.TRAINING);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.PRACTICE);
        assertThat(ShellSettings.load().workspace()).isEqualTo(Workspace.PRACTICE);
    }

    @Test
    void windowBoundsAreSavedOnCloseAndRestoredOnTheNextStart(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertThat(ShellSettings.load().bounds()).isEqualTo(new ShellSettings.Bounds(40, 30, 1000, 700, false));

        robot.interact(() -> {
            Stage next = new Stage();
            ShellView.open(next);
            assertThat(next.getWidth()).isEqualTo(1000);
            assertThat(next.getX()).isEqualTo(40);
            next.close();
        });
    }

    @Test
    void aWindowSavedLargerThanTheScreenAndAboveItsTopIsFittedIntoTheScreen(FxRobot robot) {
        ShellSettings.load().saveBounds(new ShellSettings.Bounds(-30, -11, 1600, 1000, false));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        robot.interact(() -> {
            Stage next = new Stage();
            ShellView.open(next);
            assertThat(next.getY()).isGreaterThanOrEqualTo(screen.getMinY());
            assertThat(next.getX()).isGreaterThanOrEqualTo(screen.getMinX());
            assertThat(next.getX() + next.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
            assertThat(next.getY() + next.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
            next.close();
        });
        // and what is saved next is what was shown
        ShellSettings.Bounds saved = ShellSettings.load().bounds();
        assertThat(saved.y()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(saved.height()).isLessThanOrEqualTo(screen.getHeight());
    }

    @Test
    void ctrlQQuitsAtOnceWhenNothingWouldBeLost(FxRobot robot) {
        List<String> asked = new ArrayList<>();
        shell.setQuitConfirmation(q -> asked.add(q));
        robot.interact(() -> stage.setX(17));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        assertThat(stage.isShowing()).isFalse();
        assertThat(asked).isEmpty();
        assertThat(ShellSettings.load().bounds().x()).isEqualTo(17);
    }

    @Test
    void ctrlQAsksFirstWhileSomethingTrainsAndStaysWhenTheAnswerIsNo(FxRobot robot) throws Exception {
        CountDownLatch run = new CountDownLatch(1);
        Future<?> training = TrainingThread.submit(() -> {
            try {
                run.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            List<String> asked = new ArrayList<>();
            boolean[] answer = {false};
            shell.setQuitConfirmation(q -> asked.add(q) && answer[0]);
            robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0)).contains("Training is running");
            assertThat(stage.isShowing()).isTrue();
            // the window's close button asks the same
            robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
            assertThat(asked).hasSize(2);
            assertThat(stage.isShowing()).isTrue();

            answer[0] = true;
            robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
            assertThat(asked).hasSize(3);
            assertThat(stage.isShowing()).isFalse();
        } finally {
            run.countDown();
            training.get(60, TimeUnit.SECONDS);
        }
        waitFor(10, TimeUnit.SECONDS, () -> !TrainingThread.busy());
    }

    @Test
    void aWindowDestroyedWithoutACloseRequestStillSavesItsPlace(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(23);
            stage.setWidth(900);
            stage.hide();
        });
        assertThat(ShellSettings.load().bounds().x()).isEqualTo(23);
        assertThat(ShellSettings.load().bounds().width()).isEqualTo(900);
    }

    @Test
    void aboutShowsVersionsAndDataCredits(FxRobot robot) {
        robot.clickOn("#about-button");
        String text = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupAll(".label").stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(text).contains("Descent 0.1.0", "21.0.6", "0.32.0", "MNIST", "Fashion-MNIST", "MIT");
        robot.clickOn("Close");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    @Test
    void clickingTheSelectedWorkspaceKeepsItSelected(FxRobot robot) {
        robot.clickOn("#nav-builder").clickOn("#nav-builder");
        assertThat(robot.lookup("#nav-builder").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(shell.model().workspaceProperty().get()).isEqualTo(Workspace.BUILDER);
    }

    @Test
    void presentationModeEnlargesTextAndDarkThemeIsRemembered(FxRobot robot) {
        Node title = robot.lookup(".app-title").query();
        double normal = ((Label) title).getFont().getSize();
        robot.clickOn("#presentation-toggle");
        robot.interact(() -> title.applyCss());
        double large = ((Label) title).getFont().getSize();
        assertThat(large).isGreaterThanOrEqualTo(1.5 * normal);
        Label item = robot.lookup(".status-hint").queryAs(Label.class);
        assertThat(item.getFont().getSize()).isGreaterThanOrEqualTo(1.5 * 14 - 0.01);

        robot.clickOn("#dark-toggle");
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("dark", ShellView.PRESENTATION);
        assertThat(ShellSettings.load().dark()).isTrue();
        assertThat(ShellSettings.load().presentation()).isTrue();
        Screenshots.save(stage.getScene(), "shell-presentation-dark");
    }
}
