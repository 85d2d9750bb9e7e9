package app.descent.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.practice.Exercise;
import app.descent.practice.Topics;
import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PracticeViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.PRACTICE);
    }

    private static PracticeViewModel model(FxRobot robot) {
        javafx.scene.Node view = robot.lookup("#practice-view").query();
        return (PracticeViewModel) view.getProperties().get(PracticeView.MODEL_KEY);
    }

    /** The RNN's hidden states worked out here, independently of the topic's own solution. */
    private static String rnnAnswer(Exercise e) {
        JsonNode g = e.given();
        double h = g.get("h0").asDouble();
        List<String> out = new ArrayList<>();
        for (JsonNode x : g.get("x")) {
            double z = g.get("V").asDouble() * h + g.get("W").asDouble() * x.asDouble();
            h = g.get("activation").asText().equals("relu") ? Math.max(0, z) : Math.tanh(z);
            out.add(String.valueOf(h));
        }
        return String.join(", ", out);
    }

    @Test
    void answersOnceWronglyThenRightlyAndSeesTheWorking(FxRobot robot) {
        ListView<String> topics = robot.lookup("#topics").queryListView();
        String title = Topics.get("rnn-steps").title();
        robot.interact(() -> topics.getSelectionModel().select(title));
        Exercise e = model(robot).exerciseProperty().get();
        assertThat(e.topic()).isEqualTo("rnn-steps");
        Progress.Tally before = Progress.standard().tally("rnn-steps");
        assertThat(robot.lookup("#question").queryAs(Label.class).getText()).isEqualTo(e.question());

        TextField answer = robot.lookup("#answer").queryAs(TextField.class);
        robot.clickOn(answer).write("1, 2, 3, 4, 5, 6".substring(0, 3 * e.given().get("x").size() - 2));
        robot.clickOn("#check");
        Label feedback = robot.lookup("#feedback").queryAs(Label.class);
        assertThat(feedback.getText()).startsWith("✗");
        assertThat(robot.lookup("#solution").queryAs(javafx.scene.layout.VBox.class).isVisible()).isTrue();

        // the missed exercise is listed and comes back the same
        ListView<?> missed = robot.lookup("#missed").queryListView();
        assertThat(missed.getItems()).isNotEmpty();
        assertThat(missed.getItems().get(0).toString()).startsWith("rnn-steps");
        robot.clickOn("#new-exercise");
        assertThat(model(robot).exerciseProperty().get().question()).isNotEqualTo(e.question());
        @SuppressWarnings("unchecked")
        ListView<Progress.Missed> missedList = (ListView<Progress.Missed>) missed;
        robot.interact(() -> missedList.getSelectionModel().select(0));
        assertThat(model(robot).exerciseProperty().get().question()).isEqualTo(e.question());

        robot.interact(answer::clear);
        robot.clickOn(answer).write(rnnAnswer(e));
        robot.clickOn("#check");
        assertThat(feedback.getText()).startsWith("✓");
        javafx.scene.control.ToggleButton working = robot.lookup("#show-solution").query();
        if (!working.isSelected()) {
            robot.clickOn(working);
        }
        assertThat(robot.lookup("#solution").queryAs(javafx.scene.layout.VBox.class).getChildren()).hasSizeGreaterThan(2);
        String expected = (before.correct() + 1) + " of " + (before.attempted() + 2) + " right";
        assertThat(robot.lookup("#progress").queryListView().getItems()).anyMatch(s -> s.toString().contains(expected));
        assertThat(Progress.standard().tally("rnn-steps").attempted()).isEqualTo(before.attempted() + 2);
        Screenshots.save(stage.getScene(), "practice");
    }

    @Test
    void aBackpropExerciseOpensInTheBackpropWorkspace(FxRobot robot) {
        ListView<String> topics = robot.lookup("#topics").queryListView();
        robot.interact(() -> topics.getSelectionModel().select(Topics.get("backprop").title()));
        Exercise e = model(robot).exerciseProperty().get();
        robot.clickOn("#open-workspace");
        javafx.scene.control.TextArea expr = robot.lookup("#expression-field").queryAs(javafx.scene.control.TextArea.class);
        assertThat(expr.getText()).isEqualTo(e.given().get("expr").asText());
        assertThat(robot.lookup("#nav-backprop").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }
}
