package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.session.Sessions;
import app.descent.ui.session.WorkspaceState;
import app.descent.ui.shell.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training workspace saved into a session and opened in a new window: settings, runs, curves and weights. */
@ExtendWith(ApplicationExtension.class)
class TrainingSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.TRAINING);
        Workspaces.laptopSize(stage);
    }

    @AfterEach
    void realDialogs() {
        Dialogs.use(null);
    }

    private static WorkspaceState state() {
        return Sessions.registered().get("training");
    }

    private static JsonNode saved(FxRobot robot, SessionFiles files) throws Exception {
        return app.descent.ui.session.SavedStates.saved(robot, "training", files);
    }

    private static void type(FxRobot robot, String query, String text) {
        Workspaces.reveal(robot, robot.lookup(query).query());
        robot.doubleClickOn(query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        robot.type(KeyCode.TAB);
    }

    private static List<double[]> points(FxRobot robot, int chart, int series) {
        List<ChartViewer> viewers = new ArrayList<>(robot.lookup(n -> n instanceof ChartViewer).queryAllAs(ChartViewer.class));
        XYSeries s = ((XYSeriesCollection) viewers.get(chart).getChart().getXYPlot().getDataset()).getSeries(series);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i++) {
            out.add(new double[] {s.getX(i).doubleValue(), s.getY(i).doubleValue()});
        }
        return out;
    }

    @Test
    void aFinishedRunComesBackWithItsSettingsCurvesBoundaryAndWeights(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select("moons"));
        ComboBox<String> optimizer = robot.lookup("#optimizer").queryComboBox();
        robot.interact(() -> optimizer.getSelectionModel().select("momentum"));
        type(robot, "#epochs", "3");
        type(robot, "#seed", "7");
        type(robot, "#clip", "2.5");
        robot.clickOn("#train");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(120, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        TrainingViewModel.RunRow before = (TrainingViewModel.RunRow) history.getItems().get(0);
        assertThat(before.result()).contains("test accuracy");
        // the form changed after the run: the session keeps both
        type(robot, "#seed", "11");
        WaitForAsyncUtils.waitForFxEvents();
        List<double[]> loss = points(robot, 0, 0);
        List<double[]> val = points(robot, 0, 1);
        List<double[]> accuracy = points(robot, 1, 1);
        assertThat(loss).isNotEmpty();
        assertThat(val).hasSize(3);
        BoundaryCanvas canvas = robot.lookup("#boundary").queryAs(BoundaryCanvas.class);
        assertThat(canvas.hasBoundary()).isTrue();

        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        JsonNode settings = json.get("settings");
        assertThat(settings.get("dataset").asText()).isEqualTo("moons");
        assertThat(settings.get("optimizer").asText()).isEqualTo("momentum");
        assertThat(settings.get("epochs").asInt()).isEqualTo(3);
        assertThat(settings.get("seed").asLong()).isEqualTo(11);
        assertThat(settings.get("clip").asDouble()).isEqualTo(2.5);
        JsonNode run = json.get("runs").get(0);
        assertThat(run.get("state").asText()).isEqualTo("finished");
        assertThat(run.get("settings").get("seed").asLong()).isEqualTo(7);
        assertThat(run.get("settings").get("momentum").asDouble()).isEqualTo(0.9);
        assertThat(run.get("epochs")).hasSize(3);
        assertThat(run.get("boundary").get("probabilities").size()).isGreaterThan(48 * 48 - 1);
        String weights = run.get("weights").asText();
        byte[] weightBytes = files.get(weights);
        assertThat(weightBytes.length).isGreaterThan(100);

        // a new window: the same workspace, empty
        robot.interact(() -> Workspaces.open(stage, Workspace.TRAINING));
        TableView<?> fresh = robot.lookup("#history").queryAs(TableView.class);
        assertThat(fresh.getItems()).isEmpty();
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(new ArrayList<Object>(fresh.getItems())).containsExactly(before);
        assertThat(robot.lookup("#dataset").queryComboBox().getValue()).isEqualTo("moons");
        assertThat(robot.lookup("#optimizer").queryComboBox().getValue()).isEqualTo("momentum");
        assertThat(robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("11");
        assertThat(robot.lookup("#clip").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("2.5");
        assertThat(robot.lookup("#epochs").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(3);
        assertThat(points(robot, 0, 0)).usingRecursiveFieldByFieldElementComparator().isEqualTo(loss);
        assertThat(points(robot, 0, 1)).usingRecursiveFieldByFieldElementComparator().isEqualTo(val);
        assertThat(points(robot, 1, 1)).usingRecursiveFieldByFieldElementComparator().isEqualTo(accuracy);
        assertThat(robot.lookup("#boundary").queryAs(BoundaryCanvas.class).hasBoundary()).isTrue();
        assertThat(robot.lookup("#training-status").queryAs(Label.class).getText()).contains("test accuracy");

        // saved again, the same document and the same weights
        SessionFiles again = new SessionFiles();
        JsonNode second = saved(robot, again);
        assertThat(second).isEqualTo(json);
        assertThat(again.get(second.get("runs").get(0).get("weights").asText())).isEqualTo(weightBytes);

        // the restored weights are the ones Export writes
        Path folder = Files.createTempDirectory("descent-training-session");
        RecordingDialogs dialogs = new RecordingDialogs().answerSave(name -> folder.resolve(name).toFile());
        Dialogs.use(dialogs);
        robot.clickOn("#export");
        robot.clickOn("Trained weights (.npz + PyTorch script)…");
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(folder.resolve("weights.npz")));
        assertThat(Files.readAllBytes(folder.resolve("weights.npz"))).isEqualTo(weightBytes);
        assertThat(Files.readString(folder.resolve("weights.py"))).contains("load_state_dict");
        Screenshots.save(stage.getScene(), "training-session-restored");

        // and training goes on from there: the next run is number 2
        robot.clickOn("#train");
        waitFor(120, TimeUnit.SECONDS, () -> fresh.getItems().size() == 2
                && !((TrainingViewModel.RunRow) fresh.getItems().get(0)).result().equals("running"));
        assertThat(((TrainingViewModel.RunRow) fresh.getItems().get(0)).run()).isEqualTo(2);
    }

    @Test
    void anImageRunComesBackWithItsConfusionMatrixAndMisclassifiedImages(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select("mnist"));
        type(robot, "#samples", "300");
        type(robot, "#epochs", "1");
        robot.clickOn("#train");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(180, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        ImageGrid grid = robot.lookup("#image-grid").queryAs(ImageGrid.class);
        waitFor(30, TimeUnit.SECONDS, () -> !grid.captions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> captions = grid.captions();
        float[] pixels = grid.pixels();
        int shown = grid.shown();
        assertThat(shown).isPositive();
        javafx.scene.layout.GridPane matrix = robot.lookup("#confusion").query();
        List<String> cells = matrix.getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();

        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        JsonNode mistakes = json.get("runs").get(0).get("mistakes");
        assertThat(mistakes.get("indices")).hasSize(captions.size());
        assertThat(mistakes.get("predicted")).hasSize(captions.size());

        robot.interact(() -> Workspaces.open(stage, Workspace.TRAINING));
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();
        ImageGrid restored = robot.lookup("#image-grid").queryAs(ImageGrid.class);
        assertThat(restored.captions()).isEqualTo(captions);
        assertThat(restored.pixels()).containsExactly(pixels);
        assertThat(restored.shown()).isEqualTo(shown);
        assertThat(robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Misclassified"))).isTrue();
        javafx.scene.layout.GridPane restoredMatrix = robot.lookup("#confusion").query();
        assertThat(restoredMatrix.getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList()).isEqualTo(cells);
        Screenshots.save(stage.getScene(), "training-session-mnist");
        assertThat(saved(robot, new SessionFiles())).isEqualTo(json);

        // damaged: a class that does not exist, a prediction missing, a negative index
        refused(robot, json, files, j -> ((ArrayNode) j.get("runs").get(0).get("mistakes").get("predicted")).set(0,
                JSON.getNodeFactory().numberNode(10)), "training.runs[0].mistakes.predicted[0]: expected a class "
                + "from 0 to 9");
        refused(robot, json, files, j -> ((ArrayNode) j.get("runs").get(0).get("mistakes").get("predicted"))
                .remove(0), "training.runs[0].mistakes.predicted: " + captions.size() + " predictions expected");
        refused(robot, json, files, j -> ((ArrayNode) j.get("runs").get(0).get("mistakes").get("indices")).set(0,
                JSON.getNodeFactory().numberNode(-1)), "training.runs[0].mistakes.indices[0]: expected an index");
        refused(robot, json, files, j -> ((ObjectNode) j.get("runs").get(0).get("mistakes")).put("indices", "x"),
                "training.runs[0].mistakes.indices: expected an array");
    }

    @Test
    void aRunStillTrainingIsSavedAsFarAsItGotAndMarkedInterrupted(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select("xor"));
        type(robot, "#epochs", "400");
        robot.clickOn("#train");
        Label status = robot.lookup("#training-status").queryAs(Label.class);
        waitFor(120, TimeUnit.SECONDS, () -> status.getText().contains("epoch 2/"));
        robot.clickOn("#pause");
        waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("paused at step"));
        WaitForAsyncUtils.waitForFxEvents();
        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        JsonNode run = json.get("runs").get(0);
        int steps = run.get("train-loss").size();
        assertThat(run.get("state").asText()).isEqualTo("interrupted");
        assertThat(run.get("result").asText()).isEqualTo("stopped at step " + steps + " when the session was saved");
        assertThat(run.get("epochs").size()).isGreaterThanOrEqualTo(2);
        assertThat(run.has("test")).isFalse();
        // the weights of its last finished epoch
        assertThat(files.get(run.get("weights").asText()).length).isGreaterThan(100);
        robot.clickOn("#stop");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(60, TimeUnit.SECONDS, () -> !((TrainingViewModel.RunRow) history.getItems().get(0)).result()
                .equals("running"));

        robot.interact(() -> Workspaces.open(stage, Workspace.TRAINING));
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> fresh = robot.lookup("#history").queryAs(TableView.class);
        assertThat(((TrainingViewModel.RunRow) fresh.getItems().get(0)).result())
                .isEqualTo("stopped at step " + steps + " when the session was saved");
        assertThat(robot.lookup("#train").query().isDisabled()).isFalse();
        assertThat(points(robot, 0, 0).get(points(robot, 0, 0).size() - 1)[0]).isEqualTo(steps);
        assertThat(saved(robot, new SessionFiles())).isEqualTo(json);
    }

    @Test
    void aDamagedStateIsRefusedNamingTheFieldAndNothingChanges(FxRobot robot) throws Exception {
        type(robot, "#seed", "5");
        SessionFiles files = new SessionFiles();
        JsonNode good = saved(robot, files);

        refused(robot, good, files, j -> ((ObjectNode) j.get("settings")).put("optimizer", "adamax2"),
                "training.settings.optimizer: unknown optimizer 'adamax2'");
        refused(robot, good, files, j -> ((ObjectNode) j.get("settings")).put("lr", -0.1),
                "training.settings.lr: learning rate -0.1 is out of range");
        refused(robot, good, files, j -> ((ObjectNode) j.get("settings")).put("epochs", "three"),
                "training.settings.epochs: expected a whole number");
        refused(robot, good, files, j -> ((ObjectNode) j.get("settings")).put("dataset", "imagenet"),
                "training.settings.dataset: unknown dataset 'imagenet'");
        refused(robot, good, files, j -> ((ObjectNode) j.get("settings")).put("colour", "red"),
                "training.settings.colour: unknown setting");
        refused(robot, good, files, j -> ((ObjectNode) j).remove("runs"), "training.runs: missing");
        refused(robot, good, files, j -> ((ObjectNode) j).put("runs", 3), "training.runs: expected an array");
        refused(robot, good, files, j -> ((ArrayNode) j.get("runs")).add(runWith(good, "weights", "gone.npz")),
                "training.runs[0].weights: the session file lacks its entry gone.npz");
        refused(robot, good, files, j -> ((ArrayNode) j.get("runs")).add(runWith(good, "train-loss", "[[1, \"x\"]]")),
                "training.runs[0].train-loss[0][1]: expected a number");
        assertThat(robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("5");

        // File ▸ New: the form as a new window has it
        robot.interact(() -> state().clear());
        assertThat(robot.lookup("#seed").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#dataset").queryComboBox().getValue()).isEqualTo("xor");
        assertThat(robot.lookup("#history").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(state().dirty()).isFalse();
    }

    /** A run as a session holds it, with one field replaced (a JSON value). */
    private static ObjectNode runWith(JsonNode good, String field, String json) {
        try {
            ObjectNode r = (ObjectNode) JSON.readTree("""
                    {"run": 1, "dataset": "xor", "samples": 500, "noise": 0.05, "network": "x",
                     "model": "import torch.nn as nn\\nnet = nn.Sequential(nn.Linear(2, 2))\\n",
                     "settings": %s, "state": "finished", "result": "done", "steps-per-epoch": 1,
                     "train-loss": [[1, 0.5]], "epochs": []}""".formatted(trainSettings()));
            r.set(field, field.equals("weights") ? JSON.getNodeFactory().textNode(json) : JSON.readTree(json));
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trainSettings() {
        return """
                {"loss": "ce", "optimizer": "sgd", "lr": 0.1, "momentum": 0.0, "weight-decay": 0.0, "batch-size": 10,
                 "epochs": 1, "init": "default", "schedule": "constant", "clip": 0.0, "patience": 0, "seed": 1,
                 "device": "cpu"}""";
    }

    private static void refused(FxRobot robot, JsonNode good, SessionFiles files,
                                java.util.function.Consumer<JsonNode> damage, String message) {
        JsonNode bad = good.deepCopy();
        damage.accept(bad);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        robot.interact(() -> {
            try {
                state().restore(bad, files);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(thrown.get()).as(message).isInstanceOf(SessionException.class);
        assertThat(thrown.get().getMessage()).startsWith(message);
    }
}
