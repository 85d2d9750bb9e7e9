package app.descent.ui.learn;

import app.descent.lessons.Block;
import app.descent.lessons.Grading;
import app.descent.lessons.Lesson;
import app.descent.lessons.Step;
import app.descent.lessons.Workspace;
import app.descent.ui.Session;
import app.descent.ui.fx.MathText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of LessonPanel.fxml: the open lesson's step beside the workspace it drives. "Set it up" hands the
 * action's settings to its workspace and switches there; each check takes an answer and says at once whether it is
 * right; Hint and Show me reveal the hint, or the answer with its explanation.
 */
public final class LessonPanel {
    static final String FXML = "/fxml/learn/LessonPanel.fxml";

    private final LearnViewModel model;

    @FXML private BorderPane root;
    @FXML private Label lessonTitle;
    @FXML private Label stepLabel;
    @FXML private ScrollPane scroll;
    @FXML private VBox stepBox;
    @FXML private Button closeButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    private LessonPanel(LearnViewModel model) {
        this.model = model;
    }

    static LessonPanel load(LearnViewModel model) {
        LessonPanel panel = new LessonPanel(model);
        FXMLLoader loader = new FXMLLoader(LessonPanel.class.getResource(FXML));
        loader.setController(panel);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        return panel;
    }

    Node node() {
        return root;
    }

    @FXML
    private void initialize() {
        closeButton.setOnAction(e -> model.close());
        backButton.setOnAction(e -> model.back());
        nextButton.setOnAction(e -> model.next());
        model.stepProperty().addListener((o, a, s) -> show());
        model.lessonProperty().addListener((o, a, l) -> show());
    }

    private void show() {
        Lesson l = model.lessonProperty().get();
        Step s = model.currentStep();
        if (l == null || s == null) {
            return;
        }
        lessonTitle.setText(l.title());
        int i = model.stepProperty().get();
        stepLabel.setText("Step " + (i + 1) + " of " + l.steps().size() + ": " + s.title());
        backButton.setDisable(!model.hasBack());
        nextButton.setText(model.hasNext() ? "Next" : "Finish");
        stepBox.getChildren().clear();
        if (i == 0 && !l.intro().isEmpty()) {
            stepBox.getChildren().add(MathText.blocks(l.intro()));
        }
        List<Block> text = new ArrayList<>();
        int checkIndex = 0;
        for (Block b : s.blocks()) {
            if (b instanceof Block.Paragraph || b instanceof Block.DisplayMath) {
                text.add(b);
                continue;
            }
            if (!text.isEmpty()) {
                stepBox.getChildren().add(MathText.blocks(List.copyOf(text)));
                text.clear();
            }
            if (b instanceof Block.Action a) {
                stepBox.getChildren().add(action(a));
            } else if (b instanceof Block.Check c) {
                stepBox.getChildren().add(check(c, checkIndex++));
            }
        }
        if (!text.isEmpty()) {
            stepBox.getChildren().add(MathText.blocks(List.copyOf(text)));
        }
        scroll.setVvalue(0);
    }

    private Node action(Block.Action a) {
        VBox box = new VBox(6);
        box.getStyleClass().add("lesson-action");
        Label what = new Label(title(a.workspace()) + ": " + summary(a));
        what.setWrapText(true);
        Button setUp = new Button("Set it up");
        setUp.setId("lesson-setup");
        setUp.getStyleClass().add("accent");
        Label problem = new Label();
        problem.setId("lesson-setup-problem");
        problem.getStyleClass().addAll("lesson-feedback", "wrong");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        setUp.setOnAction(e -> {
            problem.setText("");
            setUp(a, false, problem::setText);
        });
        HBox buttons = new HBox(8, setUp);
        box.getChildren().addAll(what, buttons, problem);
        return box;
    }

    private static String title(Workspace w) {
        return switch (w) {
            case BACKPROP -> "Backprop";
            case BUILDER -> "Builder";
            case TRAINING -> "Training";
            case COMPARE -> "Compare";
            case PATHS -> "Compare › Optimizer paths";
            case PRACTICE -> "Practice";
        };
    }

    private static String summary(Block.Action a) {
        return switch (a.workspace()) {
            case BACKPROP -> a.settings().path("expression").asText();
            case BUILDER -> "the network below";
            case TRAINING -> a.settings().path("dataset").asText() + ", " + a.settings().path("epochs").asText("5") + " epochs";
            case COMPARE -> a.settings().has("study") ? "study " + a.settings().path("study").asText()
                    : "vary " + a.settings().path("vary").toString().replaceAll("[{}\"]", "");
            case PATHS -> a.settings().path("function").asText(a.settings().path("preset").asText());
            case PRACTICE -> a.settings().path("topic").asText() + ", exercise " + a.settings().path("seed").asText();
        };
    }

