package app.descent.ui.practice;

import app.descent.practice.Exercise;
import app.descent.practice.Grade;
import app.descent.ui.Session;
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
    /** Where tests find the view model: the root node's properties. */
    public static final String MODEL_KEY = "descent.practice.model";

    private final PracticeViewModel model = new PracticeViewModel(Progress.standard());
    private final List<CheckBox> options = new ArrayList<>();

    @FXML private ListView<String> topicList;
    @FXML private ListView<String> progressList;
    @FXML private ListView<Progress.Missed> missedList;
    @FXML private Button nextButton;
    @FXML private Label seedLabel;
    @FXML private Label questionLabel;
    @FXML private VBox optionsBox;
    @FXML private Label formatLabel;
    @FXML private TextField answerField;
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

    @FXML
    private void initialize() {
        topicList.getItems().setAll(PracticeViewModel.topicChoices());
        topicList.getSelectionModel().select(0);
        topicList.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.topicProperty().set(t);
                model.next();
            }
        });
        progressList.setItems(model.progress());
        progressList.setPlaceholder(new Label("Answers you check are counted here."));
        missedList.setItems(model.missed());
        missedList.setPlaceholder(new Label("Exercises you miss come back here."));
        missedList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                model.retry(m);
                // the same exercise may be asked for again later
                javafx.application.Platform.runLater(() -> missedList.getSelectionModel().clearSelection());
            }
        });
        nextButton.setOnAction(e -> model.next());
        answerField.textProperty().bindBidirectional(model.answerProperty());
        checkButton.setOnAction(e -> check());
        formatLabel.textProperty().bind(model.formatProperty());
        solutionBox.visibleProperty().bind(solutionButton.selectedProperty());
        solutionBox.managedProperty().bind(solutionBox.visibleProperty());
        openButton.setOnAction(e -> openInWorkspace());
        model.exerciseProperty().addListener((o, a, ex) -> show(ex));
        model.gradeProperty().addListener((o, a, g) -> showGrade(g));
        model.next();
        root.getProperties().put(MODEL_KEY, model);
        difficultyBox.getItems().setAll(app.descent.practice.Difficulty.values());
        difficultyBox.valueProperty().bindBidirectional(model.difficultyProperty());
        difficultyBox.valueProperty().addListener((o, a, d) -> model.next());
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
        seedLabel.setText(e.topic() + " · seed " + model.seed());
        questionLabel.setText(e.question());
        feedbackLabel.setText("");
        solutionButton.setSelected(false);
        options.clear();
        optionsBox.getChildren().clear();
        boolean quiz = e.given().has("options");
        if (quiz) {
            int i = 0;
            for (JsonNode option : e.given().path("options")) {
                CheckBox box = new CheckBox(option.asText());
                box.setWrapText(true);
                box.setId("option-" + i++);
                box.selectedProperty().addListener((ob, was, now) -> model.answerProperty().set(selectedOptions()));
                options.add(box);
                optionsBox.getChildren().add(box);
            }
        }
        answerField.setVisible(!quiz);
        answerField.setManaged(!quiz);
        solutionBox.getChildren().clear();
        for (String step : e.solution()) {
            Label l = new Label(step);
            l.setWrapText(true);
            solutionBox.getChildren().add(l);
        }
        openButton.setVisible(e.topic().equals("backprop") || e.topic().equals("sequential-shape"));
        openButton.setManaged(openButton.isVisible());
        openButton.setText(e.topic().equals("backprop") ? "Open in Backprop" : "Open in Builder");
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
        if (g == null) {
            feedbackLabel.setText("");
            return;
        }
        feedbackLabel.getStyleClass().add(g.correct() ? RIGHT : WRONG);
        feedbackLabel.setText((g.correct() ? "✓ " : "✗ ") + g.feedback());
        if (!g.correct()) {
            solutionButton.setSelected(true);
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
