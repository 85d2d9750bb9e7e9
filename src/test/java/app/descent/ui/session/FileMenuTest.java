package app.descent.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.session.SessionDocument;
import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.ShellView;
import app.descent.ui.shell.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu as a person uses it: refusals, the discard question, recent files, autosave, opened files. */
@ExtendWith(ApplicationExtension.class)
class FileMenuTest {
    @TempDir
    Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Stage> stages = new ArrayList<>();
    private ShellView shell;

    @BeforeEach
    void dialogs() throws Exception {
        Dialogs.use(dialogs);
        RecentFiles.standard().list().forEach(f -> RecentFiles.standard().remove(f));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
        Dialogs.use(null);
    }

    void window(FxRobot robot, Workspace w) {
        robot.interact(() -> {
            stages.forEach(Stage::close);
            Stage s = new Stage();
            stages.add(s);
            shell = Workspaces.open(s, w);
            Workspaces.laptopSize(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    Stage stage() {
        return stages.get(stages.size() - 1);
    }

    <T extends Node> T find(FxRobot robot, String query) {
        return robot.from(stage().getScene().getRoot()).lookup(query).query();
    }

    String expression(FxRobot robot) {
        return this.<TextArea>find(robot, "#expression-field").getText();
    }

    void typeExpression(FxRobot robot, String text) {
        robot.clickOn(this.<Node>find(robot, "#expression-field")).press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void keys(FxRobot robot, KeyCode... codes) {
        robot.press(codes);
        List<KeyCode> reversed = new ArrayList<>(List.of(codes));
        java.util.Collections.reverse(reversed);
        robot.release(reversed.toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    Path zip(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("session.json"));
            z.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return f;
    }

    void saveAs(FxRobot robot, Path file) {
        dialogs.answerSave(n -> file.toFile());
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        assertThat(file).exists();
    }

    @Test
    void damagedFutureAndRefusedFilesChangeNothingAndSayOneLine(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        // the Builder built too, with a network: a file that Backprop refuses must not change it either
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        robot.clickOn(this.<Node>find(robot, "#palette-search")).write("ReLU").type(KeyCode.ENTER);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        typeExpression(robot, "p*q");
        Path good = dir.resolve("good.descent");
        saveAs(robot, good);
        typeExpression(robot, "p*q*r");
        String title = stage().getTitle();
        assertThat(title).isEqualTo("Descent — good.descent*");

        Path damaged = Files.write(dir.resolve("damaged.descent"), new byte[] {'P', 'K', 3, 4, 0, 0, 9});
        String now = java.time.Instant.now().toString();
        Path future = zip("future.descent", "{\"format\": \"descent-session\", \"version\": 7, \"savedAt\": \"" + now
                + "\", \"workspaces\": {}}");
        Path refused = zip("refused.descent", "{\"format\": \"descent-session\", \"version\": 1, \"savedAt\": \""
                + now + "\", \"workspaces\": {\"builder\": {\"network\": {\"format\": \"descent-network\"}},"
                + " \"backprop\": {\"expression\": \"x\", \"step\": 99}}}");
        dialogs.answerConfirm(t -> t.equals(FileMenu.DISCARD));
        for (Path f : List.of(damaged, future, refused)) {
            dialogs.calls.clear();
            dialogs.answerOpen(p -> f.toFile());
            keys(robot, KeyCode.CONTROL, KeyCode.O);
            List<String> errors = dialogs.calls.stream().filter(c -> c.startsWith("error ")).toList();
            assertThat(errors).as(f.getFileName().toString()).hasSize(1);
            assertThat(errors.get(0)).contains(f.getFileName().toString()).doesNotContain("\n", "Exception");
            assertThat(expression(robot)).as("Backprop unchanged").isEqualTo("p*q*r");
            assertThat(stage().getTitle()).as("still the same file, still unsaved").isEqualTo(title);
            assertThat(shell.files().model().file()).isEqualTo(good);
        }
        assertThat(dialogs.calls.get(dialogs.calls.size() - 1)).contains("backprop", "'step' 99");
        assertThat(String.join("\n", dialogs.calls)).doesNotContain("future.descent: saved by a newer");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(this.<javafx.scene.control.TableView<?>>find(robot, "#layers").getItems()).as("Builder unchanged")
                .hasSize(1);
    }

    @Test
    void aNewerVersionNamesBothVersions(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        Path future = zip("future.descent", "{\"format\": \"descent-session\", \"version\": 7, \"savedAt\": \""
                + java.time.Instant.now() + "\", \"workspaces\": {}}");
        dialogs.answerOpen(p -> future.toFile());
        keys(robot, KeyCode.CONTROL, KeyCode.O);
        assertThat(dialogs.calls).contains("error future.descent: saved by a newer Descent: session version 7,"
                + " this one reads up to " + SessionDocument.VERSION);
    }

    @Test
    void newAndOpenAskBeforeDiscardingUnsavedWork(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        keys(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(dialogs.count("confirm")).as("nothing unsaved: no question").isZero();
        typeExpression(robot, "u+v");
        assertThat(stage().getTitle()).isEqualTo("Descent — Untitled*");

        dialogs.answerConfirm(t -> false);
        keys(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(dialogs.calls).contains("confirm " + FileMenu.DISCARD);
        assertThat(expression(robot)).as("kept: the person said no").isEqualTo("u+v");
        dialogs.answerOpen(p -> {
            throw new AssertionError("no chooser after a no");
        });
        keys(robot, KeyCode.CONTROL, KeyCode.O);
        assertThat(dialogs.count("confirm")).isEqualTo(2);
        assertThat(expression(robot)).isEqualTo("u+v");

        dialogs.answerConfirm(t -> true);
        keys(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(expression(robot)).as("a new session's Backprop").isNotEqualTo("u+v");
        ComboBox<?> presets = find(robot, "#presets");
        assertThat(presets.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(stage().getTitle()).isEqualTo("Descent");
    }

    @Test
    void theMenuOpensRecentSessionsAndDropsGoneOnes(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        typeExpression(robot, "a+b");
        Path first = dir.resolve("first.descent");
        saveAs(robot, first);
        typeExpression(robot, "c*d");
        Path second = dir.resolve("second.descent");
        saveAs(robot, second);
        Path gone = dir.resolve("gone.descent");
        saveAs(robot, gone);
        Files.delete(gone);

        window(robot, Workspace.BACKPROP);
        robot.clickOn(this.<Node>find(robot, "#file-menu"));
        robot.clickOn("Open Recent");
        assertThat(robot.lookup("gone.descent").tryQuery()).as("a gone file is not offered").isEmpty();
        assertThat(robot.lookup("second.descent").tryQuery()).isPresent();
        capture(robot, "file-menu");
        robot.clickOn("first.descent");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(expression(robot)).isEqualTo("a+b");
        assertThat(stage().getTitle()).isEqualTo("Descent — first.descent");
        assertThat(RecentFiles.standard().list()).containsExactly(first, second);

        // the menu's own items do what their shortcuts do
        robot.clickOn(this.<Node>find(robot, "#file-menu"));
        robot.clickOn("Save As…");
        assertThat(dialogs.calls).contains("save first.descent");
        assertThat(dialogs.count("open")).as("Ctrl+O was never pressed, the menu item opened nothing twice")
                .isZero();
    }

    @Test
    void aSessionGivenAtStartOpensInTheWindow(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        typeExpression(robot, "m-n");
        Path file = dir.resolve("lecture.descent");
        saveAs(robot, file);
        assertThat(app.descent.Launcher.opensSession(new String[] {file.toString()})).isTrue();
        assertThat(app.descent.Launcher.opensSession(new String[] {dir.resolve("none.descent").toString()}))
                .as("a missing file goes to the command line, which names it").isFalse();
        assertThat(app.descent.Launcher.opensSession(new String[] {"grad", "x"})).isFalse();

        window(robot, Workspace.BACKPROP);
        robot.interact(() -> shell.files().start(file, null, javafx.util.Duration.minutes(1)));
        assertThat(expression(robot)).isEqualTo("m-n");
        assertThat(stage().getTitle()).isEqualTo("Descent — lecture.descent");
    }

    @Test
    void aWorkspaceNotBuiltKeepsItsStateUntilBuiltAndIsSavedAgainUnchanged(FxRobot robot) throws Exception {
        window(robot, Workspace.PRACTICE);
        WaitForAsyncUtils.waitForFxEvents();
        Path first = dir.resolve("first.descent");
        saveAs(robot, first);
        com.fasterxml.jackson.databind.JsonNode practice = SessionDocument.read(first).workspaces().get("practice");

        window(robot, Workspace.BACKPROP);
        dialogs.answerOpen(p -> first.toFile());
        keys(robot, KeyCode.CONTROL, KeyCode.O);
        assertThat(Sessions.registered()).doesNotContainKey("practice");
        Path again = dir.resolve("again.descent");
        saveAs(robot, again);
        assertThat(SessionDocument.read(again).workspaces().get("practice")).as("kept unchanged").isEqualTo(practice);

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        assertThat(this.<javafx.scene.control.Label>find(robot, "#seed").getText()).as("given to it when built")
                .endsWith("seed " + practice.get("seed").asLong());
        assertThat(stage().getTitle()).isEqualTo("Descent — again.descent");
    }

    @Test
    void aDroppedSessionOpens(FxRobot robot) throws Exception {
        window(robot, Workspace.BACKPROP);
        typeExpression(robot, "g/h");
        Path file = dir.resolve("dropped.descent");
        saveAs(robot, file);
        window(robot, Workspace.BACKPROP);
        robot.interact(() -> shell.files().dropped(file));
        assertThat(expression(robot)).isEqualTo("g/h");
    }

    /** The window's top left with its popups, as the screen shows it (a scene's snapshot has no popups). */
    void capture(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Rectangle2D area = new javafx.geometry.Rectangle2D(stage().getX(), stage().getY(), 640, 300);
        javafx.scene.image.Image image = robot.capture(area).getImage();
        Path shots = Path.of(System.getProperty("descent.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                shots.resolve(name + ".png").toFile());
    }

    // ------------------------------------------------------------------------------------------ autosave

    @Test
    void unsavedWorkIsAutosavedAndOfferedBackAfterACrash(FxRobot robot) throws Exception {
        Path home = dir.resolve("home");
        window(robot, Workspace.BACKPROP);
        Autosave first = Autosave.claim(home);
        robot.interact(() -> shell.files().start(null, first, javafx.util.Duration.millis(300)));
        assertThat(first.file().getFileName().toString()).isEqualTo("autosave.descent");
        typeExpression(robot, "k*k + 1");
        // a write may come while the expression is half typed; the next one has all of it
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
            first.flush();
            return first.hasWritten() && java.nio.file.Files.isRegularFile(first.file())
                    && SessionDocument.read(first.file()).workspaces().get("backprop").path("expression").asText()
                            .equals("k*k + 1");
        });
        // killed: no clean exit, the file stays
        robot.interact(first::abandon);

        window(robot, Workspace.BACKPROP);
        assertThat(expression(robot)).isNotEqualTo("k*k + 1");
        Autosave second = Autosave.claim(home);
        assertThat(second.leftover()).contains(first.file());
        dialogs.answerConfirm(t -> t.equals(FileMenu.RESTORE));
        robot.interact(() -> shell.files().start(null, second, javafx.util.Duration.minutes(10)));
        assertThat(dialogs.calls).contains("confirm " + FileMenu.RESTORE);
        assertThat(expression(robot)).isEqualTo("k*k + 1");
        assertThat(stage().getTitle()).as("restored, but in no file yet").isEqualTo("Descent — Untitled*");

        // a clean exit leaves nothing to offer
        robot.interact(() -> stage().close());
        assertThat(second.file()).doesNotExist();
        Autosave third = Autosave.claim(home);
        assertThat(third.leftover()).isEmpty();
        third.close();
    }

    @Test
    void twoRunningInstancesWriteTwoAutosaves(FxRobot robot) throws Exception {
        Path home = dir.resolve("home");
        Process other = app.descent.io.ChildJvm.of(home, AutosaveHolder.class, home.toString()).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream()));
            assertThat(said.readLine()).isEqualTo("autosave.descent");
            Autosave mine = Autosave.claim(home);
            assertThat(mine.file().getFileName().toString()).isEqualTo("autosave-2.descent");
            assertThat(mine.leftover()).as("a running Descent's autosave is not a crash's").isEmpty();
            Autosave third = Autosave.claim(home);
            assertThat(third.file()).as("two windows of one process neither").isNotEqualTo(mine.file());

            window(robot, Workspace.BACKPROP);
            typeExpression(robot, "z*2");
            robot.interact(() -> mine.saveNow(shell.files().model()));
            mine.flush();
            assertThat(mine.file()).exists();
            assertThat(home.resolve("autosave.descent")).as("the other instance's file untouched").doesNotExist();
            third.close();
            mine.close();
        } finally {
            other.getOutputStream().close();
            other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            other.destroyForcibly();
        }
    }
}