    /** Puts the action's workspace into its state and switches there; with run, also runs it there. */
    private void setUp(Block.Action a, boolean run, java.util.function.Consumer<String> problem) {
        switch (a.workspace()) {
            case BACKPROP -> {
                Map<String, Double> values = new LinkedHashMap<>();
                a.settings().path("values").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asDouble()));
                Session.request(Session.backpropRequest(), new Session.BackpropRequest(
                        a.settings().path("expression").asText(), values, model.lessonProperty().get().title(), run));
                Session.request(Session.workspaceRequest(), "backprop");
            }
            case BUILDER -> {
                Session.request(Session.builderCode(), a.settings().path("code").asText());
                Session.request(Session.workspaceRequest(), "builder");
            }
            case TRAINING, PRACTICE, PATHS, COMPARE -> {
                Map<String, String> settings;
                try {
                    settings = a.options();
                    files(a, settings);
                } catch (IllegalArgumentException | app.descent.lessons.LessonException e) {
                    problem.accept(e.getMessage());
                    return;
                }
                Session.request(Session.setupRequest(), new Session.Setup(a.workspace().id(), settings, run,
                        problem));
                Session.request(Session.workspaceRequest(), a.workspace() == Workspace.PATHS ? "compare"
                        : a.workspace().id());
            }
        }
    }

    /**
     * An instructor's lesson may name its network and CSV data as files beside it: the network's code and the
     * data's full path go to the workspace, as descent lesson check reads them.
     */
    private static void files(Block.Action a, Map<String, String> settings) {
        if (a.folder().isEmpty()) {
            return;
        }
        Path folder = a.folder().get();
        String model = settings.get("model");
        if (model != null && !model.contains("\n") && !model.contains("(")) {
            Path f = folder.resolve(model).normalize();
            try {
                settings.put("model", Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException(a.file() + ":" + a.line() + ": model: cannot read " + f);
            }
        }
        String dataset = settings.get("dataset");
        if (dataset != null && dataset.startsWith("csv:")) {
            settings.put("dataset", "csv:" + folder.resolve(dataset.substring(4)).normalize());
        }
    }

    private Node check(Block.Check c, int index) {
        VBox box = new VBox(6);
        box.getStyleClass().add("lesson-check");
        box.setId("lesson-check-" + index);
        Node ask = MathText.of(c.ask());
        ask.getStyleClass().add("lesson-ask");
        box.getChildren().add(ask);
        Label feedback = new Label();
        feedback.setId("lesson-feedback-" + index);
        feedback.getStyleClass().add("lesson-feedback");
        feedback.setWrapText(true);
        VBox reveal = new VBox(6);
        Button check = new Button("Check");
        check.setId("lesson-check-button-" + index);
        List<CheckBox> boxes = new ArrayList<>();
        TextField field = null;
        if (c.hasChoices()) {
            for (int i = 0; i < c.choices().size(); i++) {
                CheckBox cb = new CheckBox();
                cb.setWrapText(true);
                MathText.label(cb, c.choices().get(i));
                cb.setId("lesson-choice-" + index + "-" + i);
                boxes.add(cb);
                box.getChildren().add(cb);
            }
        } else {
            field = new TextField();
            field.setId("lesson-answer-" + index);
            field.setPromptText(c.observation() ? "the value your run shows"
                    : c.answer().size() == 1 ? "a number" : c.answer().size() + " numbers, separated by commas");
            box.getChildren().add(field);
        }
        TextField answerField = field;
        Runnable grade = () -> {
            Grading.Verdict v;
            if (answerField != null) {
                v = model.grade(c, answerField.getText());
            } else {
                List<Integer> picked = new ArrayList<>();
                for (int i = 0; i < boxes.size(); i++) {
                    if (boxes.get(i).isSelected()) {
                        picked.add(i);
                    }
                }
                v = model.grade(c, picked);
            }
            feedback.setText(v.feedback());
            feedback.getStyleClass().removeAll("right", "wrong");
            feedback.getStyleClass().add(v.correct() ? "right" : "wrong");
            if (v.correct()) {
                showExplanation(c, reveal, false);
            }
        };
        check.setOnAction(e -> grade.run());
        if (answerField != null) {
            answerField.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    grade.run();
                    e.consume();
                }
            });
        }
        Button hint = new Button("Hint");
        hint.setId("lesson-hint-" + index);
        hint.setDisable(c.hint() == null);
        hint.setOnAction(e -> {
            if (reveal.lookup(".lesson-hint") == null) {
                Node h = MathText.of(c.hint());
                h.getStyleClass().add("lesson-hint");
                h.setId("lesson-hint-text-" + index);
                reveal.getChildren().add(0, h);
            }
        });
        Button showMe = new Button("Show me");
        showMe.setId("lesson-show-" + index);
        showMe.setOnAction(e -> {
            if (c.action() != null) {
                setUp(c.action(), true, feedback::setText);
            }
            showExplanation(c, reveal, true);
        });
        HBox buttons = new HBox(8, check, hint, showMe);
        box.getChildren().addAll(buttons, feedback, reveal);
        return box;
    }

    private static void showExplanation(Block.Check c, VBox reveal, boolean withAnswer) {
        reveal.getChildren().removeIf(n -> n.getStyleClass().contains("lesson-explain"));
        StringBuilder text = new StringBuilder();
        if (withAnswer) {
            text.append(answerText(c)).append(' ');
        }
        if (c.explain() != null) {
            text.append(c.explain());
        }
        if (text.length() > 0) {
            Node ex = MathText.of(text.toString().strip());
            ex.getStyleClass().add("lesson-explain");
            reveal.getChildren().add(ex);
        }
    }

    private static String answerText(Block.Check c) {
        if (c.observation()) {
            return "Your run should show a value " + Grading.bounds(c) + ".";
        }
        if (c.hasChoices()) {
            List<String> right = new ArrayList<>();
            c.answer().forEach(i -> right.add(c.choices().get(i.intValue())));
            return "Answer: " + String.join("; ", right) + ".";
        }
        List<String> nums = new ArrayList<>();
        c.answer().forEach(v -> nums.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue())
                : String.valueOf(v)));
        return "Answer: " + String.join(", ", nums) + ".";
    }
}
