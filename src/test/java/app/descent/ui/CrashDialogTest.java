package app.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.fx.CrashHandler;
import app.descent.ui.fx.CrashReport;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.ShellSettings;
import app.descent.ui.shell.Workspace;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.event.EventHandler;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An exception nobody caught: one dialog, the details in the log and on the clipboard, and the window goes on. */
@ExtendWith(ApplicationExtension.class)
class CrashDialogTest {
    /** A bug planted by the test: F12 in the window throws from a key handler, as a broken control would. */
    private static final EventHandler<KeyEvent> BUG = e -> {
        if (e.getCode() == KeyCode.F12) {
            throw new IllegalStateException("planted bug " + System.nanoTime());
        }
    };

    private Stage stage;
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread.UncaughtExceptionHandler fxBefore;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
        ShellSettings settings = ShellSettings.load();
        settings.clear();
        settings.saveWorkspace(Workspace.BACKPROP);
        Session.reset();
        DescentApp.open(stage);
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, BUG);
    }

    @AfterEach
    void restore(FxRobot robot) {
        Dialogs.use(null);
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
    }

    private static TextArea typeExpression(FxRobot robot, String text) {
        TextArea field = robot.lookup("#expression-field").queryAs(TextArea.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(text);
        return field;
    }

    @Test
    void anExceptionOnTheFxThreadOrAnyOtherIsReportedAndTheExpressionStays(FxRobot robot) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        Dialogs.use(dialogs);
        TextArea field = typeExpression(robot, "x*y+z");

        robot.type(KeyCode.F12);
        waitFor(10, TimeUnit.SECONDS, () -> dialogs.crashes.size() == 1);
        CrashReport report = dialogs.crashes.get(0);
        assertThat(report.sentence()).isEqualTo(CrashHandler.SENTENCE).doesNotContain("\n");
        assertThat(report.details()).contains("IllegalStateException: planted bug", "JavaFX Application Thread");
        assertThat(report.logFile()).isEqualTo(CrashHandler.logFile());
        assertThat(Files.readString(report.logFile())).contains(report.details());

        // nothing was lost, and the window still answers the keyboard
        assertThat(field.getText()).isEqualTo("x*y+z");
        robot.clickOn(field);
        robot.type(KeyCode.END);
        robot.write("+w");
        assertThat(field.getText()).isEqualTo("x*y+z+w");

        // a background thread's failure goes the same way
        Thread worker = new Thread(() -> {
            throw new ArithmeticException("failed in the background");
        }, "test-worker");
        worker.start();
        worker.join();
        waitFor(10, TimeUnit.SECONDS, () -> dialogs.crashes.size() == 2);
        assertThat(dialogs.crashes.get(1).details()).contains("ArithmeticException: failed in the background",
                "test-worker");
    }

    @Test
    void theRealDialogSaysOneSentenceCopiesTheDetailsAndNamesTheLog(FxRobot robot) throws Exception {
        TextArea field = typeExpression(robot, "max(a,b)*c");
        robot.type(KeyCode.F12);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crash-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#crash-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo(CrashHandler.SENTENCE);
        assertThat(robot.lookup("#crash-log-path").queryAs(Label.class).getText())
                .contains(CrashHandler.logFile().toAbsolutePath().toString())
                .endsWith("logs/descent.log");
        Screenshots.save(pane.getScene(), "crash-dialog");

        robot.clickOn("#copy-details");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).contains("IllegalStateException: planted bug", "at ");
        assertThat(robot.lookup("#crash-dialog").tryQuery()).isPresent();

        robot.clickOn("Close");
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#crash-dialog").tryQuery().isEmpty());
        assertThat(field.getText()).isEqualTo("max(a,b)*c");
        robot.clickOn(field);
        robot.type(KeyCode.END);
        robot.write("+1");
        assertThat(field.getText()).isEqualTo("max(a,b)*c+1");
    }
}
