package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveChartTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void aLongRunIsThinnedEvenlyAndKeepsItsEpochEnds(FxRobot robot) {
        List<XYSeries> result = new ArrayList<>();
        robot.interact(() -> {
            LiveChart chart = new LiveChart("Loss", "step", "loss", "train loss");
            chart.capPoints(100);
            for (int step = 1; step <= 100_000; step++) {
                // epochs of 36 steps, as xor with batch 10: thousands of them
                chart.add(0, step, 1.0 / step, step % 36 == 0);
                if (step % 5000 == 0) {
                    chart.commit();
                }
            }
            chart.commit();
            result.add(chart.series(0));
        });
        XYSeries s = result.get(0);
        assertThat(s.getItemCount()).isBetween(100, 200);
        // the curve covers the whole run
        assertThat(s.getMaxX()).isGreaterThan(97_000.0);
        assertThat(s.getMinX()).isEqualTo(1.0);
        // even density: no stretch of the run is left with far fewer points than another
        int[] perTenth = new int[10];
        for (int i = 0; i < s.getItemCount(); i++) {
            perTenth[(int) Math.min(9, (s.getX(i).doubleValue() - 1) / 10_000)]++;
        }
        for (int count : perTenth) {
            assertThat(count).isBetween(s.getItemCount() / 30, s.getItemCount() / 4);
        }
    }

    @Test
    void withoutACapEveryPointStays(FxRobot robot) {
        List<Integer> count = new ArrayList<>();
        robot.interact(() -> {
            LiveChart chart = new LiveChart("Loss", "step", "loss", "train loss");
            for (int step = 1; step <= 3000; step++) {
                chart.add(0, step, step);
            }
            count.add(chart.series(0).getItemCount());
        });
        assertThat(count).containsExactly(3000);
    }
    /** Issue 13: one epoch's point read "1.13E2 1.13E2 1.13E2…" on the accuracy chart. */
    @Test
    void onePointGivesDistinctTicksInTheDataUnits(FxRobot robot) {
        List<String> labels = new ArrayList<>();
        robot.interact(() -> {
            LiveChart chart = new LiveChart("Accuracy", "step", "accuracy", "train accuracy (epoch)",
                    "val accuracy (epoch)");
            chart.add(0, 113, 0.913);
            chart.add(1, 113, 0.887);
            chart.commit();
            // drawing chooses the ticks
            chart.chart().createBufferedImage(520, 260);
            for (var axis : List.of((org.jfree.chart.axis.NumberAxis) chart.chart().getXYPlot().getDomainAxis(),
                    (org.jfree.chart.axis.NumberAxis) chart.chart().getXYPlot().getRangeAxis())) {
                double lower = axis.getLowerBound();
                double unit = axis.getTickUnit().getSize();
                StringBuilder ticks = new StringBuilder();
                for (double t = Math.ceil(lower / unit) * unit; t <= axis.getUpperBound(); t += unit) {
                    ticks.append(axis.getTickUnit().valueToString(t)).append(' ');
                }
                labels.add(ticks.toString().strip());
            }
        });
        for (String ticks : labels) {
            String[] each = ticks.split(" ");
            assertThat(each.length).as(ticks).isGreaterThanOrEqualTo(2);
            assertThat(new java.util.HashSet<>(List.of(each))).as("distinct ticks: " + ticks).hasSize(each.length);
            assertThat(ticks).as("in the data's units").doesNotContain("E");
        }
        // the step axis around 113, the accuracy axis around 0.9
        assertThat(labels.get(0)).contains("110");
        assertThat(labels.get(1)).containsPattern("0[.,]9");
    }
}
