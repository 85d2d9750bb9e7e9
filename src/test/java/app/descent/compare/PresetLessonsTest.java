package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.training.OptimizerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each preset shows what its lesson says, with its own learning rates, start and number of steps. */
class PresetLessonsTest {

    private static Map<String, PathRace.Path> race(String id) {
        Surface.Preset p = Surface.preset(id);
        List<OptimizerSpec> specs = OptimizerSpec.NAMES.stream().map(n -> OptimizerSpec.of(n, p.lr(n))).toList();
        Map<String, PathRace.Path> byName = new LinkedHashMap<>();
        for (PathRace.Path path : PathRace.run(p.surface(), p.startX(), p.startY(), specs, p.steps())) {
            assertThat(path.stopped()).as(id + " " + path.spec().name() + ": " + path.reason()).isFalse();
            assertThat(path.points()).hasNumberOfRows(p.steps() + 1);
            byName.put(path.spec().name(), path);
        }
        return byName;
    }

    private static double distance(double[] a, double x, double y) {
        return Math.hypot(a[0] - x, a[1] - y);
    }

    /** f averaged over the second half of a path: where it spends its time, not where it happens to end. */
    private static double lateMean(Surface s, PathRace.Path path) {
        double[][] pts = path.points();
        double sum = 0;
        for (int i = pts.length / 2; i < pts.length; i++) {
            sum += s.value(pts[i][0], pts[i][1]);
        }
        return sum / (pts.length - pts.length / 2);
    }

    @Test
    void inTheValleySgdZigZagsOnTheRimWhileMomentumAndAdamRunDownIt() {
        Map<String, PathRace.Path> r = race("valley");
        Surface s = Surface.preset("valley").surface();
        // SGD is thrown from wall to wall and spends its time high up (tanh(x)² near 1)
        double sgd = lateMean(s, r.get("sgd"));
        assertThat(sgd).isGreaterThan(0.5);
        int crossings = 0;
        double[][] pts = r.get("sgd").points();
        for (int i = 1; i < pts.length; i++) {
            crossings += Math.signum(pts[i][0]) != Math.signum(pts[i - 1][0]) ? 1 : 0;
        }
        assertThat(crossings).isGreaterThanOrEqualTo(2);
        for (String name : List.of("momentum", "adam")) {
            assertThat(lateMean(s, r.get(name))).as(name).isLessThan(sgd / 10);
            assertThat(r.get(name).finalValue()).as(name).isLessThan(0.01);
            assertThat(r.get(name).last()[1]).as(name).isLessThan(-8);
        }
    }

    @Test
    void onTheSteepOptimumAdamFindsAWellAndSgdStaysOnThePlain() {
        Map<String, PathRace.Path> r = race("steep-optimum");
        Surface.Preset p = Surface.preset("steep-optimum");
        double deepest = p.surface().value(-0.5, -0.8);
        assertThat(r.get("sgd").finalValue()).isGreaterThan(deepest / 100);
        assertThat(r.get("adam").finalValue()).isLessThan(deepest * 0.9);
        assertThat(distance(r.get("adam").last(), -0.5, -0.8)).isLessThan(0.05);
    }

    @Test
    void onRosenbrockEveryoneFindsTheValleyAndMomentumGoesFurthestAlongIt() {
        Map<String, PathRace.Path> r = race("rosenbrock");
        Surface.Preset p = Surface.preset("rosenbrock");
        double start = p.surface().value(p.startX(), p.startY());
        r.forEach((name, path) -> assertThat(path.finalValue()).as(name).isLessThan(start));
        assertThat(r.get("momentum").finalValue()).isLessThan(r.get("sgd").finalValue() / 10);
        assertThat(distance(r.get("momentum").last(), 1, 1)).isLessThan(distance(r.get("sgd").last(), 1, 1) / 2);
        assertThat(distance(r.get("nesterov").last(), 1, 1)).isLessThan(0.5);
    }

    @Test
    void atTheSaddleSgdLingersAndTheOthersLeaveAlongY() {
        Map<String, PathRace.Path> r = race("saddle");
        double sgd = Math.abs(r.get("sgd").last()[1]);
        assertThat(sgd).isLessThan(0.5);
        for (String name : List.of("momentum", "nesterov", "adam", "rmsprop")) {
            assertThat(Math.abs(r.get(name).last()[1])).as(name).isGreaterThan(3 * sgd);
            assertThat(r.get(name).finalValue()).as(name).isLessThan(r.get("sgd").finalValue());
        }
    }

    @Test
    void onTheBumpyBowlSgdStopsInADipAndMomentumRollsToTheBottom() {
        Map<String, PathRace.Path> r = race("bumpy-bowl");
        Surface s = Surface.preset("bumpy-bowl").surface();
        double[] sgd = r.get("sgd").last();
        // a dip: the gradient has vanished there, yet it is well above the best value the others found
        double[] g = s.gradient(sgd[0], sgd[1]);
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-3);
        assertThat(r.get("momentum").finalValue()).isLessThan(r.get("sgd").finalValue() - 0.2);
        assertThat(r.get("adam").finalValue()).isLessThan(r.get("sgd").finalValue() - 0.2);
    }
}
