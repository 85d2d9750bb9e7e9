package app.descent.ui.compare;

import app.descent.catalog.Optimizers;
import app.descent.compare.PathRace;
import app.descent.compare.Surface;
import app.descent.ui.fx.FileExport;
import app.descent.ui.fx.LiveChart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/** Controller of PathsView.fxml: the contour map with the optimizers' paths, revealed step by step. */
public final class PathsView {
    private final PathsViewModel model = new PathsViewModel();
    private final ContourCanvas map = new ContourCanvas();
    private final AnimationTimer player = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (last == 0) {
                last = now;
                return;
            }
            stepsOwed += (now - last) / 1e9 * speedSlider.getValue();
            last = now;
            int whole = (int) stepsOwed;
            if (whole > 0) {
                stepsOwed -= whole;
                reveal(shown + whole);
            }
        }

        @Override
        public void stop() {
            super.stop();
            last = 0;
        }
    };
    private double stepsOwed;
    private int shown;

    @FXML private ComboBox<Surface.Preset> presetBox;
    @FXML private Label lessonLabel;
    @FXML private TextField expressionField;
    @FXML private TextField startXField;
    @FXML private TextField startYField;
    @FXML private Spinner<Integer> stepsSpinner;
    @FXML private Button raceButton;
    @FXML private ToggleButton playButton;
    @FXML private Button stepButton;
    @FXML private Button resetButton;
    @FXML private Slider speedSlider;
    @FXML private Label stepLabel;
    @FXML private Label errorLabel;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private Label readout;
    @FXML private StackPane mapHost;
    @FXML private TableView<PathsViewModel.Racer> racerTable;
    @FXML private TableColumn<PathsViewModel.Racer, Boolean> onColumn;
    @FXML private TableColumn<PathsViewModel.Racer, String> nameColumn;
    @FXML private TableColumn<PathsViewModel.Racer, String> lrColumn;
    @FXML private TableColumn<PathsViewModel.Racer, String> resultColumn;

    public PathsViewModel model() {
        return model;
    }

    ContourCanvas map() {
        return map;
    }

    /** The step up to which the paths are drawn. */
    int shownStep() {
        return shown;
    }

    /** Draws the paths up to {@code step}, the player stopped (a session's open). */
    void showAt(int step) {
        playButton.setSelected(false);
        reveal(step);
    }

    /** Puts a lesson's path action into the tab; with run, presses Race. */
    private void setUp(app.descent.ui.Session.Setup r) {
        app.descent.ui.Session.Setup.handle(r, "paths", model::apply, raceButton::fire);
    }

    @FXML
    private void initialize() {
        presetBox.getItems().setAll(Surface.PRESETS);
        presetBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Surface.Preset p) {
                return p == null ? "" : p.title();
            }

            @Override
            public Surface.Preset fromString(String s) {
                return null;
            }
        });
        presetBox.valueProperty().bindBidirectional(model.presetProperty());
        presetBox.valueProperty().addListener((o, was, p) -> model.run());
        lessonLabel.textProperty().bind(model.presetProperty().map(Surface.Preset::lesson));
        expressionField.textProperty().bindBidirectional(model.expressionProperty());
        expressionField.setOnAction(e -> model.run());
        startXField.textProperty().bindBidirectional(model.startXProperty());
        startYField.textProperty().bindBidirectional(model.startYProperty());
        startXField.setOnAction(e -> model.run());
        startYField.setOnAction(e -> model.run());
        SpinnerValueFactory.IntegerSpinnerValueFactory steps =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 5000, model.stepsProperty().get(), 10);
        stepsSpinner.setValueFactory(steps);
        app.descent.ui.fx.Spinners.guard(stepsSpinner);
        steps.valueProperty().addListener((o, a, b) -> model.stepsProperty().set(b));
        model.stepsProperty().addListener((o, a, b) -> steps.setValue(b.intValue()));
        raceButton.setOnAction(e -> model.race());
        setUpPresentation();
        // before Race only the start is shown: nothing to play, step or reset
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {playButton, stepButton, resetButton}) {
            b.disableProperty().bind(model.racedProperty().not());
        }
        playButton.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                if (model.raceProperty().get() != null && shown >= model.raceProperty().get().steps()) {
                    reveal(0);
                }
                player.start();
            } else {
                player.stop();
            }
        });
        stepButton.setOnAction(e -> {
            playButton.setSelected(false);
            reveal(shown + 1);
        });
        resetButton.setOnAction(e -> {
            playButton.setSelected(false);
            reveal(0);
        });
        errorLabel.textProperty().bind(model.errorProperty());
        mapHost.getChildren().add(map);
        map.setId("contour");
        // the paths take the palette's series colours: drawn again when the theme changes
        app.descent.ui.fx.FigurePalette.follow(map, p -> reveal(shown));
        map.setOnMouseMoved(e -> {
            double[] p = map.toData(e.getX(), e.getY());
            readout.setText(model.readout(p[0], p[1]));
        });
        map.setOnMouseClicked(e -> {
            double[] p = map.toData(e.getX(), e.getY());
            model.startAt(p[0], p[1]);
        });
        model.raceProperty().addListener((o, was, race) -> {
            if (race != null) {
                map.surface(race.grid(), race.window().xMin(), race.window().xMax(), race.window().yMin(),
                        race.window().yMax());
                playButton.setSelected(false);
                reveal(0);
                if (model.racedProperty().get()) {
                    playButton.setSelected(true);
                } else {
                    stepLabel.setText("Press Race to start the optimizers from the white-ringed point.");
                }
            }
        });
        model.statusProperty().addListener((o, was, s) -> {
            if (s.startsWith("computing")) {
                stepLabel.setText(s);
            }
        });
        table();
        pngButton.setOnAction(e -> FileExport.savePng(map, "optimizer-paths.png"));
        app.descent.ui.fx.FigureExport.install(map, "optimizer-paths");
        csvButton.setOnAction(e -> FileExport.saveText(map.getScene().getWindow(), "optimizer-paths.csv", model::csv));
        app.descent.ui.Session.listen(app.descent.ui.Session.setupRequest(), (o, a, r) -> setUp(r));
        setUp(app.descent.ui.Session.setupRequest().get());
        model.run();
    }

    private void table() {
        racerTable.setItems(model.racers());
        onColumn.setCellValueFactory(c -> c.getValue().enabledProperty());
        onColumn.setCellFactory(CheckBoxTableCell.forTableColumn(onColumn));
        onColumn.setEditable(true);
        nameColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        nameColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setGraphic(empty ? null : new Rectangle(10, 10, color(getIndex())));
            }
        });
        editable(lrColumn, "lr", PathsViewModel.Racer::lrProperty);
        // one column per hyperparameter of the registry, before "where it ends"
        int at = racerTable.getColumns().indexOf(resultColumn);
        for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
            TableColumn<PathsViewModel.Racer, String> column = new TableColumn<>(h.symbol());
            column.setId("column-" + h.id());
            column.setPrefWidth(Math.max(60, 9 * h.symbol().length() + 20));
            editable(column, h.id(), r -> r.hyperparameterProperty(h.id()));
            racerTable.getColumns().add(at++, column);
        }
        Cells.fitHeaders(racerTable);
        resultColumn.setCellValueFactory(c -> c.getValue().resultProperty());
        for (PathsViewModel.Racer r : model.racers()) {
            r.enabledProperty().addListener((o, was, on) -> model.run());
        }
    }

    private void editable(TableColumn<PathsViewModel.Racer, String> column, String parameter,
                          Function<PathsViewModel.Racer, StringProperty> property) {
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter()) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                PathsViewModel.Racer r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setEditable(r != null && r.uses(parameter));
                if (r != null && !r.uses(parameter)) {
                    setText("–");
                }
            }
        });
        column.setOnEditCommit(e -> {
            property.apply(e.getRowValue()).set(e.getNewValue());
            model.run();
        });
    }

    /** A path's colour: the racer's row index in the table, the same colours as every chart. */
    private static Color color(int index) {
        return app.descent.ui.fx.FigurePalette.current().series(index);
    }

    private void reveal(int step) {
        PathsViewModel.Race race = model.raceProperty().get();
        if (race == null) {
            return;
        }
        shown = Math.max(0, Math.min(step, race.steps()));
        List<ContourCanvas.Path> paths = new ArrayList<>();
        for (int i = 0; i < race.paths().size(); i++) {
            PathRace.Path p = race.paths().get(i);
            PathsViewModel.Racer r = race.racers().get(i);
            paths.add(new ContourCanvas.Path(r.name(), p.points(), color(model.racers().indexOf(r))));
        }
        if (!model.racedProperty().get()) {
            map.paths(paths, 0);
            return;
        }
        stepLabel.setText("step " + shown + " / " + race.steps());
        map.paths(paths, shown);
        if (shown >= race.steps()) {
            playButton.setSelected(false);
        }
    }

    @FXML private javafx.scene.layout.BorderPane root;

    /**
     * Presentation mode: the contour map takes the window, the settings fold into a strip on the left edge and the
     * racers into one below. Ctrl+Enter races, Space plays and pauses, → and PageDown step.
     */
    private void setUpPresentation() {
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.LEFT, "paths-settings-strip",
                "Surface and race");
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.BOTTOM, "racers-strip", "Racers");
        app.descent.ui.fx.DemoKeys.of(root)
                .shortcut(raceButton::fire, new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN))
                .on(() -> {
                    if (!playButton.isDisabled()) {
                        playButton.fire();
                    }
                }, javafx.scene.input.KeyCode.SPACE)
                .on(() -> {
                    if (!stepButton.isDisabled()) {
                        stepButton.fire();
                    }
                }, javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.PAGE_DOWN);
        raceButton.setTooltip(new javafx.scene.control.Tooltip("Race the optimizers from the start (Ctrl+Enter)"));
        playButton.setTooltip(new javafx.scene.control.Tooltip("Play the race, or pause it (Space)"));
        stepButton.setTooltip(new javafx.scene.control.Tooltip("One step of every optimizer (→, PageDown)"));
    }
}
