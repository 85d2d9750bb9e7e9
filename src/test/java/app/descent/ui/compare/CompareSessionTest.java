package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.session.Sessions;
import app.descent.ui.session.WorkspaceState;
import app.descent.ui.shell.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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

/** The Compare workspace saved into a session and opened in a new window: its tabs' settings and finished results. */
@ExtendWith(ApplicationExtension.class)
class CompareSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.COMPARE);
        Workspaces.laptopSize(stage);
    }

    @AfterEach
    void freeTheTrainingThread() {
        app.descent.training.TrainingThreads.stopAll(java.time.Duration.ofSeconds(120));
    }

    private static WorkspaceState state() {
        return Sessions.registered().get("compare");
    }

    private static JsonNode saved(FxRobot robot, SessionFiles files) throws Exception {
        return app.descent.ui.session.SavedStates.saved(robot, "compare", files);
    }

    private static void await(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<List<double[]>> curves(FxRobot robot, String chart) {
        ChartViewer viewer = robot.lookup(chart).query();
        XYSeriesCollection data = (XYSeriesCollection) viewer.getChart().getXYPlot().getDataset();
        List<List<double[]>> out = new ArrayList<>();
        for (int k = 0; k < data.getSeriesCount(); k++) {
            XYSeries s = data.getSeries(k);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < s.getItemCount(); i++) {
                points.add(new double[] {s.getX(i).doubleValue(), s.getY(i).doubleValue()});
            }
            out.add(points);
        }
        return out;
    }

    /** The histograms of the Runs tab. */
    private static int runTiles(FxRobot robot) {
        return (int) robot.lookup("#run-histograms").queryAs(javafx.scene.layout.VBox.class).lookupAll("*").stream()
                .filter(n -> n instanceof HistogramTile).count();
    }

    /** The titles of the Inspect tab's activation histograms. */
    private static List<String> tileTitles(FxRobot robot) {
        javafx.scene.layout.FlowPane tiles = robot.lookup("#activation-tiles").query();
        return tiles.getChildren().stream().map(n -> ((HistogramTile) n).title() + " " + ((HistogramTile) n).total())
                .toList();
    }

    private static void sameCurves(List<List<double[]>> a, List<List<double[]>> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            assertThat(b.get(k)).hasSameSizeAs(a.get(k));
            for (int i = 0; i < a.get(k).size(); i++) {
                assertThat(b.get(k).get(i)).containsExactly(a.get(k).get(i));
            }
        }
    }

    @Test
    void aFinishedGridAndAFinishedRaceComeBackWithoutRunningAgain(FxRobot robot) throws Exception {
        // a grid of one's own on the complexity study's small moons set
        robot.clickOn("#tab-runs");
        javafx.scene.control.ComboBox<app.descent.compare.Study> study = robot.lookup("#study").queryComboBox();
        robot.interact(() -> study.getSelectionModel().select(app.descent.compare.Study.byId("complexity")));
        robot.doubleClickOn("#vary");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("hidden=2,8");
        robot.clickOn("#run-grid");
        Label status = robot.lookup("#runs-status").queryAs(Label.class);
        await(240, () -> status.getText().startsWith("done"));
        List<List<double[]>> loss = curves(robot, "#runs-loss-chart");
        List<List<double[]>> accuracy = curves(robot, "#runs-accuracy-chart");
        List<List<double[]>> gradients = curves(robot, "#runs-gradient-chart");
        assertThat(loss).hasSize(4);
        assertThat(loss.get(0).size()).isGreaterThan(10);
        String statusText = status.getText();
        String headline = robot.lookup("#report-headline").queryAs(Label.class).getText();
        TableView<?> report = robot.lookup("#report").queryAs(TableView.class);
        List<Object> rows = new ArrayList<>(report.getItems());
        int tiles = runTiles(robot);

        // the valley race, run to its end
        robot.clickOn("#tab-paths");
        ContourCanvas map = robot.lookup("#contour").queryAs(ContourCanvas.class);
        await(90, map::hasSurface);
        robot.clickOn("#race");
        await(90, () -> map.shownSteps() >= 100);
        TableView<?> racers = robot.lookup("#racers").queryAs(TableView.class);
        List<String> results = racers.getItems().stream().map(PathsViewModel.Racer.class::cast)
                .map(r -> r.resultProperty().get()).toList();
        assertThat(results.stream().filter(r -> r.startsWith("f = "))).hasSize(3);
        // one inspection of the toy network at initialization
        robot.clickOn("#tab-inspect");
        javafx.scene.control.ComboBox<String> network = robot.lookup("#inspect-network").queryComboBox();
        robot.interact(() -> network.getSelectionModel().select(InspectViewModel.TOY));
        // two classes for the toy network's two outputs
        javafx.scene.control.ComboBox<String> data = robot.lookup("#inspect-dataset").queryComboBox();
        robot.interact(() -> data.getSelectionModel().select("moons"));
        robot.clickOn("#inspect");
        Label inspectStatus = robot.lookup("#inspect-status").queryAs(Label.class);
        try {
            await(90, () -> inspectStatus.getText().contains("step 0"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("inspect status: " + inspectStatus.getText());
        }
        String inspected = inspectStatus.getText();
        List<String> inspectTiles = tileTitles(robot);
        assertThat(inspectTiles).hasSize(3);
        // and a setting of another tab
        robot.clickOn("#tab-activations");
        robot.clickOn("#show-gelu");
        robot.clickOn("#tab-paths");

        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        assertThat(json.get("tab").asText()).isEqualTo("paths");
        assertThat(json.get("runs").get("result").get("finished").asBoolean()).isTrue();
        assertThat(json.get("runs").get("result").get("study").get("vary").asText()).isEqualTo("hidden=2,8");
        assertThat(json.get("runs").get("result").get("runs")).hasSize(2);
        assertThat(json.get("paths").get("race").get("paths")).hasSize(3);
        assertThat(json.get("paths").get("race").get("paths").get(0).get("points")).hasSize(101);
        assertThat(json.get("activations").get("shown").toString()).contains("gelu");
        assertThat(json.get("inspect").get("result").get("inspection").get("layers").size()).isGreaterThan(3);

        // a new window, empty, then the session opened into it
        robot.interact(() -> Workspaces.open(stage, Workspace.COMPARE));
        assertThat(robot.lookup("#report").queryAs(TableView.class).getItems()).isEmpty();
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#compare-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-paths");
        ContourCanvas restoredMap = robot.lookup("#contour").queryAs(ContourCanvas.class);
        assertThat(restoredMap.hasSurface()).isTrue();
        assertThat(restoredMap.shownSteps()).isEqualTo(100);
        TableView<?> restoredRacers = robot.lookup("#racers").queryAs(TableView.class);
        assertThat(restoredRacers.getItems().stream().map(PathsViewModel.Racer.class::cast)
                .map(r -> r.resultProperty().get()).toList()).isEqualTo(results);
        assertThat(robot.lookup("#path-step-count").queryAs(Label.class).getText()).isEqualTo("step 100 / 100");
        Screenshots.save(stage.getScene(), "compare-session-paths");
        robot.clickOn("#tab-runs");
        sameCurves(loss, curves(robot, "#runs-loss-chart"));
        sameCurves(accuracy, curves(robot, "#runs-accuracy-chart"));
        sameCurves(gradients, curves(robot, "#runs-gradient-chart"));
        assertThat(robot.lookup("#runs-status").queryAs(Label.class).getText()).isEqualTo(statusText);
        assertThat(robot.lookup("#report-headline").queryAs(Label.class).getText()).isEqualTo(headline);
        List<Object> restoredRows = new ArrayList<>(robot.lookup("#report").queryAs(TableView.class).getItems());
        assertThat(restoredRows).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            var a = (app.descent.compare.Study.Row) rows.get(i);
            var b = (app.descent.compare.Study.Row) restoredRows.get(i);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.values()).containsExactly(a.values());
            assertThat(b.note()).isEqualTo(a.note());
        }
        assertThat(runTiles(robot)).isEqualTo(tiles);
        assertThat(tiles).isPositive();
        Screenshots.save(stage.getScene(), "compare-session-runs");
        robot.clickOn("#tab-inspect");
        assertThat(robot.lookup("#inspect-status").queryAs(Label.class).getText()).isEqualTo(inspected);
        assertThat(robot.lookup("#inspect-network").queryComboBox().getValue()).isEqualTo(InspectViewModel.TOY);
        assertThat(tileTitles(robot)).isEqualTo(inspectTiles);
        robot.clickOn("#tab-activations");
        assertThat(robot.lookup("#show-gelu").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();

        // saved again (on the tab it was saved on): the same document
        robot.clickOn("#tab-paths");
        assertThat(saved(robot, new SessionFiles())).isEqualTo(json);
    }

    @Test
    void aFinishedSearchComesBackWithoutRunningAgain(FxRobot robot) throws Exception {
        robot.clickOn("#tab-search");
        robot.interact(() -> robot.lookup("#search-task").queryComboBox().getSelectionModel().select(1));
        robot.doubleClickOn("#search-batches");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("64");
        robot.doubleClickOn("#search-trials");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("3").type(KeyCode.ENTER);
        robot.clickOn("#run-search");
        Label status = robot.lookup("#search-status").queryAs(Label.class);
        try {
            await(240, () -> status.getText().startsWith("done"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("search status: " + status.getText());
        }
        TableView<?> table = robot.lookup("#trials").queryAs(TableView.class);
        List<Object> trials = new ArrayList<>(table.getItems());
        assertThat(trials).hasSize(3);
        String statusText = status.getText();
        assertThat(statusText).contains("best so far");
        List<List<double[]>> chart = curves(robot, "#search-chart");
        assertThat(chart).isNotEmpty();
        assertThat(chart.get(0)).isNotEmpty();
        robot.clickOn("#tab-runs");

        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        assertThat(json.get("search").get("trials").asInt()).isEqualTo(3);
        assertThat(json.get("search").get("result").get("trials")).hasSize(3);
        assertThat(json.get("search").get("result").get("best").asInt()).isGreaterThanOrEqualTo(0);

        robot.interact(() -> Workspaces.open(stage, Workspace.COMPARE));
        assertThat(robot.lookup("#trials").queryAs(TableView.class).getItems()).isEmpty();
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tab-search");
        assertThat(new ArrayList<Object>(robot.lookup("#trials").queryAs(TableView.class).getItems()))
                .isEqualTo(trials);
        assertThat(robot.lookup("#search-status").queryAs(Label.class).getText()).isEqualTo(statusText);
        sameCurves(chart, curves(robot, "#search-chart"));
        // the best trial's row is highlighted again
        int best = json.get("search").get("result").get("best").asInt();
        var rows = robot.lookup("#trials .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getStyleClass().contains(RunsView.BEST_ROW)).toList();
        assertThat(rows).hasSize(1);
        assertThat(((app.descent.compare.Search.Trial) rows.get(0).getItem()).number()).isEqualTo(best);
        assertThat(robot.lookup("#run-search").queryButton().isDisabled()).isFalse();
        Screenshots.save(stage.getScene(), "compare-session-search");
        robot.clickOn("#tab-runs");
        assertThat(saved(robot, new SessionFiles())).isEqualTo(json);

        // damaged results are refused naming the field
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result").get("trials").get(0))
                .put("status", "lost"), "compare.search.result.trials[0].status: unknown status 'lost'");
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result").get("trials").get(1))
                .put("lr", -1.0), "compare.search.result.trials[1].lr:");
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result").get("trials").get(0))
                .put("val-losses", "x"), "compare.search.result.trials[0].val-losses:");
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result")).put("best", 7),
                "compare.search.result.best: no trial 7");
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result")).remove("status"),
                "compare.search.result.status: missing");
        refused(robot, json, j -> ((ObjectNode) j.get("search").get("result")).putArray("trials"),
                "compare.search.result.trials: a search has at least one trial");
    }

    @Test
    void theInitializersComparedComeBackWithoutRunningAgain(FxRobot robot) throws Exception {
        robot.clickOn("#tab-inspect");
        robot.clickOn("#compare-inits");
        Label status = robot.lookup("#inspect-status").queryAs(Label.class);
        try {
            await(180, () -> status.getText().startsWith("initializers compared"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("inspect status: " + status.getText());
        }
        String statusText = status.getText();
        List<List<double[]>> std = curves(robot, "#activation-std-chart");
        List<List<double[]>> grad = curves(robot, "#grad-norm-chart");
        assertThat(std).hasSize(app.descent.compare.InitStudy.INITIALIZERS.size());
        javafx.scene.layout.FlowPane tiles = robot.lookup("#activation-tiles").query();
        List<String> lines = tiles.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertThat(lines).hasSize(std.size());
        robot.clickOn("#tab-runs");

        SessionFiles files = new SessionFiles();
        JsonNode json = saved(robot, files);
        JsonNode study = json.get("inspect").get("result").get("init-study");
        assertThat(study.get("curves")).hasSize(std.size());
        assertThat(json.get("inspect").get("result").has("inspection")).isFalse();

        robot.interact(() -> Workspaces.open(stage, Workspace.COMPARE));
        robot.interact(() -> state().restore(json, files).run());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tab-inspect");
        assertThat(robot.lookup("#inspect-status").queryAs(Label.class).getText()).isEqualTo(statusText);
        sameCurves(std, curves(robot, "#activation-std-chart"));
        sameCurves(grad, curves(robot, "#grad-norm-chart"));
        javafx.scene.layout.FlowPane restoredTiles = robot.lookup("#activation-tiles").query();
        assertThat(restoredTiles.getChildren().stream().map(n -> ((Label) n).getText()).toList()).isEqualTo(lines);
        Screenshots.save(stage.getScene(), "compare-session-inits");
        robot.clickOn("#tab-runs");
        assertThat(saved(robot, new SessionFiles())).isEqualTo(json);

        refused(robot, json, j -> ((ObjectNode) j.get("inspect").get("result").get("init-study").get("curves").get(0))
                .put("initializer", "orthogonal"), "compare.inspect.result.init-study.curves[0].initializer:");
        refused(robot, json, j -> ((ArrayNode) j.get("inspect").get("result").get("init-study").get("curves").get(1)
                .get("activation-std")).remove(0), "compare.inspect.result.init-study.curves[1].activation-std: "
                + (app.descent.compare.InitStudy.WIDTHS.size() - 2) + " numbers expected");
        refused(robot, json, j -> ((ObjectNode) j.get("inspect").get("result").get("init-study"))
                .put("activation", "wobble"), "compare.inspect.result.init-study.activation:");
        refused(robot, json, j -> ((ObjectNode) j.get("inspect").get("result").get("init-study"))
                .putArray("curves"), "compare.inspect.result.init-study.curves: at least one initializer");
    }

    @Test
    void aDamagedStateIsRefusedNamingTheFieldAndNothingChanges(FxRobot robot) throws Exception {
        robot.clickOn("#tab-search");
        JsonNode good = saved(robot, new SessionFiles());
        refused(robot, good, j -> ((ObjectNode) j).put("tab", "graphs"), "compare.tab: unknown tab 'graphs'");
        refused(robot, good, j -> ((ObjectNode) j.get("runs")).put("study", "x"), "compare.runs.study: expected an object");
        refused(robot, good, j -> ((ObjectNode) j.get("runs").get("study")).put("preset", "nope"),
                "compare.runs.study.preset: unknown study 'nope'");
        refused(robot, good, j -> ((ObjectNode) j.get("inspect")).put("optimizer", "adamax2"),
                "compare.inspect.optimizer: unknown optimizer 'adamax2'");
        refused(robot, good, j -> ((ObjectNode) j.get("paths")).put("steps", -3),
                "compare.paths.steps: must be from 1 to 5000");
        refused(robot, good, j -> ((ObjectNode) j.get("paths").get("optimizers").get(0)).put("optimizer", "lion"),
                "compare.paths.optimizers[0].optimizer: unknown optimizer 'lion'");
        refused(robot, good, j -> ((ObjectNode) j.get("paths")).set("race", JSON.createObjectNode()
                        .put("raced", true).put("shown", 1).put("steps", 1)),
                "compare.paths.race.window: missing");
        ObjectNode path = JSON.createObjectNode().put("optimizer", "sgd").put("lr", -1.0);
        path.putArray("points").addArray().add(0).add(0);
        refused(robot, good, j -> ((ObjectNode) j.get("paths")).set("race", race(good, path)),
                "compare.paths.race.paths[0].lr: learning rate -1.0 is out of range");
        refused(robot, good, j -> ((ObjectNode) j).remove("search"), "compare.search: missing");
        TabPane tabs = robot.lookup("#compare-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-search");

        // File ▸ New: the workspace as a new window has it
        robot.doubleClickOn("#search-seed");
        robot.write("9");
        assertThat(saved(robot, new SessionFiles()).get("search").get("seed").asText()).isNotEqualTo("0");
        robot.interact(() -> state().clear());
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-runs");
        assertThat(saved(robot, new SessionFiles()).get("search").get("seed").asText()).isEqualTo("0");
    }

    private static ObjectNode race(JsonNode good, ObjectNode path) {
        ObjectNode race = JSON.createObjectNode().put("raced", true).put("shown", 1).put("steps", 1);
        ObjectNode window = race.putObject("window").put("id", "custom").put("title", "t").put("function", "x**2 + y**2")
                .put("x-min", -1.0).put("x-max", 1.0).put("y-min", -1.0).put("y-max", 1.0).put("start-x", 0.5)
                .put("start-y", 0.5).put("lesson", "").put("steps", 1);
        window.putObject("lr");
        ArrayNode paths = race.putArray("paths");
        paths.add(path);
        return race;
    }

    private static void refused(FxRobot robot, JsonNode good, java.util.function.Consumer<JsonNode> damage,
                                String message) {
        JsonNode bad = good.deepCopy();
        damage.accept(bad);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        robot.interact(() -> {
            try {
                state().restore(bad, new SessionFiles());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(thrown.get()).as(message).isInstanceOf(SessionException.class);
        assertThat(thrown.get().getMessage()).startsWith(message);
    }
}
