package app.descent.ui.training;

import app.descent.ui.shell.Workspace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Training workspace in a real window, timed as TensorFlow Playground is watched: the toy net 2-8-8-2 (tanh,
 * batch 10, SGD 0.1) trains on xor while the decision boundary is redrawn and the charts follow. Counts training
 * steps, boundary pictures and frames the renderer actually drew, per second. With no display (a build server),
 * the window goes to Monocle's headless screen with the software renderer, the slowest way JavaFX draws.
 */
public final class WindowBench {


    private WindowBench() {
    }

    /** Whether this process has no screen to open a window on. */
    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** @param seconds how long to measure, after a warm-up of twice that, at most five seconds */
    public static app.descent.WindowService.WindowBenchResult run(double seconds) throws Exception {
        boolean headless = noDisplay() || Boolean.getBoolean("testfx.headless");
        if (headless) {
            if (WindowBench.class.getResource("/com/sun/glass/ui/monocle/MonoclePlatformFactory.class") == null) {
                throw new app.descent.UserInputException("bench --window has no display here and no Monocle "
                        + "(JavaFX's headless screen): run it under xvfb-run, or build with ./mvnw -Pwindow-bench package");
            }
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("prism.text", "t2k");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
        long begin = System.nanoTime();
        Window w = onFx(Window::open);
        try {
            // the JIT compiles JavaFX, JFreeChart and the renderer for several seconds after the window opens
            Thread.sleep((long) (1000 * Math.min(5, 2 * seconds)));
            java.util.Map<String, Long> cpuBefore = cpuTimes();
            long[] before = onFx(w::counters);
            long t0 = System.nanoTime();
            onFx(w::resetTracker);
            // a sample a second shows whether the rates hold or swing (JIT warm-up, a busy machine)
            java.util.List<double[]> perSecond = new java.util.ArrayList<>();
            long[] last = before;
            long end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
                long[] now = onFx(w::counters);
                perSecond.add(new double[] {now[0] - last[0], now[1] - last[1]});
                last = now;
            }
            long[] after = onFx(w::counters);
            double fps = onFx(w::framesPerSecond);
            String status = onFx(() -> w.view.model().statusProperty().get());
            double elapsed = (System.nanoTime() - t0) / 1e9;
            java.util.Map<String, Long> cpuAfter = cpuTimes();
            java.util.Map<String, Double> load = new java.util.TreeMap<>();
            cpuAfter.forEach((name, t) -> {
                double share = (t - cpuBefore.getOrDefault(name, 0L)) / 1e9 / elapsed;
                if (share >= 0.02) {
                    load.put(name, Math.round(share * 100) / 100.0);
                }
            });
            return new app.descent.WindowService.WindowBenchResult((after[0] - before[0]) / elapsed, (after[1] - before[1]) / elapsed, fps, headless,
                    System.getProperty("prism.order", "default"), load, perSecond, status, (System.nanoTime() - begin) / 1e9);
        } finally {
            onFx(() -> {
                w.view.model().stop();
                return null;
            });
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (onFx(() -> w.view.model().runningProperty().get()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            onFx(() -> {
                w.stage.close();
                return null;
            });
        }
    }

    /** CPU time of every live thread by name (threads of one name, as GC workers, added up). */
    private static java.util.Map<String, Long> cpuTimes() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> times = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    times.merge(info.getThreadName().replaceAll("[-#]?\\d+$", ""), t, Long::sum);
                }
            }
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            // the whole process, native threads (GC, libtorch) included
            times.put("process", os.getProcessCpuTime());
        }
        return times;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private record Window(Stage stage, Scene scene, TrainingView view, Object tracker) {
        static Window open() throws java.io.IOException {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            FXMLLoader loader = new FXMLLoader(WindowBench.class.getResource(Workspace.TRAINING.fxml()));
            Parent root = loader.load();
            TrainingView view = loader.getController();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(WindowBench.class.getResource("/css/descent.css").toExternalForm());
            Stage stage = new Stage();
            stage.setTitle("Descent — training benchmark");
            stage.setScene(scene);
            stage.show();
            TrainingViewModel model = view.model();
            model.datasetProperty().set("xor");
            model.networkProperty().set(NetworkChoices.TOY_TANH);
            model.optimizerProperty().set("sgd");
            model.learningRateProperty().set(0.1);
            model.batchSizeProperty().set(10);
            model.epochsProperty().set(1_000_000);
            model.train();
            return new Window(stage, scene, view, tracker(scene));
        }

        /** JavaFX's own count of rendered frames; an internal class, so its absence is tolerated. */
        private static Object tracker(Scene scene) {
            try {
                return com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }

        long[] counters() {
            return new long[] {view.stepsShown(), view.boundary().pictures()};
        }

        Void resetTracker() {
            if (tracker != null) {
                ((com.sun.javafx.perf.PerformanceTracker) tracker).resetAverageFPS();
            }
            return null;
        }

        double framesPerSecond() {
            return tracker == null ? Double.NaN : ((com.sun.javafx.perf.PerformanceTracker) tracker).getAverageFPS();
        }
    }
}
