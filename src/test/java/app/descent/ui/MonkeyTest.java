package app.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.training.TrainingThreads;
import app.descent.ui.fx.CrashReport;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.ShellSettings;
import app.descent.ui.shell.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A monkey in the window: random clicks, keys, typing, pastes, drags, scrolls and workspace switches across every
 * workspace, with a fixed seed, while a network trains. File choosers, dialogs and Quit go to a recording service,
 * so nothing modal blocks it. It fails on any uncaught exception (FX thread or another), on a window that closed
 * and on an FX thread that stops answering. It measures the longest FX-thread stall with a heartbeat (a figure for
 * the README, never asserted) and writes it to target/monkey-report.json.
 * <p>
 * {@code -Dmonkey.events=N} runs exactly N events (a long walk); without it the walk stops after 3,000 events or
 * {@code monkey.seconds} (90), so that {@code mvn test} stays within two minutes on a slow machine (the same seed
 * gives the same walk, cut shorter). {@code -Dmonkey.seed=S} changes the walk.
 */
@Tag("monkey")
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {
    /** Events in the walk; without -Dmonkey.events, as many of the default 3,000 as fit in monkey.seconds. */
    static final int EVENTS = Integer.getInteger("monkey.events", 3000);
    static final long SECONDS = Long.getLong("monkey.seconds",
            System.getProperty("monkey.events") == null ? 90 : Long.MAX_VALUE / 2_000_000_000L);
    static final long SEED = Long.getLong("monkey.seed", 15);
    /** An FX thread that does not answer for this long has hung: the test fails there. */
    static final long HANG_SECONDS = 60;
    static final Path FILES = Path.of("target", "monkey-files");

    private static final String[] TEXTS = {
        "x", "y", "2", "+", "*", "-", "/", "(", ")", ",", ".", " ", "max(", "relu(", "exp(", "log(", "sigmoid(",
        "tanh(", "x*y+z", "2((xy)+max(z,w))", "1e308", "1e-320", "-0", "NaN", "∞", "π", "é", "∑", "\t", "\n",
        "x^2", "((((", "))))", "abs(x)", "0.5", "99999999999999999999", "a b c",
        "nn.Linear(10, 7)", "nn.ReLU()", "nn.Conv2d(3, 16, 3)", "x = torch.randn(100, 10)",
        "net = nn.Sequential(nn.Linear(10, 7), nn.ReLU(), nn.Linear(7, 1))", "import torch", "torch.nn as nn",
        "3,4", "1,5;2,3", "\"", "'", "\\", "{", "}", "[", "]", "=", ":", "#", "@", "%", "&", "<", ">", "?", "!",
    };
    private static final KeyCode[] KEYS = {
        KeyCode.TAB, KeyCode.ENTER, KeyCode.ESCAPE, KeyCode.SPACE, KeyCode.BACK_SPACE, KeyCode.DELETE, KeyCode.UP,
        KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN,
        KeyCode.F1, KeyCode.F2, KeyCode.F5, KeyCode.F10, KeyCode.A, KeyCode.X, KeyCode.DIGIT1, KeyCode.MINUS,
        KeyCode.PLUS, KeyCode.EQUALS,
    };
    /** With Ctrl (Cmd): undo, select all, copy, paste, cut, redo, zoom, workspaces, Quit, close, find, save, open. */
    private static final KeyCode[] SHORTCUTS = {
        KeyCode.Z, KeyCode.Y, KeyCode.A, KeyCode.C, KeyCode.V, KeyCode.X, KeyCode.Q, KeyCode.W, KeyCode.S,
        KeyCode.O, KeyCode.F, KeyCode.PLUS, KeyCode.MINUS, KeyCode.DIGIT0, KeyCode.ENTER, KeyCode.TAB,
    };

    private Stage stage;
    private RecordingDialogs dialogs;
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread.UncaughtExceptionHandler fxBefore;
    private final List<Throwable> robotFailures = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
        ShellSettings settings = ShellSettings.load();
        settings.clear();
        settings.saveWorkspace(Workspace.TRAINING);
        Session.reset();
        Files.createDirectories(FILES);
        Random files = new Random(SEED);
        dialogs = new RecordingDialogs().answerOpen(pattern -> openAnswer(files, pattern))
                .answerSave(name -> saveAnswer(files, name));
        Dialogs.use(dialogs);
        // the application as Launcher starts it: its own handlers for uncaught exceptions, then the window
        DescentApp.open(stage);
    }

    @AfterEach
    void restore(FxRobot robot) {
        TrainingThreads.stopAll(Duration.ofSeconds(30));
        Dialogs.use(null);
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
    }

    /** Files a student might pick: good ones, ones the monkey saved, and broken ones. */
    private static File openAnswer(Random random, String pattern) {
        try {
            Path good = FILES.resolve("points.csv");
            if (!Files.exists(good)) {
                StringBuilder csv = new StringBuilder("x1,x2,label\n");
                Random r = new Random(1);
                for (int i = 0; i < 80; i++) {
                    double a = r.nextGaussian();
                    double b = r.nextGaussian();
                    csv.append(a).append(',').append(b).append(',').append(a * b > 0 ? 1 : 0).append('\n');
                }
                Files.writeString(good, csv);
                Files.write(FILES.resolve("garbage.bin"), randomBytes(r, 4096));
                Files.writeString(FILES.resolve("empty.txt"), "");
                Files.writeString(FILES.resolve("half.json"), "{\"layers\": [{\"type\": \"Linear\", \"in\"");
                Files.writeString(FILES.resolve("semicolons.csv"), "\uFEFFa;b;label\n1,5;2,3;0\n\"x;y\";3;1\n");
            }
            List<File> saved;
            try (var list = Files.list(FILES)) {
                saved = list.map(Path::toFile).sorted().collect(Collectors.toList());
            }
            int pick = random.nextInt(10);
            if (pick < 3) {
                return null;
            } else if (pick < 5) {
                return good.toFile();
            } else if (pick == 5) {
                return FILES.resolve("missing-" + random.nextInt(100) + ".csv").toFile();
            } else if (pick == 6) {
                return FILES.toFile();
            }
            return saved.get(random.nextInt(saved.size()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static File saveAnswer(Random random, String name) {
        int pick = random.nextInt(10);
        if (pick < 3) {
            return null;
        } else if (pick < 8) {
            return FILES.resolve(name).toFile();
        } else if (pick == 8) {
            return FILES.resolve("points.csv").resolve(name).toFile(); // a folder that is a file: the save fails
        }
        return FILES.toFile(); // a folder
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Frames of the FX thread: the longest gap between two is the longest time the window did not answer. */
    private static final class Heartbeat extends AnimationTimer {
        private long last;
        long frames;
        long longest;
        String longestAfter = "";
        volatile String lastEvent = "start";
        final List<long[]> gapsMs = new ArrayList<>();
        final Map<String, Long> stalls = new TreeMap<>();

        @Override
        public void handle(long pulse) {
            long now = System.nanoTime();
            if (last != 0) {
                long gap = now - last;
                frames++;
                gapsMs.add(new long[] {gap / 1_000_000});
                if (gap > longest) {
                    longest = gap;
                    longestAfter = lastEvent;
                }
                if (gap > 100_000_000L) {
                    stalls.merge(String.format("%06d ms after %s", gap / 1_000_000, lastEvent), 1L, Long::sum);
                }
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = 0;
        }

        long percentile(double p) {
            long[] all = gapsMs.stream().mapToLong(g -> g[0]).sorted().toArray();
            return all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) Math.floor(p * all.length))];
        }
    }

    /** One action by the monkey; returns what it did, for the report. */
    private final class Monkey {
        private final Random random = new Random(SEED);
        private final BaseRobot base;
        private final FxRobot robot;

        Monkey(FxRobot robot) {
            this.robot = robot;
            this.base = robot.robotContext().getBaseRobot();
        }

        String act() throws Exception {
            int dice = random.nextInt(100);
            if (dice < 38) {
                Node n = pick();
                if (n == null) {
                    return clickAt(randomPoint(), MouseButton.PRIMARY, "click in the window");
                }
                return clickAt(inside(n), random.nextInt(12) == 0 ? MouseButton.SECONDARY : MouseButton.PRIMARY,
                        "click " + describe(n));
            } else if (dice < 43) {
                Point2D p = randomPoint();
                clickAt(p, MouseButton.PRIMARY, "");
                clickAt(p, MouseButton.PRIMARY, "");
                return "double click at " + (int) p.getX() + "," + (int) p.getY();
            } else if (dice < 53) {
                return drag();
            } else if (dice < 57) {
                base.moveMouse(randomPoint());
                int amount = random.nextInt(11) - 5;
                base.scrollMouse(amount);
                return "scroll " + amount;
            } else if (dice < 72) {
                KeyCode k = KEYS[random.nextInt(KEYS.length)];
                boolean shift = random.nextInt(6) == 0;
                if (shift) {
                    base.pressKeyboard(KeyCode.SHIFT);
                }
                base.pressKeyboard(k);
                base.releaseKeyboard(k);
                if (shift) {
                    base.releaseKeyboard(KeyCode.SHIFT);
                }
                return "key " + (shift ? "Shift+" : "") + k;
            } else if (dice < 78) {
                KeyCode k = SHORTCUTS[random.nextInt(SHORTCUTS.length)];
                shortcut(k);
                return "key Ctrl+" + k;
            } else if (dice < 90) {
                return type();
            } else if (dice < 93) {
                return paste();
            } else {
                return switchWorkspace();
            }
        }

        private void shortcut(KeyCode k) {
            base.pressKeyboard(KeyCode.CONTROL);
            base.pressKeyboard(k);
            base.releaseKeyboard(k);
            base.releaseKeyboard(KeyCode.CONTROL);
        }

        String switchWorkspace() throws Exception {
            Workspace w = Workspace.values()[random.nextInt(Workspace.values().length)];
            if (random.nextBoolean()) {
                shortcut(w.key());
                return "workspace " + w.id() + " by Ctrl+" + (w.ordinal() + 1);
            }
            Node button = onFx(() -> stage.getScene().lookup("#nav-" + w.id()));
            return clickAt(center(button), MouseButton.PRIMARY, "workspace " + w.id() + " by the rail");
        }

        /** Typed as keys arrive: each character its own event, as from a person. */
        String type() {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(random.nextInt(20) == 0 ? 60 : 4);
            for (int i = 0; i < pieces; i++) {
                text.append(TEXTS[random.nextInt(TEXTS.length)]);
            }
            String s = text.toString();
            s.codePoints().forEach(c -> Platform.runLater(() -> {
                Scene scene = focusedScene();
                Node owner = scene.getFocusOwner();
                String ch = new String(Character.toChars(c));
                Event.fireEvent(owner != null ? owner : scene.getRoot(),
                        new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
            }));
            return "type " + abbreviate(s);
        }

        /** A long text pasted from elsewhere (slides, a classmate): Ctrl+V with it on the clipboard. */
        String paste() {
            StringBuilder text = new StringBuilder();
            int kind = random.nextInt(3);
            int n = 50 + random.nextInt(kind == 0 ? 3000 : 30);
            for (int i = 0; i < n; i++) {
                text.append(kind == 0 ? (i == 0 ? "x" : "+x") : TEXTS[random.nextInt(TEXTS.length)]);
                if (kind == 1 && random.nextInt(4) == 0) {
                    text.append('\n');
                }
            }
            String s = text.toString();
            Platform.runLater(() -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(s);
                Clipboard.getSystemClipboard().setContent(c);
            });
            shortcut(KeyCode.V);
            return "paste " + s.length() + " chars " + abbreviate(s);
        }

        String drag() throws Exception {
            Node n = random.nextBoolean() ? pick() : null;
            Point2D from = n == null ? randomPoint() : inside(n);
            Point2D to = random.nextBoolean() ? randomPoint()
                    : from.add(random.nextInt(301) - 150, random.nextInt(201) - 100);
            base.moveMouse(from);
            base.pressMouse(MouseButton.PRIMARY);
            int steps = 2 + random.nextInt(6);
            for (int i = 1; i <= steps; i++) {
                base.moveMouse(from.add(to.subtract(from).multiply((double) i / steps)));
            }
            // a hand rests a moment before letting go (Monocle also needs a move after a drag-and-drop starts)
            base.moveMouse(to.add(1, 0));
            base.moveMouse(to);
            base.releaseMouse(MouseButton.PRIMARY);
            return "drag " + (n == null ? "" : describe(n) + " ") + (int) from.getX() + "," + (int) from.getY()
                    + " to " + (int) to.getX() + "," + (int) to.getY();
        }

        String clickAt(Point2D p, MouseButton button, String what) {
            base.moveMouse(p);
            base.pressMouse(button);
            base.releaseMouse(button);
            return what + (button == MouseButton.SECONDARY ? " (right)" : "");
        }

        /** Something a person would click: a control of any showing window (popups and menus too). */
        Node pick() throws Exception {
            List<Node> nodes = onFx(() -> {
                List<Node> found = new ArrayList<>();
                for (Window w : new ArrayList<>(Window.getWindows())) {
                    if (w.isShowing() && w.getScene() != null) {
                        Rectangle2D area = new Rectangle2D(w.getX(), w.getY(), w.getWidth(), w.getHeight());
                        collect(w.getScene().getRoot(), area, found);
                    }
                }
                return found;
            });
            return nodes.isEmpty() ? null : nodes.get(random.nextInt(nodes.size()));
        }

        private void collect(Node n, Rectangle2D area, List<Node> found) {
            if (!n.isVisible() || n.isDisabled()) {
                return;
            }
            if (n instanceof Control || n instanceof Canvas || n.getOnMouseClicked() != null
                    || n.getOnMousePressed() != null) {
                Bounds b = n.localToScreen(n.getBoundsInLocal());
                if (b != null && b.getWidth() > 2 && b.getHeight() > 2 && area.intersects(b.getMinX(), b.getMinY(),
                        b.getWidth(), b.getHeight())) {
                    found.add(n);
                }
            }
            if (n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    collect(child, area, found);
                }
            }
        }

        Point2D inside(Node n) throws Exception {
            Rectangle2D window = windowArea();
            Bounds b = onFx(() -> n.localToScreen(n.getBoundsInLocal()));
            if (b == null) {
                return randomPoint();
            }
            double x = b.getMinX() + 1 + random.nextDouble() * Math.max(0, b.getWidth() - 2);
            double y = b.getMinY() + 1 + random.nextDouble() * Math.max(0, b.getHeight() - 2);
            // a control partly scrolled out of the window is clicked where it shows
            Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            x = Math.max(screen.getMinX(), Math.min(screen.getMaxX() - 1, x));
            y = Math.max(screen.getMinY(), Math.min(screen.getMaxY() - 1, y));
            return window.contains(x, y) || !n.getScene().getWindow().equals(stage) ? new Point2D(x, y)
                    : new Point2D(Math.max(window.getMinX(), Math.min(window.getMaxX() - 1, x)),
                    Math.max(window.getMinY(), Math.min(window.getMaxY() - 1, y)));
        }

        Point2D center(Node n) throws Exception {
            Bounds b = onFx(() -> n.localToScreen(n.getBoundsInLocal()));
            return new Point2D(b.getCenterX(), b.getCenterY());
        }

        Point2D randomPoint() throws Exception {
            Rectangle2D w = windowArea();
            return new Point2D(w.getMinX() + random.nextDouble() * (w.getWidth() - 1),
                    w.getMinY() + random.nextDouble() * (w.getHeight() - 1));
        }

        Rectangle2D windowArea() throws Exception {
            return onFx(() -> {
                Scene s = stage.getScene();
                return new Rectangle2D(stage.getX() + s.getX(), stage.getY() + s.getY(), s.getWidth(), s.getHeight());
            });
        }

        Scene focusedScene() {
            return Window.getWindows().stream().filter(w -> w.isShowing() && w.isFocused() && w.getScene() != null)
                    .map(Window::getScene).findFirst().orElse(stage.getScene());
        }
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        String text = n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()
                ? " \"" + abbreviate(l.getText()) + "\"" : "";
        return n.getClass().getSimpleName() + id + text;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n").replace("\t", "\\t");
        return one.length() <= 40 ? one : one.substring(0, 37) + "…";
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(HANG_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits until the FX thread has handled everything the monkey sent, and returns the workspace it shows then (a
     * person waits for the window too; without this the robot would flood the queue).
     */
    private String settle(String after) throws Exception {
        CompletableFuture<String> shown = new CompletableFuture<>();
        Platform.runLater(() -> shown.complete(java.util.Arrays.stream(Workspace.values())
                .filter(w -> stage.getScene().lookup("#nav-" + w.id()) instanceof ToggleButton t && t.isSelected())
                .map(Workspace::id).findFirst().orElse("?")));
        try {
            String workspace = shown.get(HANG_SECONDS, TimeUnit.SECONDS);
            WaitForAsyncUtils.checkException();
            return workspace;
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread has not answered for " + HANG_SECONDS + " s after " + after);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e;
        } catch (Throwable t) {
            robotFailures.add(t);
            return "?";
        }
    }

    @Test
    void randomUseOfEveryWorkspaceWhileTrainingCrashesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.autoCheckException = false;
        Heartbeat heartbeat = new Heartbeat();
        Monkey monkey = new Monkey(robot);

        // a long run to train through the whole walk, started as a person does
        robot.clickOn("#epochs").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("1000").type(KeyCode.ENTER);
        robot.clickOn("#train");
        Button train = robot.lookup("#train").queryButton();
        Set<String> visited = new LinkedHashSet<>();
        Map<String, Integer> kinds = new TreeMap<>();
        int trainingEvents = 0;
        int trainClicks = 1;
        long actNanos = 0;
        long settleNanos = 0;

        robot.interact(heartbeat::start);
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(SECONDS);
        int done = 0;
        for (int i = 0; i < EVENTS; i++) {
            String what;
            if (i % 150 == 149 && !train.isDisabled()) {
                // a person starts the next run: to the Training workspace, then Train
                monkey.shortcut(Workspace.TRAINING.key());
                settle("going to Training");
                what = train.isDisabled() ? "train (disabled)"
                        : monkey.clickAt(monkey.center(train), MouseButton.PRIMARY, "click #train again");
                trainClicks++;
            } else {
                long t0 = System.nanoTime();
                what = monkey.act();
                actNanos += System.nanoTime() - t0;
            }
            heartbeat.lastEvent = "event " + i + ": " + what;
            kinds.merge(what.split(" ")[0], 1, Integer::sum);
            long t1 = System.nanoTime();
            visited.add(settle(heartbeat.lastEvent));
            settleNanos += System.nanoTime() - t1;
            done++;
            if (train.isDisabled()) {
                trainingEvents++;
            }
            if (!stage.isShowing() || System.nanoTime() > deadline) {
                break;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        robot.interact(heartbeat::stop);

        List<CrashReport> crashes = new ArrayList<>(dialogs.crashes);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("seed", SEED);
        report.put("events", done);
        report.put("eventsPlanned", EVENTS);
        report.put("seconds", Math.round(seconds * 10) / 10.0);
        report.put("eventsPerSecond", Math.round(done / seconds * 10) / 10.0);
        report.put("longestStallMs", heartbeat.longest / 1_000_000);
        report.put("longestStallAfter", heartbeat.longestAfter);
        report.put("frames", heartbeat.frames);
        report.put("frameGapMsP50", heartbeat.percentile(0.5));
        report.put("frameGapMsP99", heartbeat.percentile(0.99));
        report.put("stallsOver100ms", heartbeat.stalls.values().stream().mapToLong(Long::longValue).sum());
        report.put("worstStalls", heartbeat.stalls.keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .limit(10).collect(Collectors.toList()));
        report.put("secondsActing", Math.round(actNanos / 1e8) / 10.0);
        report.put("secondsWaitingForFx", Math.round(settleNanos / 1e8) / 10.0);
        report.put("eventsWhileTraining", trainingEvents);
        report.put("trainClicks", trainClicks);
        report.put("workspacesVisited", new ArrayList<>(visited));
        report.put("actions", kinds);
        report.put("dialogs", Map.of("open", dialogs.count("open"), "save", dialogs.count("save"),
                "error", dialogs.count("error"), "show", dialogs.count("show"), "quit", dialogs.count("quit")));
        report.put("uncaughtExceptions", crashes.size());
        report.put("firstExceptions", crashes.stream().map(c -> c.details().lines().skip(1).limit(8)
                .collect(Collectors.joining("\n"))).distinct().limit(5).collect(Collectors.toList()));
        Path out = Path.of("target", "monkey-report.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report), StandardCharsets.UTF_8);
        System.out.printf("monkey: %d events in %.1f s (%.1f/s), longest FX stall %d ms after %s; %d of them while"
                        + " training; report in %s%n", done, seconds, done / seconds, heartbeat.longest / 1_000_000,
                heartbeat.longestAfter, trainingEvents, out.toAbsolutePath());

        assertThat(crashes).as("uncaught exceptions; the first:\n%s", crashes.isEmpty() ? ""
                : crashes.get(0).details()).isEmpty();
        assertThat(robotFailures).as("exceptions in events the robot sent").isEmpty();
        assertThat(stage.isShowing()).as("the window is still open (Quit goes through the dialog service)").isTrue();
        assertThat(visited).as("workspaces the monkey saw").hasSize(Workspace.values().length);
        assertThat(trainingEvents).as("events while a network trained").isPositive();
    }
}
