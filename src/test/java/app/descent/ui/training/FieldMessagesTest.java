package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 18: a number the Training form cannot take is named in a message right beside its field. */
@ExtendWith(ApplicationExtension.class)
class FieldMessagesTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.TRAINING);
        Workspaces.laptopSize(stage);
    }

    private static void typeOver(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        Workspaces.reveal(robot, field);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void aNegativeClipNormAndAWordForASeedAreNamedBesideTheirFields(FxRobot robot) {
        Label clip = robot.lookup("#clip-message").queryAs(Label.class);
        assertThat(clip.isVisible()).isFalse();
        typeOver(robot, "#clip", "-1");
        assertThat(clip.getText()).isEqualTo("clip norm must be 0 (off) or more, not -1");
        assertThat(clip.isVisible()).isTrue();
        // beside the field: right under it, in its column
        Bounds field = robot.lookup("#clip").query().localToScene(robot.lookup("#clip").query().getLayoutBounds());
        Bounds message = clip.localToScene(clip.getLayoutBounds());
        assertThat(message.getMinY()).isBetween(field.getMaxY(), field.getMaxY() + 8);
        assertThat(message.getMinX()).isEqualTo(field.getMinX());

        typeOver(robot, "#seed", "forty");
        assertThat(robot.lookup("#seed-message").queryAs(Label.class).getText())
                .isEqualTo("seed: 'forty' is not a whole number");
        Screenshots.save(stage.getScene(), "training-field-messages");

        typeOver(robot, "#clip", "0.5");
        assertThat(clip.isVisible()).isFalse();
        typeOver(robot, "#seed", "42");
        assertThat(robot.lookup("#seed-message").queryAs(Label.class).isVisible()).isFalse();
    }
}
