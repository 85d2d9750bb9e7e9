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
}
