package app.descent.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.cli.LessonCommand;
import app.descent.lessons.LessonCatalog;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window started as {@code descent --lessons DIR} lists that folder's lessons, and those of ~/.descent/lessons:
 * each adds lessons or replaces one by id, and a broken file is listed with its error.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFoldersTest {
    private static final String HOME_LESSON = "zz-home-folder-lesson";
    private Path home;

    private static String lesson(String id, String title) {
        return """
                ---
                id: %s
                title: %s
                course: Backprop tutorial
                minutes: 5
                ---

                ## Only step

                That is all.
                """.formatted(id, title);
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Path.of(System.getProperty("descent.home", "target/descent-home"));
        Files.createDirectories(home.resolve("lessons"));
        Files.writeString(home.resolve("lessons").resolve(HOME_LESSON + ".md"), lesson(HOME_LESSON, "From my home"));
        Path dir = Files.createTempDirectory("descent-window-lessons");
        Files.writeString(dir.resolve("override.md"), lesson("backprop-basics", "Our own backprop"));
        Files.writeString(dir.resolve("broken.md"), lesson("broken-one", "Broken").replace("## Only step",
                "## Only step\n\n```descent-action\nworkspace: kitchen\n```"));
        // as the launcher does for: descent --lessons DIR
        assertThat(LessonCommand.opensWindow("--lessons", dir.toString())).isTrue();
        assertThat(LessonCommand.windowFolders("--lessons", dir.toString())).isZero();
        Workspaces.open(stage, Workspace.LEARN);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @AfterEach
    void restore() throws Exception {
        System.clearProperty(LessonCatalog.WINDOW_FOLDERS);
        Files.deleteIfExists(home.resolve("lessons").resolve(HOME_LESSON + ".md"));
    }

    @Test
    void listsTheHomeFolderAndTheStartFoldersLessons(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-open-exam-perceptron").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lesson-open-" + HOME_LESSON).tryQuery()).as("the home folder adds").isPresent();
        assertThat(robot.lookup(".lesson-row .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the start folder overrides by id").contains("Our own backprop", "From my home")
                .doesNotContain("Backpropagation through 2((xy) + max(z, w))");
        assertThat(robot.lookup(".lesson-error").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("broken.md:").contains("unknown workspace 'kitchen'"));
        assertThat(robot.lookup("#lesson-open-exam-perceptron").tryQuery()).as("the rest of the list stays").isPresent();
    }
}
