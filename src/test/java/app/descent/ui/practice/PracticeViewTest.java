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
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

@ExtendWith(ApplicationExtension.class)
class PracticeViewTest {
    private static final PseudoClass OFF = PseudoClass.getPseudoClass("danger");
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
    private static List<String> rnnAnswer(Exercise e) {
        JsonNode g = e.given();
        double h = g.get("h0").asDouble();
        List<String> out = new ArrayList<>();
        for (JsonNode x : g.get("x")) {
            double z = g.get("V").asDouble() * h + g.get("W").asDouble() * x.asDouble();
            h = g.get("activation").asText().equals("relu") ? Math.max(0, z) : Math.tanh(z);
            out.add(String.format(java.util.Locale.ROOT, "%.6f", h));
        }
        return out;
    }

    /** Clicks a topic in the list, as a person does. */
    private static Exercise pick(FxRobot robot, String topic) {
        String title = Topics.get(topic).title();
        Node cell = robot.from(robot.lookup("#topics").queryAs(Node.class)).lookup(".list-cell")
                .match(LabeledMatchers.hasText(title)).match(Node::isVisible).query();
        robot.clickOn(cell);
        Exercise e = model(robot).exerciseProperty().get();
        assertThat(e.topic()).isEqualTo(topic);
        return e;
    }

