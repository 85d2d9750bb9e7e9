package app.descent.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A student opens a lesson file from anywhere with "Open lesson file…"; a broken file shows its one-line error. */
@ExtendWith(ApplicationExtension.class)
class LessonFileTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AtomicReference<File> answer = new AtomicReference<>();
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Path.of(System.getProperty("descent.home", "target/descent-home"));
        Files.deleteIfExists(home.resolve(app.descent.io.ProgressStore.FILE));
        Files.deleteIfExists(home.resolve("lessons-progress.json"));
        folder = Files.createTempDirectory("descent-lesson-file");
        dialogs.answerOpen(pattern -> answer.get());
        Dialogs.use(dialogs);
        Workspaces.open(stage, Workspace.LEARN);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void restore() {
        Dialogs.use(null);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean panelShown(FxRobot robot) {
        return robot.lookup("#lesson-panel").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#lesson-panel").query().getScene() != null;
    }

    @Test
    void opensALessonFileAndShowsABrokenOnesError(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-backprop-basics").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        int rows = robot.lookup(".lesson-row").queryAll().size();

        // Cancel: nothing happens
        robot.clickOn("#learn-open-file");
        assertThat(dialogs.calls).containsExactly("open *.md");
        assertThat(robot.lookup("#learn-file-error").query().isVisible()).isFalse();
        assertThat(panelShown(robot)).isFalse();

        // a broken file: its one-line error, nothing else changes
        Path broken = folder.resolve("broken.md");
        Files.writeString(broken, """
                ---
                id: my-broken-lesson
                title: Broken
                course: Mine
                minutes: 5
                ---

                ## A step

                ```descent-action
                workspace: kitchen
                ```
                """);
        answer.set(broken.toFile());
        robot.clickOn("#learn-open-file");
        Label error = robot.lookup("#learn-file-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith(broken + ":11: ").contains("kitchen").doesNotContain("\n");
        assertThat(panelShown(robot)).isFalse();
        assertThat(robot.lookup(".lesson-row").queryAll()).hasSize(rows);
        app.descent.ui.Screenshots.save(robot.window(0).getScene(), "lesson-file-error");

        // a good file: opened in the lesson panel, math typeset, the error gone
        Path good = folder.resolve("mine.md");
        Files.writeString(good, """
                ---
                id: my-own-lesson
                title: My own chain rule
                course: Mine
                minutes: 5
                ---

                ## The product gate

                For $f = xy$ the gradient $\\partial f / \\partial x$ is $y$.

                ```descent-action
                workspace: backprop
                expression: x*y
                values: {x: 3, y: -4}
                ```

                ```descent-check
                ask: What is the gradient of $f$ with respect to $x$?
                answer: -4
                of: gradients.x
                ```

                ## Done

                That is all.
                """);
        answer.set(good.toFile());
        robot.clickOn("#learn-open-file");
        assertThat(panelShown(robot)).isTrue();
        assertThat(text(robot, "#lesson-title")).isEqualTo("My own chain rule");
        assertThat(text(robot, "#lesson-step")).isEqualTo("Step 1 of 2: The product gate");
        assertThat(robot.lookup(".math").queryAllAs(ImageView.class)).extracting(ImageView::getUserData)
                .contains("f = xy", "y");
        assertThat(robot.lookup("#learn-file-error").query().isVisible()).isFalse();
        assertThat(dialogs.count("open *.md")).isEqualTo(3);
        // the opened lesson is on the list too
        assertThat(robot.lookup(".lesson-row").queryAll()).hasSize(rows + 1);
        assertThat(robot.lookup("#lesson-open-my-own-lesson").tryQuery()).isPresent();

        // a file with a shipped lesson's id replaces it on the list
        Path override = folder.resolve("override.md");
        Files.writeString(override, """
                ---
                id: backprop-basics
                title: Our own backprop
                course: Backprop tutorial
                minutes: 5
                ---

                ## Only step

                That is all.
                """);
        answer.set(override.toFile());
        robot.clickOn("#learn-open-file");
        assertThat(text(robot, "#lesson-title")).isEqualTo("Our own backprop");
        assertThat(robot.lookup(".lesson-row").queryAll()).hasSize(rows + 1);
        assertThat(robot.lookup(".lesson-row .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Our own backprop").doesNotContain("Backpropagation through 2((xy) + max(z, w))");
        robot.clickOn("#lesson-close");
        answer.set(good.toFile());
        robot.clickOn("#learn-open-file");

        robot.clickOn("#lesson-setup");
        assertThat(robot.lookup("#expression-field").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("x*y");
    }
}
