package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import app.descent.ui.Workspaces;
import app.descent.ui.shell.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13, "Training ignores epochs and batch size": every control of the Training form, set as a person sets it
 * (typed and Enter or Tab, arrow keys, a choice clicked in a combo box's list), reaches the run it starts; the run's
 * settings are read back from the runs table's row. A garbage collection runs before each form is touched: the
 * spinners' bindings had been held only weakly and were lost at the first collection.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingFormTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.TRAINING);
        // a laptop's window, inside the test screen: a click beyond the screen reaches no control
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(Math.min(1280, screen.getWidth()));
        stage.setHeight(Math.min(720, screen.getHeight()));
    }

    @BeforeEach
    void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    static void reveal(FxRobot robot, Node node) {
        app.descent.ui.Workspaces.reveal(robot, node);
    }

    /** Selects all of a spinner's or text field's text by keyboard and types over it. */
    static void type(FxRobot robot, String query, String text, KeyCode leaveWith) {
        Node node = robot.lookup(query).query();
        reveal(robot, node);
        Node field = node instanceof Spinner<?> s ? s.getEditor() : node instanceof ComboBox<?> c && c.isEditable()
                ? c.getEditor() : node;
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        robot.type(leaveWith);
        waitForFxEvents();
    }

    /** Opens a combo box with the mouse and clicks the item in its list. */
    static void choose(FxRobot robot, String query, String item) {
        ComboBox<?> combo = robot.lookup(query).queryAs(ComboBox.class);
        reveal(robot, combo);
        // an editable combo opens from its arrow; a click on its text only places the caret
        robot.clickOn(combo.isEditable() ? combo.lookup(".arrow-button") : combo);
        waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(n -> item.equals(((ListCell<?>) n).getText()))
                .query();
        robot.clickOn(cell);
        waitForFxEvents();
    }

    /** Trains with the form as it stands and waits for the run to end; its row of the runs table. */
    static TrainingViewModel.RunRow train(FxRobot robot) throws Exception {
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        int before = history.getItems().size();
        robot.clickOn("#train");
        waitFor(120, TimeUnit.SECONDS, () -> history.getItems().size() == before + 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        return (TrainingViewModel.RunRow) history.getItems().get(0);
    }

    private static String optimizerCell(FxRobot robot) {
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        var column = (javafx.scene.control.TableColumn<Object, String>) history.getColumns().get(3);
        return column.getCellData(0);
    }

    /** The steps a run of these settings takes: epochs × batches of its training split. */
    private static long steps(TrainingViewModel.RunRow row) {
        int train = app.descent.training.data.DataSplit.load(row.dataset(), new app.descent.training.data.DataSplit.Options(
                row.samples(), row.noise(), row.settings().seed(), 0, 0.1)).train().count();
        return (long) row.settings().epochs() * ((train + row.settings().batchSize() - 1) / row.settings().batchSize());
    }

    /** A short run on xor: one epoch, typed. */
    private void shortRun(FxRobot robot) {
        type(robot, "#epochs", "1", KeyCode.ENTER);
    }

    @Test
    void epochsTypedWithEnter(FxRobot robot) throws Exception {
        type(robot, "#epochs", "4", KeyCode.ENTER);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.settings().epochs()).isEqualTo(4);
        assertThat(optimizerCell(robot)).endsWith("· 4 ep");
        // xor: 360 training points in batches of 10
        assertThat(steps(row)).isEqualTo(144);
        assertThat(row.result()).contains(" 144 steps");
    }

    @Test
    void epochsWithTheArrowKeys(FxRobot robot) throws Exception {
        type(robot, "#epochs", "2", KeyCode.ENTER);
        robot.type(KeyCode.UP).type(KeyCode.UP);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.settings().epochs()).isEqualTo(4);
        assertThat(optimizerCell(robot)).endsWith("· 4 ep");
    }

    @Test
    void epochsTypedAndLeftWithTab(FxRobot robot) throws Exception {
        type(robot, "#epochs", "3", KeyCode.TAB);
        assertThat(train(robot).settings().epochs()).isEqualTo(3);
    }

    @Test
    void batchSizeTyped(FxRobot robot) throws Exception {
        shortRun(robot);
        type(robot, "#batch-size", "20", KeyCode.ENTER);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.settings().batchSize()).isEqualTo(20);
        assertThat(steps(row)).isEqualTo(18);
        assertThat(row.result()).contains(" 18 steps");
    }

    @Test
    void patienceWithTheArrowKeys(FxRobot robot) throws Exception {
        shortRun(robot);
        reveal(robot, robot.lookup("#patience").query());
        robot.clickOn(robot.lookup("#patience").queryAs(Spinner.class).getEditor());
        robot.type(KeyCode.UP).type(KeyCode.UP).type(KeyCode.UP);
        assertThat(train(robot).settings().patience()).isEqualTo(3);
    }

    @Test
    void samplesTyped(FxRobot robot) throws Exception {
        shortRun(robot);
        type(robot, "#samples", "200", KeyCode.ENTER);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.samples()).isEqualTo(200);
        assertThat(steps(row)).isLessThan(36);
        assertThat(row.result()).contains(" " + steps(row) + " steps");
    }

    @Test
    void noiseWithTheArrowKeys(FxRobot robot) throws Exception {
        shortRun(robot);
        Slider noise = robot.lookup("#noise").query();
        reveal(robot, noise);
        double before = noise.getValue();
        robot.clickOn(noise);
        double clicked = noise.getValue();
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        waitForFxEvents();
        assertThat(noise.getValue()).isGreaterThan(clicked);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.noise()).isEqualTo(noise.getValue()).isNotEqualTo(before);
    }

    @Test
    void learningRateWithTheArrowKeys(FxRobot robot) throws Exception {
        shortRun(robot);
        reveal(robot, robot.lookup("#lr").query());
        robot.clickOn("#lr");
        robot.type(KeyCode.HOME);
        waitForFxEvents();
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.settings().optimizer().lr()).isEqualTo(1e-5);
        assertThat(optimizerCell(robot)).startsWith("adam 1.0e-05");
    }

    @Test
    void seedTyped(FxRobot robot) throws Exception {
        shortRun(robot);
        type(robot, "#seed", "42", KeyCode.TAB);
        assertThat(train(robot).settings().seed()).isEqualTo(42);
    }

    @Test
    void clipNormTyped(FxRobot robot) throws Exception {
        shortRun(robot);
        type(robot, "#clip", "0.5", KeyCode.TAB);
        assertThat(train(robot).settings().clipNorm()).isEqualTo(0.5);
    }

    @Test
    void optimizerChosenWithTheMouse(FxRobot robot) throws Exception {
        shortRun(robot);
        choose(robot, "#optimizer", "rmsprop");
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.settings().optimizer().name()).isEqualTo("rmsprop");
        assertThat(optimizerCell(robot)).startsWith("rmsprop ");
    }

    /** The menu is the registry's, and an optimizer added to it (NAdam, RAdam, Adamax) trains from the form. */
    @Test
    void theOptimizerMenuIsTheRegistrysAndItsNewOptimizersTrain(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#optimizer").queryAs(ComboBox.class).getItems())
                .containsExactlyElementsOf(app.descent.catalog.Optimizers.IDS);
        shortRun(robot);
        for (String name : java.util.List.of("nadam", "radam", "adamax")) {
            choose(robot, "#optimizer", name);
            TrainingViewModel.RunRow row = train(robot);
            assertThat(row.settings().optimizer().name()).isEqualTo(name);
            assertThat(optimizerCell(robot)).startsWith(name + " ");
            assertThat(row.result()).as(name).contains(" " + steps(row) + " steps");
        }
    }

    @Test
    void lossChosenWithTheMouse(FxRobot robot) throws Exception {
        shortRun(robot);
        choose(robot, "#loss", "mse");
        assertThat(train(robot).settings().loss()).isEqualTo(app.descent.training.Losses.Kind.MSE);
    }

    @Test
    void initializerTypedInItsBox(FxRobot robot) throws Exception {
        shortRun(robot);
        type(robot, "#init", "xavier", KeyCode.ENTER);
        assertThat(train(robot).settings().init()).isEqualTo(app.descent.training.Initializer.parse("xavier"));
    }

    @Test
    void scheduleChosenWithTheMouse(FxRobot robot) throws Exception {
        shortRun(robot);
        choose(robot, "#schedule", "cosine");
        assertThat(train(robot).settings().schedule()).isEqualTo(app.descent.training.Schedule.parse("cosine"));
    }

    @Test
    void networkChosenWithTheMouse(FxRobot robot) throws Exception {
        shortRun(robot);
        String other = NetworkChoices.TOY_RELU_3;
        choose(robot, "#network", other);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.network()).isEqualTo(other);
    }

    @Test
    void datasetChosenWithTheMouse(FxRobot robot) throws Exception {
        choose(robot, "#dataset", "moons");
        shortRun(robot);
        TrainingViewModel.RunRow row = train(robot);
        assertThat(row.dataset()).isEqualTo("moons");
        assertThat(row.settings().epochs()).isEqualTo(1);
    }

    @Test
    void deviceChosenWithTheMouse(FxRobot robot) throws Exception {
        shortRun(robot);
        choose(robot, "#device", "gpu");
        choose(robot, "#device", "cpu");
        assertThat(train(robot).settings().device()).isEqualTo("cpu");
    }
}