    /** Types the numbers into the answer's fields: a click in the first, Tab between them, Enter to check. */
    private static void answer(FxRobot robot, List<String> numbers) {
        robot.clickOn("#answer-0");
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                robot.type(KeyCode.TAB);
            }
            robot.write(numbers.get(i));
        }
        robot.type(KeyCode.ENTER);
    }

    private static TextField field(FxRobot robot, int i) {
        return robot.lookup("#answer-" + i).queryAs(TextField.class);
    }

    private static boolean showing(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.getScene() != null && n.isManaged();
    }

    /** The smaller of the course's two screens; the headless screen (1280×800) cannot hold a 1366×768 window. */
    private void smallScreen(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
    }

    /** Every piece of text shown under a node, as the person sees it (Text nodes; labels' and buttons' own text). */
    private static String shownText(FxRobot robot, String query) {
        StringBuilder b = new StringBuilder();
        robot.from(robot.lookup(query).queryAs(Node.class)).lookup((Node n) -> n instanceof Text && n.isVisible())
                .queryAllAs(Text.class).forEach(t -> b.append(t.getText()).append('\n'));
        return b.toString();
    }

    private static List<Object> formulas(FxRobot robot, String query) {
        return robot.from(robot.lookup(query).queryAs(Node.class)).lookup(".math")
                .queryAllAs(javafx.scene.image.ImageView.class).stream().map(v -> v.getUserData()).toList();
    }

    @Test
    void formulasInQuestionsChoicesAndSolutionsAreTypesetNeverRawTeX(FxRobot robot) {
        smallScreen(robot);
        pick(robot, "rnn-steps");
        assertThat(formulas(robot, "#question")).anySatisfy(f -> assertThat((String) f).contains("h_{t-1}"));
        assertThat(shownText(robot, "#question")).doesNotContain("h_{t-1}").doesNotContain("$").contains("with V = ");

        // down the topic list with the arrow keys to the LSTM gates
        Exercise e = model(robot).exerciseProperty().get();
        for (int i = 0; i < 40 && !e.topic().equals("lstm-gates"); i++) {
            robot.type(KeyCode.DOWN);
            e = model(robot).exerciseProperty().get();
        }
        for (int i = 0; i < 40 && !e.topic().equals("lstm-gates"); i++) {
            robot.type(KeyCode.UP);
            e = model(robot).exerciseProperty().get();
        }
        assertThat(e.topic()).isEqualTo("lstm-gates");
        // the choices: "forget gate" as text, f_t typeset
        assertThat(formulas(robot, "#options")).contains("f_t", "h_t", "c_t");
        assertThat(shownText(robot, "#options")).contains("forget gate").doesNotContain("f_t").doesNotContain("$");
        robot.clickOn("#show-solution");
        assertThat(formulas(robot, "#solution")).anySatisfy(f -> assertThat((String) f).contains("\\odot"));
        String solution = shownText(robot, "#solution");
        assertThat(solution).contains("LSTM:").doesNotContain("_{").doesNotContain("\\odot").doesNotContain("$");
        // nothing under the question, choices or solution is TeX that did not parse
        assertThat(robot.lookup(".math-raw").queryAll()).isEmpty();
        assertThat(e.solution()).isNotEmpty();
        Screenshots.save(robot.window(0).getScene(), "practice-math");
    }

    @Test
    void aWrongAnswerSaysWhatIsOffAndOffersAnotherTryWithTheSolutionOnRequest(FxRobot robot) {
        smallScreen(robot);
        Exercise e = pick(robot, "rnn-steps");
        List<String> right = rnnAnswer(e);
        int n = right.size();
        // one labelled field per value, named as the question names them
        assertThat(robot.lookup(".field-label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyElementsOf(e.labels()).startsWith("h1", "h2");
        assertThat(e.question()).contains("h1 to h" + n);

        List<String> typed = new ArrayList<>(right);
        typed.set(1, String.format(java.util.Locale.ROOT, "%.6f", Double.parseDouble(right.get(1)) + 0.5));
        answer(robot, typed);

        Label feedback = robot.lookup("#feedback").queryAs(Label.class);
        assertThat(feedback.getText()).isEqualTo("✗ Not quite: h2 is off (" + (n - 1) + " of " + n + " right).");
        assertThat(field(robot, 1).getPseudoClassStates()).contains(OFF);
        assertThat(field(robot, 0).getPseudoClassStates()).doesNotContain(OFF);
        // no second try lost: the solution stays closed until asked for
        assertThat(showing(robot, "#solution")).isFalse();
        assertThat(showing(robot, "#try-again")).isTrue();
        assertThat(robot.lookup("#show-solution").queryAs(ToggleButton.class).getText()).isEqualTo("Show solution");
        Screenshots.save(stage.getScene(), "first-hour-practice-1280x720");
        assertThat(ScreenSize.save(stage.getScene(), 1366, 768, "first-hour-practice")).exists();

        robot.clickOn("#try-again");
        assertThat(feedback.getText()).isEmpty();
        assertThat(field(robot, 1).getText()).isEmpty();
        assertThat(field(robot, 1).isFocused()).isTrue();
        assertThat(field(robot, 0).getText()).isEqualTo(right.get(0));
        robot.write(right.get(1)).type(KeyCode.ENTER);
        assertThat(feedback.getText()).startsWith("✓");
        assertThat(showing(robot, "#try-again")).isFalse();
        assertThat(showing(robot, "#solution")).isFalse();

        robot.clickOn("#show-solution");
        assertThat(showing(robot, "#solution")).isTrue();
        assertThat(robot.lookup("#solution").queryAs(VBox.class).getChildren()).hasSize(n);
    }

    @Test
    void noSolutionWhileAMockExamRunsAndCopyingCannotScore(FxRobot robot) {
        robot.clickOn("#mock-exam");
        assertThat(model(robot).examStatusProperty().get()).startsWith("Mock exam");
        ToggleButton solution = robot.lookup("#show-solution").queryAs(ToggleButton.class);
        assertThat(solution.isDisabled()).isTrue();
        assertThat(solution.getText()).isEqualTo("Solution after the exam");
        robot.clickOn(solution);
        assertThat(showing(robot, "#solution")).isFalse();
        assertThat(robot.lookup("#open-workspace").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#seed").queryAs(Label.class).getText()).doesNotContain("seed");

        Exercise e = model(robot).exerciseProperty().get();
        if (e.labels().isEmpty() || e.given().has("options")) {
            robot.clickOn("#option-0").clickOn("#check");
        } else {
            List<String> zeros = new ArrayList<>();
            e.labels().forEach(l -> zeros.add("0.123"));
            answer(robot, zeros);
        }
        assertThat(robot.lookup("#exam-status").queryAs(Label.class).getText()).contains(" of 1 right");
        assertThat(showing(robot, "#solution")).isFalse();

        robot.clickOn("#mock-exam");
        assertThat(robot.lookup("#exam-status").queryAs(Label.class).getText()).startsWith("Exam stopped");
        assertThat(solution.isDisabled()).isFalse();
        robot.clickOn(solution);
        assertThat(showing(robot, "#solution")).isTrue();
    }

    @Test
    void aLongTopicNameLeavesItsCountInView(FxRobot robot) {
        smallScreen(robot);
        Exercise e = pick(robot, "sequential-shape");
        List<String> wrong = new ArrayList<>();
        e.labels().forEach(l -> wrong.add("1"));
        answer(robot, wrong);
        String title = Topics.get("sequential-shape").title();
        ListCell<?> cell = robot.from(robot.lookup("#progress").queryAs(Node.class)).lookup(".list-cell")
                .match((ListCell<?> c) -> c.isVisible() && c.getItem() != null && c.getItem().toString().startsWith(title))
                .queryAs(ListCell.class);
        PracticeViewModel.TopicProgress line = model(robot).progress().stream()
                .filter(p -> p.toString().startsWith(title)).findFirst().orElseThrow();
        // what is drawn, not what is set: every text node of the row, as shown (with "…" where cut)
        String drawn = robot.from(cell).lookup((Node n) -> n instanceof Text).queryAllAs(Text.class).stream()
                .filter(Node::isVisible).map(Text::getText).reduce("", (a, b) -> a + " " + b);
        assertThat(drawn).contains(line.count());
    }

    @Test
    void aMissedExerciseComesBackAndTheRightAnswerCounts(FxRobot robot) {
        Exercise e = pick(robot, "rnn-steps");
        Progress.Tally before = Progress.standard().tally("rnn-steps");
        List<String> wrong = new ArrayList<>();
        e.labels().forEach(l -> wrong.add("7"));
        answer(robot, wrong);
        assertThat(robot.lookup("#feedback").queryAs(Label.class).getText()).startsWith("✗");

        ListView<?> missed = robot.lookup("#missed").queryListView();
        assertThat(missed.getItems()).isNotEmpty();
        assertThat(missed.getItems().get(0).toString()).startsWith("rnn-steps");
        robot.clickOn("#new-exercise");
        assertThat(model(robot).exerciseProperty().get().question()).isNotEqualTo(e.question());
        robot.clickOn(robot.from(missed).lookup(".list-cell").match((ListCell<?> c) -> c.isVisible() && c.getIndex() == 0)
                .queryAs(Node.class));
        assertThat(model(robot).exerciseProperty().get().question()).isEqualTo(e.question());

        answer(robot, rnnAnswer(e));
        assertThat(robot.lookup("#feedback").queryAs(Label.class).getText()).startsWith("✓");
        String expected = (before.correct() + 1) + " of " + (before.attempted() + 2) + " right";
        assertThat(robot.lookup("#progress").queryListView().getItems()).anyMatch(s -> s.toString().contains(expected));
        assertThat(Progress.standard().tally("rnn-steps").attempted()).isEqualTo(before.attempted() + 2);
        Screenshots.save(stage.getScene(), "practice");
    }

    @Test
    void aBackpropExerciseOpensInTheBackpropWorkspace(FxRobot robot) {
        Exercise e = pick(robot, "backprop");
        robot.clickOn("#open-workspace");
        javafx.scene.control.TextArea expr = robot.lookup("#expression-field").queryAs(javafx.scene.control.TextArea.class);
        assertThat(expr.getText()).isEqualTo(e.given().get("expr").asText());
        assertThat(robot.lookup("#nav-backprop").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }
}
