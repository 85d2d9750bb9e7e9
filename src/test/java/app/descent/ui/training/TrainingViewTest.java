package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.TRAINING);
    }

    private static double mean(XYSeries s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s.getY(i).doubleValue();
        }
        return sum / (to - from);
    }

    @Test
    void trainsXorByClickingWithLiveCurveAndBoundary(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select("xor"));
        robot.clickOn("#train");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(120, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        TrainingViewModel.RunRow row = (TrainingViewModel.RunRow) history.getItems().get(0);
        assertThat(row.result()).contains("test accuracy");
        // the run's last steps reach the chart with the next batch of updates, a frame or so after its result
        waitFor(10, TimeUnit.SECONDS,
                () -> findChart(robot).getItemCount() > 0 && findChart(robot).getMaxX() == 1080.0);
        XYSeries loss = findChart(robot);
        // 1,080 steps, thinned evenly to a few hundred points that still reach the last step
        assertThat(loss.getItemCount()).isBetween(250, 500);
        assertThat(loss.getMinX()).isEqualTo(1.0);
        assertThat(loss.getMaxX()).isEqualTo(1080.0);
        assertThat(mean(loss, loss.getItemCount() - 50, loss.getItemCount())).isLessThan(mean(loss, 0, 50) / 2);
        BoundaryCanvas canvas = robot.lookup("#boundary").queryAs(BoundaryCanvas.class);
        assertThat(canvas.hasBoundary()).isTrue();
        assertThat(canvas.frames()).isGreaterThan(3);
        assertThat(robot.lookup("#training-status").queryAs(Label.class).getText()).contains("test accuracy");

        // the same curves against epochs
        robot.clickOn("#x-epochs");
        XYSeries byEpoch = findChart(robot);
        assertThat(byEpoch.getMaxX()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        robot.clickOn("#x-epochs");
        assertThat(findChart(robot).getMaxX()).isEqualTo(1080.0);

        // a second run with another learning rate, laid over the first
        javafx.scene.control.Slider lr = robot.lookup("#lr").query();
        robot.interact(() -> lr.setValue(-2));
        robot.clickOn("#train");
        waitFor(120, TimeUnit.SECONDS, () -> history.getItems().size() == 2
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        robot.interact(() -> history.getSelectionModel().select(1));
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup(n -> n instanceof org.jfree.chart.fx.ChartViewer).query();
        XYSeries compared = ((org.jfree.data.xy.XYSeriesCollection) viewer.getChart().getXYPlot().getDataset())
                .getSeries(2);
        assertThat(compared.getItemCount()).isEqualTo(loss.getItemCount());
        Screenshots.save(stage.getScene(), "training");
    }

    private static XYSeries findChart(FxRobot robot) {
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup(n -> n instanceof org.jfree.chart.fx.ChartViewer).query();
        return ((org.jfree.data.xy.XYSeriesCollection) viewer.getChart().getXYPlot().getDataset()).getSeries(0);
    }

    @Test
    void trainsMnistAndShowsTheConfusionMatrixAndMistakes(FxRobot robot) throws Exception {
        ComboBox<String> dataset = robot.lookup("#dataset").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select("mnist"));
        javafx.scene.control.Spinner<Integer> epochs = robot.lookup("#epochs").query();
        robot.interact(() -> epochs.getValueFactory().setValue(1));
        robot.clickOn("#train");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(120, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        assertThat(((TrainingViewModel.RunRow) history.getItems().get(0)).result()).contains("test accuracy");
        javafx.scene.layout.GridPane confusion = robot.lookup("#confusion").query();
        // 10 rows and a header, 10 columns plus names and accuracy
        waitFor(10, TimeUnit.SECONDS, () -> confusion.getChildren().size() == 11 * 12);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Misclassified")));
        Screenshots.save(stage.getScene(), "training-mnist");
    }

    @Test
    void aBadSettingIsReportedAndNothingStarts(FxRobot robot) {
        ComboBox<String> init = robot.lookup("#init").queryComboBox();
        robot.interact(() -> init.setValue("orthogonal"));
        robot.clickOn("#train");
        assertThat(robot.lookup("#training-status").queryAs(Label.class).getText()).contains("unknown initializer");
        assertThat(robot.lookup("#history").queryAs(TableView.class).getItems()).isEmpty();
    }
}
