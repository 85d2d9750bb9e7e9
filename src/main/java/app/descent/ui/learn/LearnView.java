package app.descent.ui.learn;

import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.ui.Session;
import app.descent.ui.fx.Dialogs;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Controller of LearnView.fxml: the lessons grouped by course part, with minutes and progress. */
public final class LearnView {
    /** Where tests find the view model: the root node's properties. */
    public static final String MODEL_KEY = "descent.learn.model";

    private final LearnViewModel model = new LearnViewModel(LessonProgress.standard());
    private LessonPanel panel;

    @FXML private BorderPane root;
    @FXML private Label statusLabel;
    @FXML private VBox groupsBox;
    @FXML private Label fileErrorLabel;

    public LearnViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        root.getProperties().put(MODEL_KEY, model);
        statusLabel.textProperty().bind(model.statusProperty());
        fileErrorLabel.textProperty().bind(model.fileErrorProperty());
        fileErrorLabel.visibleProperty().bind(model.fileErrorProperty().isNotEmpty());
        fileErrorLabel.managedProperty().bind(fileErrorLabel.visibleProperty());
        model.entries().addListener((ListChangeListener<LessonCatalog.Entry>) c -> fill());
        panel = LessonPanel.load(model);
        model.lessonProperty().addListener((o, a, l) -> {
            Session.request(Session.lessonPanel(), l == null ? null : panel.node());
            fill();
        });
        model.stepProperty().addListener((o, a, st) -> fill());
        // the list is read after the window's first frame
        Platform.runLater(model::load);
        // its part of a session (File ▸ Save / Open): the open lesson and its step
        app.descent.ui.session.Sessions.register(new LessonsSession(model));
    }

    /** File › Open lesson…: a lesson file from anywhere, opened in the lesson panel; a broken one shows its error. */
    @FXML
    private void openFile() {
        File f = Dialogs.get().open(root.getScene().getWindow(), "Descent lesson", "*.md");
        if (f != null) {
            model.openFile(f.toPath());
        }
    }

    private void fill() {
        groupsBox.getChildren().clear();
        for (Map.Entry<String, List<LessonCatalog.Entry>> g : model.byCourse().entrySet()) {
            Label course = new Label(g.getKey());
            course.getStyleClass().add("learn-course");
            VBox rows = new VBox(2);
            for (LessonCatalog.Entry e : g.getValue()) {
                rows.getChildren().add(row(e));
            }
            groupsBox.getChildren().add(new VBox(4, course, rows));
        }
    }

    private HBox row(LessonCatalog.Entry e) {
        HBox row = new HBox(12);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("lesson-row");
        if (e.broken()) {
            Label name = new Label(e.id());
            Label error = new Label(e.error());
            error.getStyleClass().add("lesson-error");
            error.setWrapText(true);
            HBox.setHgrow(error, Priority.ALWAYS);
            row.getChildren().addAll(name, error);
            return row;
        }
        Lesson l = e.lesson();
        String progress = model.progressText(l);
        Button open = new Button(progress.equals("new") || progress.equals("done") ? "Start" : "Resume");
        open.setId("lesson-open-" + l.id());
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(ev -> model.open(l));
        Label title = new Label(l.title());
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label minutes = new Label(l.minutes() + " min");
        minutes.getStyleClass().add("lesson-meta");
        Label steps = new Label(l.steps().size() + " steps");
        steps.getStyleClass().add("lesson-meta");
        Label state = new Label(progress);
        state.setId("lesson-progress-" + l.id());
        state.getStyleClass().add("lesson-progress");
        if (progress.equals("done")) {
            state.getStyleClass().add("done");
        }
        row.getChildren().addAll(open, title, minutes, steps, state);
        return row;
    }
}
