package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private Stage stage;

    /** A study a test gave up waiting for must not hold the training thread for the next test. */
    @org.junit.jupiter.api.AfterEach
    void freeTheTrainingThread() {
        app.descent.training.TrainingThreads.stopAll(java.time.Duration.ofSeconds(120));
    }

    /**
     * Waits for the condition, then for the FX thread to finish what it is doing: a view applies one update in one
     * runnable, and the test must not read it half applied.
     */
    private static void await(long seconds, java.util.concurrent.TimeUnit unit,
                              java.util.concurrent.Callable<Boolean> condition) throws java.util.concurrent.TimeoutException {
        org.testfx.util.WaitForAsyncUtils.waitFor(seconds, unit, condition);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.COMPARE);
    }

    @Test
    void activationsShowSlopesSaturationAndReadout(FxRobot robot) {
        robot.clickOn("#tab-activations");
        robot.clickOn("#show-gelu");
        TableView<?> table = robot.lookup("#activation-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        ChartViewer slope = new java.util.ArrayList<>(robot.lookup("#slope-chart").queryAll()).stream()
                .map(ChartViewer.class::cast).findFirst().orElseThrow();
        XYPlot plot = slope.getChart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(4);
        // sigmoid's two tails and ReLU's negative half are shaded at least
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(plot.getAnnotations()).isNotEmpty();
        robot.moveTo(slope);
        robot.moveBy(40, 0);
        assertThat(robot.lookup("#activation-readout").queryAs(Label.class).getText()).startsWith("x = ")
                .contains("Sigmoid").contains("GELU");
        Screenshots.save(stage.getScene(), "compare-activations");
    }

    @Test
    void theActivationsAddedThroughTheRegistryAreInTheExplorer(FxRobot robot) {
        stage.setWidth(1280);
        stage.setHeight(720);
        robot.clickOn("#tab-activations");
        for (String id : new String[] {"sigmoid", "tanh", "relu"}) {
            robot.clickOn("#show-" + id);
        }
        for (String id : new String[] {"mish", "softsign", "hardtanh"}) {
            robot.clickOn("#show-" + id);
        }
        TableView<?> table = robot.lookup("#activation-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(r -> ((ActivationsViewModel.Row) r).activation().torchName())
                .containsExactly("Mish", "Softsign", "Hardtanh");
        ActivationsViewModel.Row hardtanh = (ActivationsViewModel.Row) table.getItems().get(2);
        assertThat(hardtanh.saturated()).isEqualTo("x < -1 and x > 1");
        ChartViewer slope = new java.util.ArrayList<>(robot.lookup("#slope-chart").queryAll()).stream()
                .map(ChartViewer.class::cast).findFirst().orElseThrow();
        assertThat(slope.getChart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(3);
        robot.moveTo(slope);
        assertThat(robot.lookup("#activation-readout").queryAs(Label.class).getText()).contains("Mish")
                .contains("Softsign").contains("Hardtanh");
        Screenshots.save(stage.getScene(), "compare-activations-registry");
    }

    @Test
    void inspectShowsGradientFlowAndHistogramsPerLayer(FxRobot robot) throws Exception {
        robot.clickOn("#tab-inspect");
        javafx.scene.control.ComboBox<String> activation = robot.lookup("#inspect-activation").queryComboBox();
        robot.interact(() -> activation.getSelectionModel().select("Sigmoid"));
        robot.clickOn("#inspect");
        javafx.scene.layout.FlowPane tiles = robot.lookup("#activation-tiles").query();
        await(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> tiles.getChildren().size() == 4
                        && robot.lookup("#inspect-status").queryAs(Label.class).getText().contains("step 0"));
        ChartViewer grad = robot.lookup("#grad-norm-chart").query();
        var series = ((org.jfree.data.xy.XYSeriesCollection) grad.getChart().getXYPlot().getDataset()).getSeries(0);
        assertThat(series.getItemCount()).isEqualTo(5);
        // sigmoid: the first layer's gradient is far smaller than the last's (vanishing gradients)
        assertThat(series.getY(0).doubleValue()).isLessThan(series.getY(4).doubleValue() / 10);
        Screenshots.save(stage.getScene(), "compare-inspect");
    }

    @Test
    void theToyNetInspectsSpiralsThreeClasses(FxRobot robot) throws Exception {
        robot.clickOn("#tab-inspect");
        pick(robot, "#inspect-network", InspectViewModel.TOY);
        pick(robot, "#inspect-dataset", "spiral");
        robot.clickOn("#inspect");
        // the toy net once kept 2 outputs whatever the set, and spiral's 3 classes were refused
        await(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#inspect-status").queryAs(Label.class).getText().contains("step 0"));
        assertThat(robot.lookup("#inspect-status").queryAs(Label.class).getText()).doesNotContain("outputs");
    }

    /** Opens a combo box with a click and clicks the item, as a person picks from a list. */
    private static void pick(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        robot.clickOn(n -> n instanceof javafx.scene.control.ListCell<?> c && item.equals(c.getText())
                && c.isVisible());
    }

    @Test
    void initializersComparedOnADeepNet(FxRobot robot) throws Exception {
        robot.clickOn("#tab-inspect");
        robot.clickOn("#compare-inits");
        ChartViewer std = robot.lookup("#activation-std-chart").query();
        await(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#inspect-status").queryAs(Label.class).getText().startsWith("initializers compared"));
        var data = (org.jfree.data.xy.XYSeriesCollection) std.getChart().getXYPlot().getDataset();
        var small = data.getSeries("normal:0.01");
        var kaiming = data.getSeries("kaiming");
        // normal(0.01) collapses with depth; Kaiming keeps ReLU activations' spread
        assertThat(small.getY(small.getItemCount() - 1).doubleValue()).isLessThan(small.getY(0).doubleValue() / 100);
        double ratio = kaiming.getY(kaiming.getItemCount() - 1).doubleValue() / kaiming.getY(0).doubleValue();
        assertThat(ratio).isBetween(0.3, 3.0);
        Screenshots.save(stage.getScene(), "compare-inits");
    }

    @Test
    void optimizersRaceOnTheValleyAndAHyperparameterCanBeEdited(FxRobot robot) throws Exception {
        robot.clickOn("#tab-paths");
        ContourCanvas map = robot.lookup("#contour").queryAs(ContourCanvas.class);
        TableView<?> racers = robot.lookup("#racers").queryAs(TableView.class);
        try {
            await(90, java.util.concurrent.TimeUnit.SECONDS, map::hasSurface);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("error: " + robot.lookup("#path-error").queryAs(Label.class).getText() + " status: "
                    + robot.lookup("#path-step-count").queryAs(Label.class).getText());
        }
        // before Race: the start only, no path and no end
        assertThat(map.shownSteps()).isZero();
        robot.clickOn("#race");
        // a race plays by itself; Reset and Play replay it
        await(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> map.shownSteps() >= 100);
        robot.clickOn("#path-reset");
        assertThat(map.shownSteps()).isZero();
        robot.clickOn("#path-play");
        await(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> map.shownSteps() >= 100);
        var rows = racers.getItems().stream().map(PathsViewModel.Racer.class::cast).toList();
        PathsViewModel.Racer adam = rows.stream().filter(r -> r.name().equals("adam")).findFirst().orElseThrow();
        assertThat(adam.resultProperty().get()).startsWith("f = ");
        assertThat(robot.lookup("#path-step-count").queryAs(Label.class).getText()).isEqualTo("step 100 / 100");

        // a typo in a learning rate is named, and nothing is raced
        robot.interact(() -> adam.lrProperty().set("0.1x"));
        robot.clickOn("#race");
        assertThat(robot.lookup("#path-error").queryAs(Label.class).getText()).contains("adam").contains("0.1x");
        robot.interact(() -> adam.lrProperty().set("1"));

        // a function typed by hand, started where the mouse clicks
        javafx.scene.control.TextField f = robot.lookup("#surface-expression").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> f.setText("x**2 + 10*y**2"));
        robot.clickOn(map);
        await(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#path-step-count").queryAs(Label.class).getText().startsWith("step"));
        assertThat(robot.lookup("#path-error").queryAs(Label.class).getText()).isEmpty();
        robot.interact(() -> f.setText("x**2 + y*"));
        robot.clickOn("#race");
        assertThat(robot.lookup("#path-error").queryAs(Label.class).getText()).contains("column");
        robot.interact(() -> f.setText("tanh(x)**2 + 0.01*abs(x) + sigmoid(y)"));
        robot.interact(() -> robot.lookup("#surface-preset").queryComboBox().getSelectionModel().select(2));
        robot.interact(() -> robot.lookup("#surface-preset").queryComboBox().getSelectionModel().select(0));
        robot.clickOn("#race");
        await(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> map.shownSteps() >= 60);
        Screenshots.save(stage.getScene(), "compare-paths");
    }

    /** The table is the registry's: NAdam races when ticked, and its ψ column is edited by typing in the cell. */
    @Test
    void nadamIsTickedAndItsMomentumDecayTypedInTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#tab-paths");
        ContourCanvas map = robot.lookup("#contour").queryAs(ContourCanvas.class);
        TableView<?> racers = robot.lookup("#racers").queryAs(TableView.class);
        await(90, java.util.concurrent.TimeUnit.SECONDS, map::hasSurface);
        var rows = racers.getItems().stream().map(PathsViewModel.Racer.class::cast).toList();
        assertThat(rows).extracting(PathsViewModel.Racer::name)
                .containsExactlyElementsOf(app.descent.catalog.Optimizers.IDS);
        assertThat(racers.getColumns()).extracting(javafx.scene.control.TableColumn::getText)
                .contains("momentum", "β1", "β2", "α", "ε", "weight decay", "ψ");
        int index = app.descent.catalog.Optimizers.IDS.indexOf("nadam");
        PathsViewModel.Racer nadam = rows.get(index);
        assertThat(Double.parseDouble(nadam.hyperparameterProperty("momentumDecay").get())).isEqualTo(0.004);
        robot.interact(() -> racers.scrollTo(index));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(cell(robot, index, "race")).lookup(".check-box").queryAs(javafx.scene.Node.class));
        assertThat(nadam.enabledProperty().get()).isTrue();
        robot.doubleClickOn(cell(robot, index, "ψ"));
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write("0.01")
                .push(javafx.scene.input.KeyCode.ENTER);
        assertThat(nadam.hyperparameterProperty("momentumDecay").get()).isEqualTo("0.01");
        // its learning rate is the preset's for Adam's family, shown and editable; a hyperparameter NAdam lacks is a dash
        assertThat(((javafx.scene.control.TableCell<?, ?>) cell(robot, index, "lr")).getText())
                .isEqualTo(nadam.lrProperty().get()).isNotEqualTo("–");
        assertThat(((javafx.scene.control.TableCell<?, ?>) cell(robot, index, "α")).getText()).isEqualTo("–");
        robot.clickOn("#race");
        await(90, java.util.concurrent.TimeUnit.SECONDS, () -> nadam.resultProperty().get().startsWith("f = "));
        assertThat(robot.lookup("#path-error").queryAs(Label.class).getText()).isEmpty();
        Screenshots.save(stage.getScene(), "compare-paths-nadam");
    }

    /** The cell of the racers table in row {@code row} under the column headed {@code header}. */
    private static javafx.scene.Node cell(FxRobot robot, int row, String header) {
        return robot.lookup("#racers .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getIndex() == row && c.getTableColumn() != null && header.equals(c.getTableColumn().getText()))
                .query();
    }

    @Test
    void reluAgainstSigmoidSideBySideWithHistogramsPerLayer(FxRobot robot) throws Exception {
        robot.clickOn("#tab-runs");
        javafx.scene.control.ComboBox<app.descent.compare.Study> study = robot.lookup("#study").queryComboBox();
        robot.interact(() -> study.getSelectionModel().select(app.descent.compare.Study.byId("relu-vs-sigmoid")));
        assertThat(robot.lookup("#study-effect").queryAs(Label.class).getText()).contains("Sigmoid");
        robot.clickOn("#run-study");
        Label status = robot.lookup("#runs-status").queryAs(Label.class);
        await(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> status.getText().startsWith("done"));
        ChartViewer loss = robot.lookup("#runs-loss-chart").query();
        var data = (org.jfree.data.xy.XYSeriesCollection) loss.getChart().getXYPlot().getDataset();
        var relu = data.getSeries(0);
        var sigmoid = data.getSeries(1);
        assertThat(relu.getKey()).isEqualTo("activation=relu");
        assertThat(relu.getItemCount()).isGreaterThan(10);
        assertThat(sigmoid.getItemCount()).isGreaterThan(10);
        // both start from the same loss; ReLU ends far lower
        assertThat(relu.getY(relu.getItemCount() - 1).doubleValue())
                .isLessThan(sigmoid.getY(sigmoid.getItemCount() - 1).doubleValue() - 0.3);
        javafx.scene.layout.VBox rows = robot.lookup("#run-histograms").query();
        assertThat(rows.getChildren()).hasSize(2);
        javafx.scene.layout.FlowPane tiles = (javafx.scene.layout.FlowPane) ((javafx.scene.layout.VBox) rows
                .getChildren().get(0)).getChildren().get(1);
        assertThat(tiles.getChildren()).hasSize(6);
        TableView<?> report = robot.lookup("#report").queryAs(TableView.class);
        assertThat(report.getItems()).hasSize(2);
        // every header is readable whole ("initial loss", not "initia…")
        robot.interact(() -> { });
        var headers = robot.lookup("#report .column-header .label").queryAllAs(javafx.scene.control.Label.class);
        assertThat(headers).extracting(javafx.scene.control.Label::getText).contains("initial loss", "val accuracy");
        for (javafx.scene.control.Label h : headers) {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) h.lookup(".text");
            assertThat(shown.getText()).as("header " + h.getText()).isEqualTo(h.getText());
        }
        // gradient flow: the sigmoid net's first layer gets a far smaller gradient than the ReLU net's
        ChartViewer flow = robot.lookup("#runs-gradient-chart").query();
        var norms = (org.jfree.data.xy.XYSeriesCollection) flow.getChart().getXYPlot().getDataset();
        assertThat(norms.getSeries(0).getItemCount()).isEqualTo(7);
        assertThat(norms.getSeries(1).getY(0).doubleValue()).isLessThan(norms.getSeries(0).getY(0).doubleValue() / 5);
        Screenshots.save(stage.getScene(), "compare");
    }

    @Test
    void aRandomSearchScoresTrialsByValidationLossAndPrunesBadOnes(FxRobot robot) throws Exception {
        robot.clickOn("#tab-search");
        robot.interact(() -> robot.lookup("#search-task").queryComboBox().getSelectionModel().select(1));
        javafx.scene.control.Spinner<Integer> trials = robot.lookup("#search-trials").query();
        robot.interact(() -> trials.getValueFactory().setValue(6));
        robot.clickOn("#run-search");
        Label status = robot.lookup("#search-status").queryAs(Label.class);
        await(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> status.getText().startsWith("done"));
        TableView<?> table = robot.lookup("#trials").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(6);
        var rows = table.getItems().stream().map(app.descent.compare.Search.Trial.class::cast).toList();
        double bestLoss = rows.stream().filter(t -> t.status() == app.descent.compare.Search.Status.DONE)
                .mapToDouble(app.descent.compare.Search.Trial::valLoss).min().orElseThrow();
        assertThat(status.getText()).contains("best so far").contains(app.descent.graph.ComputationGraph.format(bestLoss, 4));
        // learning rates as a person writes them: 3.2e-4, never "0.000…"
        robot.interact(() -> { });
        var lrCells = robot.lookup("#trials .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getTableColumn().getText().equals("lr") && c.getText() != null).toList();
        assertThat(lrCells).isNotEmpty();
        for (javafx.scene.control.TableCell<?, ?> c : lrCells) {
            double lr = (Double) c.getItem();
            assertThat(c.getText()).isEqualTo(Cells.hyperparameter(lr));
            javafx.scene.text.Text shown = (javafx.scene.text.Text) c.lookup(".text");
            assertThat(shown.getText()).as("lr " + lr).isEqualTo(c.getText()).doesNotContain("…");
        }
        // sorting by validation loss puts the best first
        robot.clickOn("val loss");
        assertThat(((app.descent.compare.Search.Trial) table.getItems().get(0)).valLoss()).isEqualTo(bestLoss);
        Screenshots.save(stage.getScene(), "compare-search");
    }

    @Test
    void aBadRangeIsNamed(FxRobot robot) {
        robot.clickOn("#tab-search");
        javafx.scene.control.TextField lr = robot.lookup("#search-lr").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> lr.setText("0.1, fast"));
        robot.clickOn("#run-search");
        assertThat(robot.lookup("#search-status").queryAs(Label.class).getText())
                .isEqualTo("learning rate range: 'fast' is not a number");
    }

    @Test
    void complexityStudyMarksUnderAndOverfitting(FxRobot robot) throws Exception {
        robot.clickOn("#tab-runs");
        javafx.scene.control.ComboBox<app.descent.compare.Study> study = robot.lookup("#study").queryComboBox();
        robot.interact(() -> study.getSelectionModel().select(app.descent.compare.Study.byId("complexity")));
        robot.clickOn("#run-study");
        Label status = robot.lookup("#runs-status").queryAs(Label.class);
        await(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> status.getText().startsWith("done"));
        ChartViewer figures = robot.lookup("#runs-figure-chart").query();
        assertThat(figures.isVisible()).isTrue();
        var plot = figures.getChart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        var labels = plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).stream()
                .map(m -> ((org.jfree.chart.plot.Marker) m).getLabel()).toList();
        assertThat(labels).contains("underfitting", "overfitting");
        Screenshots.save(stage.getScene(), "compare-complexity");
    }
}
