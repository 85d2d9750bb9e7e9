package app.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.catalog.Optimizers;
import app.descent.catalog.Settings;
import app.descent.network.LayerType;
import app.descent.network.Layers;
import app.descent.ui.fx.FormTips;
import app.descent.ui.shell.Workspace;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: every hyperparameter and option of every workspace's form has a tooltip saying what it does (and, for a
 * setting, its PyTorch name). Walks every form control of every workspace; a control without one fails.
 */
@ExtendWith(ApplicationExtension.class)
class TooltipsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Workspaces.open(stage, Workspace.BACKPROP);
        Workspaces.laptopSize(stage);
    }

    /** The controls a person sets: fields, boxes, spinners, sliders, toggles (not the editors inside a box or spinner). */
    private static boolean isFormControl(Node n) {
        return n instanceof TextField || n instanceof ComboBoxBase<?> || n instanceof Spinner<?> || n instanceof Slider
                || n instanceof CheckBox || n instanceof ToggleButton || n instanceof ChoiceBox<?>;
    }

    /** Answers to an exercise and the cells of tables and lists are not options. */
    private static boolean skipped(Node n) {
        return n instanceof Cell<?> || "answer-fields".equals(n.getId()) || "options".equals(n.getId())
                || "question".equals(n.getId());
    }

    private static void walk(Node n, List<Control> out) {
        if (skipped(n)) {
            return;
        }
        if (isFormControl(n)) {
            out.add((Control) n);
            return;
        }
        if (n instanceof ScrollPane sp) {
            if (sp.getContent() != null) {
                walk(sp.getContent(), out);
            }
        } else if (n instanceof TabPane tp) {
            tp.getTabs().forEach(t -> walk(t.getContent(), out));
        } else if (n instanceof SplitPane sp) {
            sp.getItems().forEach(i -> walk(i, out));
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }

    private List<String> withoutTooltip(FxRobot robot, Workspace w, List<Control> seen) {
        Node view = robot.lookup("#" + w.id() + "-view").query();
        List<Control> controls = new ArrayList<>();
        robot.interact(() -> walk(view, controls));
        seen.addAll(controls);
        return controls.stream().filter(c -> FormTips.textOf(c) == null || FormTips.textOf(c).isBlank())
                .map(c -> w.id() + ": " + c.getClass().getSimpleName() + " #" + c.getId()).toList();
    }

    @Test
    void everyFormControlOfEveryWorkspaceHasATooltip(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        List<Control> seen = new ArrayList<>();
        for (Workspace w : List.of(Workspace.BACKPROP, Workspace.TRAINING, Workspace.COMPARE, Workspace.PRACTICE)) {
            robot.interact(() -> Workspaces.open(stage, w));
            WaitForAsyncUtils.waitForFxEvents();
            missing.addAll(withoutTooltip(robot, w, seen));
        }
        // the Builder with a layer selected, so that its arguments are in the property sheet
        robot.interact(() -> Workspaces.open(stage, Workspace.BUILDER));
        robot.clickOn("#palette-search").write("Conv2d").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#prop-kernel_size").tryQuery()).isPresent();
        missing.addAll(withoutTooltip(robot, Workspace.BUILDER, seen));

        assertThat(seen).as("the walk found the forms").hasSizeGreaterThan(60);
        assertThat(missing).as("form controls without a tooltip").isEmpty();

        // the texts of settings and arguments come from their registries and name PyTorch
        assertThat(FormTips.textOf(robot.lookup("#prop-kernel_size").queryAs(TextField.class)))
                .isEqualTo(Layers.describe("Conv2d", "kernel_size")).contains("PyTorch: nn.Conv2d(");
        robot.interact(() -> Workspaces.open(stage, Workspace.TRAINING));
        // pointed at, the learning rate's slider shows its sentence
        Control lr = robot.lookup("#lr").queryAs(Control.class);
        Workspaces.reveal(robot, lr);
        robot.moveTo(lr);
        robot.moveBy(3, 0);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> lr.getTooltip() != null && lr.getTooltip().isShowing());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the learning rate's tooltip did not show", e);
        }
        assertThat(lr.getTooltip().getText())
                .isEqualTo(Settings.LEARNING_RATE.description())
                .isEqualTo("Learning rate: how far each step moves the weights. PyTorch: lr in torch.optim.Adam(params, lr=...)");

        // each optimizer in the list says what it is when pointed at
        Control optimizer = robot.lookup("#optimizer").queryAs(Control.class);
        Workspaces.reveal(robot, optimizer);
        robot.clickOn(optimizer);
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.ListCell<?>> cells = robot.lookup(".combo-box-popup .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getText() != null).<javafx.scene.control.ListCell<?>>map(c -> c).toList();
        assertThat(cells).isNotEmpty();
        for (javafx.scene.control.ListCell<?> c : cells) {
            assertThat(c.getTooltip()).as(c.getText()).isNotNull();
            assertThat(c.getTooltip().getText()).isEqualTo(Optimizers.get(c.getText()).description());
        }
        robot.type(KeyCode.ESCAPE);
        assertThat(Optimizers.get("adam").description()).isEqualTo("adam: the update rule of torch.optim.Adam, "
                + "started at lr 0.001, with β1, β2, ε and weight decay. PyTorch: torch.optim.Adam");
    }

    @Test
    void everyRegistryEntryShownInAFormHasADescriptionNamingPyTorch() {
        for (LayerType t : LayerType.catalog()) {
            for (LayerType.Param p : t.params()) {
                assertThat(Layers.describe(t.name(), p.name())).as(t.name() + "." + p.name())
                        .startsWith(p.name() + ": ").contains(". PyTorch: nn." + t.name()).doesNotContain("null");
            }
        }
        for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
            assertThat(h.description()).contains("PyTorch: ").contains("torch.optim.");
        }
        for (app.descent.catalog.Activation a : app.descent.catalog.Activation.values()) {
            assertThat(a.description()).contains("PyTorch: torch.nn." + a.torchName());
        }
        for (Settings s : Settings.values()) {
            assertThat(s.description()).startsWith(s.label() + ": ").contains(". PyTorch: ");
        }
    }
}
