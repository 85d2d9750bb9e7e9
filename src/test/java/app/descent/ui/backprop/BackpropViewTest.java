package app.descent.ui.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BackpropViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.BACKPROP);
    }

    private static String nodeText(FxRobot robot, int id) {
        return robot.lookup("#node-" + id).queryAll().stream().findFirst()
                .map(n -> ((javafx.scene.Parent) n).getChildrenUnmodifiable().stream()
                        .map(c -> ((Label) c).getText()).reduce("", (a, b) -> a + "|" + b))
                .orElse("");
    }

    @Test
    void typesTheTutorialExpressionAndStepsThroughBothPasses(FxRobot robot) {
        TextArea field = robot.lookup("#expression-field").queryAs(TextArea.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("2((xy)+max(z,w))");
        assertThat(robot.lookup("#expression-error").queryAs(Label.class).isVisible()).isFalse();
        // the table keeps the preset's values for x, y, z, w
        TableView<?> vars = robot.lookup("#variables").queryAs(TableView.class);
        assertThat(vars.getItems()).hasSize(4);

        Button step = robot.lookup("#step-forward").queryAs(Button.class);
        int clicks = 0;
        Label text = robot.lookup("#step-text").queryAs(Label.class);
        while (!text.getText().contains("max routes")) {
            robot.clickOn(step);
            assertThat(++clicks).isLessThan(40);
        }
        assertThat(text.getText()).contains("z");
        Screenshots.save(stage.getScene(), "backprop");

        robot.clickOn("#to-end");
        assertThat(step.isDisabled()).isTrue();
        assertThat(robot.lookup("#result").queryAs(Label.class).getText()).contains("-20");
        TableView<BackpropViewModel.Gradient> grads = robot.lookup("#gradients").queryAs(TableView.class);
        assertThat(grads.getItems()).extracting(BackpropViewModel.Gradient::name).containsExactly("x", "y", "z", "w");
        assertThat(grads.getItems()).extracting(BackpropViewModel.Gradient::analytic)
                .containsExactly(-8.0, 6.0, 2.0, 0.0);
    }

    @Test
    void aLargePresetFitsInPresentationMode(FxRobot robot) {
        robot.clickOn("#presentation-toggle");
        javafx.scene.control.ComboBox<Presets.Preset> presets = robot.lookup("#presets").queryComboBox();
        robot.interact(() -> presets.getSelectionModel().select(
                Presets.ALL.stream().filter(p -> p.name().startsWith("TUM")).findFirst().orElseThrow()));
        robot.clickOn("#graph-only");
        robot.clickOn("#to-end");
        assertThat(robot.lookup("#result").queryAs(Label.class).getText()).contains("w21 ← 0.5 − 0.1 × 4 = 0.1");
        Screenshots.save(stage.getScene(), "backprop-tum-presentation");
    }

    @Test
    void theLegendHighlightsEveryNodeOfAPattern(FxRobot robot) {
        robot.clickOn("#pattern-max");
        assertThat(robot.lookup(".pattern-highlight").queryAll()).hasSize(1);
        robot.clickOn("#pattern-mul");
        // the output 2 × (…) and x × y
        assertThat(robot.lookup(".pattern-highlight").queryAll()).hasSize(2);
        robot.clickOn("#pattern-mul");
        assertThat(robot.lookup(".pattern-highlight").queryAll()).isEmpty();
    }

    @Test
    void aSyntaxErrorShowsACaretUnderTheColumn(FxRobot robot) {
        TextArea field = robot.lookup("#expression-field").queryAs(TextArea.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("2*(x+)");
        Label error = robot.lookup("#expression-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("column 6").contains("^");
        robot.type(KeyCode.BACK_SPACE).write("y)");
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void predictThenRevealChecksTheTypedGradient(FxRobot robot) {
        robot.clickOn("#predict");
        Button step = robot.lookup("#step-forward").queryAs(Button.class);
        Label counter = robot.lookup("#step-counter").queryAs(Label.class);
        while (!robot.lookup("#feedback").queryAs(Label.class).getText().startsWith("Type")) {
            robot.clickOn(step);
        }
        String before = counter.getText();
        robot.clickOn("#prediction").write("12345");
        robot.clickOn("#check-prediction");
        assertThat(robot.lookup("#feedback").queryAs(Label.class).getText()).startsWith("✗");
        robot.clickOn(step);
        assertThat(counter.getText()).isNotEqualTo(before);
    }
}
