package app.descent.ui.practice;

import app.descent.practice.Exercise;
import app.descent.practice.Grade;
import app.descent.ui.Session;
import app.descent.ui.fx.MathText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** Controller of PracticeView.fxml: one exercise at a time, checked at once, with its worked solution. */
public final class PracticeView {
    static final String RIGHT = "right";
    static final String WRONG = "wrong";
    static final String ANSWER_FIELD = "answer-field";
    /** A field whose number is off (AtlantaFX draws it in the danger colour). */
    static final javafx.css.PseudoClass OFF = javafx.css.PseudoClass.getPseudoClass("danger");
    /** Where tests find the view model: the root node's properties. */
    public static final String MODEL_KEY = "descent.practice.model";

    private final PracticeViewModel model = new PracticeViewModel(Progress.standard());
    private final List<CheckBox> options = new ArrayList<>();

    @FXML private ListView<String> topicList;
    @FXML private ListView<PracticeViewModel.TopicProgress> progressList;
    @FXML private ListView<Progress.Missed> missedList;
    @FXML private Button nextButton;
    @FXML private Label seedLabel;
    @FXML private VBox questionBox;
    @FXML private VBox optionsBox;
    @FXML private Label formatLabel;
    @FXML private javafx.scene.layout.FlowPane fieldsBox;
    @FXML private Button retryButton;
    @FXML private Button checkButton;
    @FXML private Label feedbackLabel;
    @FXML private ToggleButton solutionButton;
    @FXML private Button openButton;
    @FXML private VBox solutionBox;
    @FXML private javafx.scene.control.Spinner<Integer> minutesSpinner;
    @FXML private ToggleButton examButton;
    @FXML private javafx.scene.control.ComboBox<app.descent.practice.Difficulty> difficultyBox;
    @FXML private Label examLabel;
    private final javafx.animation.Timeline clock = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick()));
    @FXML private javafx.scene.layout.BorderPane root;

    public PracticeViewModel model() {
        return model;
    }

    /** Opens a lesson's practice exercise; with run, shows its worked solution. */
    private void setUp(Session.Setup r) {
        if (r == null || !r.workspace().equals("practice")) {
            return;
        }
        try {
            String unknown = r.settings().keySet().stream().filter(k -> !java.util.Set.of("topic", "seed", "difficulty")
                    .contains(k)).findFirst().orElse(null);
            if (unknown != null) {
                throw new app.descent.UserInputException("the Practice workspace has no setting '" + unknown + "'");
            }
            long n = Long.parseLong(r.get("seed"));
            topicList.getSelectionModel().select(PracticeViewModel.titleOf(r.get("topic")));
            if (r.get("difficulty") != null) {
                difficultyBox.setValue(app.descent.practice.Difficulty.parse(r.get("difficulty")));
            }
            model.open(r.get("topic"), n, r.get("difficulty"));
        } catch (NumberFormatException e) {
            r.problem().accept("'seed' must be a whole number, not '" + r.get("seed") + "'");
            return;
        } catch (app.descent.UserInputException e) {
            r.problem().accept(e.getMessage());
            return;
        }
        if (r.run()) {
            solutionButton.setSelected(true);
        }
    }

    @FXML
    private void initialize() {
        topicList.getItems().setAll(PracticeViewModel.topicChoices());
        topicList.setCellFactory(l -> new FittingCell<>(l, true));
        topicList.getSelectionModel().select(0);
        topicList.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.topicProperty().set(t);
                model.next();
            }
        });
        progressList.setItems(model.progress());
        progressList.setCellFactory(ProgressCell::new);
        progressList.setPlaceholder(new Label("Answers you check are counted here."));
        missedList.setItems(model.missed());
        missedList.setCellFactory(MissedCell::new);
        missedList.setPlaceholder(new Label("Exercises you miss come back here."));
        missedList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                model.retry(m);
                // the same exercise may be asked for again later
                javafx.application.Platform.runLater(() -> missedList.getSelectionModel().clearSelection());
            }
        });
        nextButton.setOnAction(e -> model.next());
        checkButton.setOnAction(e -> check());
        formatLabel.textProperty().bind(model.formatProperty());
        // the solution only on request, and none while a mock exam runs
        solutionButton.selectedProperty().addListener((o, a, on) -> {
            model.showSolution(on);
            solutionButton.setSelected(model.solutionShownProperty().get());
        });
        model.solutionShownProperty().addListener((o, a, on) -> solutionButton.setSelected(on));
        solutionButton.disableProperty().bind(model.examRunningProperty());
        solutionButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.examRunningProperty())
                .then("Solution after the exam").otherwise("Show solution"));
        openButton.disableProperty().bind(model.examRunningProperty());
        solutionBox.visibleProperty().bind(model.solutionShownProperty());
        solutionBox.managedProperty().bind(solutionBox.visibleProperty());
        retryButton.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.gradeProperty().get() != null && !model.gradeProperty().get().correct(), model.gradeProperty()));
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        retryButton.setOnAction(e -> tryAgain());
        openButton.setOnAction(e -> openInWorkspace());
        model.exerciseProperty().addListener((o, a, ex) -> show(ex));
        model.gradeProperty().addListener((o, a, g) -> showGrade(g));
        model.next();
        root.getProperties().put(MODEL_KEY, model);
        difficultyBox.getItems().setAll(app.descent.practice.Difficulty.values());
        difficultyBox.valueProperty().bindBidirectional(model.difficultyProperty());
        difficultyBox.valueProperty().addListener((o, a, d) -> model.next());
        Session.listen(Session.setupRequest(), (o, a, r) -> setUp(r));
        setUp(Session.setupRequest().get());
        // its part of a session (File ▸ Save / Open); progress stays the person's own
        app.descent.ui.session.Sessions.register(new PracticeSession(model, topicList));
        minutesSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 180, 20));
        app.descent.ui.fx.Spinners.guard(minutesSpinner);
        clock.setCycleCount(javafx.animation.Animation.INDEFINITE);
        examButton.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                model.startExam(minutesSpinner.getValue());
                topicList.getSelectionModel().select(PracticeViewModel.MIX);
                clock.playFromStart();
            } else {
                clock.stop();
                model.stopExam();
            }
        });
        model.examSecondsProperty().addListener((o, a, s) -> {
            if (s.intValue() == 0) {
                clock.stop();
                examButton.setSelected(false);
            }
        });
        examLabel.textProperty().bind(model.examStatusProperty());
        examLabel.visibleProperty().bind(model.examStatusProperty().isNotEmpty());
        examLabel.managedProperty().bind(examLabel.visibleProperty());
        checkButton.disableProperty().bind(model.examSecondsProperty().isEqualTo(0));
    }

    private void show(Exercise e) {
        seedLabel.setText(model.examRunningProperty().get() ? e.topic() : e.topic() + " · seed " + model.seed());
        // the question and the solution with their math typeset; the question's text as written stays readable
        questionBox.getChildren().setAll(MathText.formula(e.question(), MathText.SIZE * 1.25));
        questionBox.setAccessibleText(e.question());
        feedbackLabel.setText("");
        options.clear();
        optionsBox.getChildren().clear();
        boolean quiz = e.given().has("options");
        if (quiz) {
            int i = 0;
            for (JsonNode option : e.given().path("options")) {
                CheckBox box = new CheckBox();
                box.setWrapText(true);
                MathText.label(box, option.asText());
                box.setId("option-" + i++);
                box.selectedProperty().addListener((ob, was, now) -> model.answerProperty().set(selectedOptions()));
                options.add(box);
                optionsBox.getChildren().add(box);
            }
        }
        showFields(e);
        solutionBox.getChildren().clear();
        for (String step : e.solution()) {
            solutionBox.getChildren().add(MathText.formula(step));
        }
        openButton.setVisible(e.topic().equals("backprop") || e.topic().equals("sequential-shape"));
        openButton.setManaged(openButton.isVisible());
        openButton.setText(e.topic().equals("backprop") ? "Open in Backprop" : "Open in Builder");
    }

    /** One labelled field per number of the answer, named as the question names it. */
    private void showFields(Exercise e) {
        fieldsBox.getChildren().clear();
        List<javafx.beans.property.StringProperty> values = model.fields();
        for (int i = 0; i < values.size(); i++) {
            TextField field = new TextField();
            field.setId("answer-" + i);
            field.getStyleClass().add(ANSWER_FIELD);
            field.setPrefColumnCount(9);
            field.textProperty().bindBidirectional(values.get(i));
            field.textProperty().addListener((o, a, t) -> field.pseudoClassStateChanged(OFF, false));
            field.setAccessibleText(e.labels().get(i));
            Label name = new Label(e.labels().get(i));
            name.setLabelFor(field);
            name.getStyleClass().add("field-label");
            VBox pair = new VBox(2, name, field);
            fieldsBox.getChildren().add(pair);
        }
        fieldsBox.setVisible(!values.isEmpty());
        fieldsBox.setManaged(!values.isEmpty());
    }

    private TextField field(int i) {
        return (TextField) ((VBox) fieldsBox.getChildren().get(i)).getChildren().get(1);
    }

    private void tryAgain() {
        int first = model.tryAgain();
        if (first >= 0 && first < fieldsBox.getChildren().size()) {
            TextField f = field(first);
            f.requestFocus();
            f.selectAll();
        } else if (!options.isEmpty()) {
            options.get(0).requestFocus();
        }
    }

    private String selectedOptions() {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isSelected()) {
                picked.add(String.valueOf(i));
            }
        }
        return String.join(",", picked);
    }

    private void check() {
        model.check();
    }

    private void showGrade(Grade g) {
        feedbackLabel.getStyleClass().removeAll(RIGHT, WRONG);
        List<String> labels = model.exerciseProperty().get() == null ? List.of() : model.exerciseProperty().get().labels();
        for (int i = 0; i < fieldsBox.getChildren().size(); i++) {
            field(i).pseudoClassStateChanged(OFF, g != null && g.off().contains(labels.get(i)));
        }
        if (g == null) {
            feedbackLabel.setText("");
            return;
        }
        feedbackLabel.getStyleClass().add(g.correct() ? RIGHT : WRONG);
        feedbackLabel.setText((g.correct() ? "✓ " : "✗ ") + g.feedback());
    }

    /** A list row as wide as the list (no sideways scrolling): long text wraps or ends in "…" with a tooltip. */
    private static final class FittingCell<T> extends javafx.scene.control.ListCell<T> {
        FittingCell(ListView<T> list, boolean wrap) {
            prefWidthProperty().bind(list.widthProperty().subtract(20));
            setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            setMinWidth(0);
            setWrapText(wrap);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toString());
            setTooltip(empty || item == null || isWrapText() ? null : new javafx.scene.control.Tooltip(item.toString()));
        }
    }

    /** A missed exercise: its topic and the start of its question, the math typeset (whole formulas only). */
    private static final class MissedCell extends javafx.scene.control.ListCell<Progress.Missed> {
        MissedCell(ListView<Progress.Missed> list) {
            prefWidthProperty().bind(list.widthProperty().subtract(20));
            setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            setMinWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Progress.Missed item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(item.toString());
            setGraphic(MathText.formula(item.topic() + " · " + MathText.shorten(item.question(), 70)));
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.setGraphic(MathText.formula(item.question()));
            tip.setMaxWidth(480);
            setTooltip(tip);
        }
    }

    /** One line of Your progress: the topic gives way (with "…") so that its count always shows. */
    private static final class ProgressCell extends javafx.scene.control.ListCell<PracticeViewModel.TopicProgress> {
        private final Label title = new Label();
        private final Label count = new Label();
        private final javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, title, count);

        ProgressCell(ListView<PracticeViewModel.TopicProgress> list) {
            // as wide as the list leaves room for (a scroll bar included), never wider
            row.prefWidthProperty().bind(list.widthProperty().subtract(32));
            row.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            title.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
            count.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            count.getStyleClass().add("progress-count");
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.setMinWidth(0);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(PracticeViewModel.TopicProgress p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            title.setText(p.title());
            count.setText(p.count());
            setTooltip(new javafx.scene.control.Tooltip(p.toString()));
            setGraphic(row);
        }
    }

    /** Shows the exercise's working in the workspace that computes it. */
    private void openInWorkspace() {
        Exercise e = model.exerciseProperty().get();
        if (e.topic().equals("backprop")) {
            Map<String, Double> values = new LinkedHashMap<>();
            e.given().path("inputs").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asDouble()));
            Session.request(Session.backpropRequest(), new Session.BackpropRequest(e.given().path("expr").asText(),
                    values, "From Practice: " + e.question()));
            Session.request(Session.workspaceRequest(), "backprop");
        } else {
            Session.request(Session.builderCode(), e.given().path("code").asText());
            Session.request(Session.workspaceRequest(), "builder");
        }
    }
}
