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
}
