package app.descent.ui.builder;

import app.descent.UserInputException;
import app.descent.network.LayerType;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.FileExport;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;

/** Controller of BuilderView.fxml: palette, layer table, property sheet and code, bound to the view model. */
public final class BuilderView {
    static final String ROW_ERROR = "layer-error";
    static final String ROW_FROZEN = "layer-frozen";
    private static final String LAYER_DRAG = "descent-layer:";

    private final BuilderViewModel model = new BuilderViewModel();
    private final Map<String, TextField> propertyFields = new LinkedHashMap<>();

    @FXML private TextField inputField;
    @FXML private ComboBox<BuilderPresets.Preset> presets;
    @FXML private Button clearButton;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private javafx.scene.control.MenuItem pngItem;
    @FXML private javafx.scene.control.MenuItem svgItem;
    @FXML private Label noteLabel;
    @FXML private TextField searchField;
    @FXML private ListView<LayerType> palette;
    @FXML private Button addButton;
    @FXML private TableView<BuilderViewModel.Row> table;
    @FXML private TableColumn<BuilderViewModel.Row, Number> indexColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> nameColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> layerColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> shapeColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> paramsColumn;
    @FXML private TableColumn<BuilderViewModel.Row, Boolean> trainableColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> macsColumn;
    @FXML private TableColumn<BuilderViewModel.Row, String> rfColumn;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button deleteButton;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Label errorLabel;
    @FXML private Label totalsLabel;
    @FXML private Label memoryLabel;
    @FXML private Button importButton;
    @FXML private TextArea codeArea;
    @FXML private Label ignoredLabel;
    @FXML private Label propertiesTitle;
    @FXML private GridPane propertyGrid;
    @FXML private Button applyButton;
    @FXML private Label propertyError;
    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private javafx.scene.layout.HBox fixBox;
    @FXML private Label fixLabel;
    @FXML private Button fixButton;
    static final String STATE_FILE = "builder.json";
    /** The title of the question before unsaved layers are replaced (the dialog asks "Discard changes?"). */
    static final String DISCARD = "Discard changes";

    public BuilderViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        inputField.textProperty().bindBidirectional(model.inputProperty());
        presets.getItems().setAll(BuilderPresets.ALL);
        presets.setOnAction(e -> {
            BuilderPresets.Preset p = presets.getValue();
            if (p != null) {
                if (!confirmReplace()) {
                    presets.getSelectionModel().clearSelection();
                    return;
                }
                act(() -> model.importCode(p.code()));
                noteLabel.setText(p.note());
            }
        });
        noteLabel.managedProperty().bind(noteLabel.textProperty().isNotEmpty());
        clearButton.setOnAction(e -> {
            if (confirmReplace()) {
                model.clear();
                noteLabel.setText("");
            }
        });
        openButton.setOnAction(e -> open());
        saveButton.setOnAction(e -> save());
        pngItem.setOnAction(e -> FileExport.savePng(table.getScene().getWindow(),
                NetworkDrawing.node(model.inputProperty().get(), model.rows()), "network.png"));
        svgItem.setOnAction(e -> FileExport.saveText(table.getScene().getWindow(), "network.svg", "SVG drawing",
                "*.svg", () -> NetworkDrawing.svg(model.inputProperty().get(), model.rows())));

        setUpPalette();
        setUpTable();
        setUpPresentation();

        upButton.setOnAction(e -> moveSelected(-1));
        downButton.setOnAction(e -> moveSelected(1));
        deleteButton.setOnAction(e -> deleteSelected());
        for (Button b : new Button[] {upButton, downButton, deleteButton, addButton}) {
            b.disableProperty().bind(model.editableProperty().not());
        }
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 65_536, 64));
        app.descent.ui.fx.Spinners.guard(batchSpinner);
        model.batchSizeProperty().bind(batchSpinner.valueProperty());

        errorLabel.textProperty().bind(model.errorProperty());
        totalsLabel.textProperty().bind(model.totalsProperty());
        memoryLabel.textProperty().bind(model.memoryProperty());
        ignoredLabel.textProperty().bind(model.ignoredProperty());
        codeArea.setText(model.codeProperty().get());
        model.codeProperty().addListener((o, a, c) -> codeArea.setText(c));
        importButton.setOnAction(e -> {
            if (confirmReplace()) {
                act(() -> model.importCode(codeArea.getText()));
            }
        });
        undoButton.disableProperty().bind(model.canUndoProperty().not());
        undoButton.setOnAction(e -> model.undo());
        redoButton.disableProperty().bind(model.canRedoProperty().not());
        redoButton.setOnAction(e -> model.redo());
        inputField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                model.endInputEdit();
            }
        });
        inputField.setOnAction(e -> model.endInputEdit());
        // Ctrl+Z / Shift+Ctrl+Z undo and redo edits of the network and Delete removes the selected layer, except
        // where a text field has the focus (there they undo typing and delete characters)
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (root.getScene() != null
                    && root.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            if (UNDO.match(e)) {
                model.undo();
                e.consume();
            } else if (REDO.match(e)) {
                model.redo();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE && !e.isShortcutDown()
                    && table.getSelectionModel().getSelectedIndex() >= 0 && model.editableProperty().get()) {
                deleteSelected();
                e.consume();
            }
        });
        fixBox.visibleProperty().bind(model.fixProperty().isNotNull());
        fixBox.managedProperty().bind(fixBox.visibleProperty());
        fixLabel.textProperty().bind(model.fixProperty().map(f -> "Suggestion: " + f.message()).orElse(""));
        fixButton.textProperty().bind(model.fixProperty().map(f -> "Add nn." + f.layer().type() + "() before layer " + f.at())
                .orElse(""));
        fixButton.setOnAction(e -> act(model::applyFix));
        // the network is kept between runs
        app.descent.ui.WorkFiles.read(STATE_FILE).ifPresent(model::restoreState);
        model.networkProperty().addListener(o -> app.descent.ui.WorkFiles.write(STATE_FILE, model.state()));
        model.inputProperty().addListener(o -> app.descent.ui.WorkFiles.write(STATE_FILE, model.state()));

        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> showProperties(i.intValue()));
        javafx.beans.value.ChangeListener<String> open = (o, a, code) -> {
            if (code != null) {
                act(() -> model.importCode(code));
                noteLabel.setText("Opened from Practice.");
            }
        };
        app.descent.ui.Session.listen(app.descent.ui.Session.builderCode(), open);
        open.changed(null, null, app.descent.ui.Session.builderCode().get());
        applyButton.setOnAction(e -> applyProperties());
        showProperties(-1);
        // its part of a session (File ▸ Save / Open)
        app.descent.ui.session.Sessions.register(new BuilderSession(model, table, batchSpinner));
    }

    private void setUpPalette() {
        javafx.collections.transformation.FilteredList<LayerType> filtered =
                new javafx.collections.transformation.FilteredList<>(
                        javafx.collections.FXCollections.observableArrayList(LayerType.catalog()));
        searchField.textProperty().addListener((o, a, q) -> {
            String query = q.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(t -> query.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(query)
                    || t.category().name().toLowerCase(Locale.ROOT).contains(query));
        });
        palette.setItems(filtered);
        palette.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LayerType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name());
                setTooltip(empty || t == null ? null : new Tooltip(t.category().name().toLowerCase(Locale.ROOT)));
                setId(empty || t == null ? null : "palette-" + t.name());
            }

            {
                // drag a layer from the palette onto the table: it lands after the row it is dropped on
                setOnDragDetected(e -> {
                    if (getItem() != null && model.editableProperty().get()) {
                        javafx.scene.input.Dragboard db = startDragAndDrop(javafx.scene.input.TransferMode.COPY);
                        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                        content.putString(LAYER_DRAG + getItem().name());
                        db.setContent(content);
                        e.consume();
                    }
                });
            }
        });
        palette.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addSelected();
            }
        });
        searchField.setOnAction(e -> {
            if (!filtered.isEmpty()) {
                palette.getSelectionModel().select(0);
                addSelected();
            }
        });
        addButton.setOnAction(e -> addSelected());
    }

    private void addSelected() {
        LayerType t = palette.getSelectionModel().getSelectedItem();
        if (t == null) {
            return;
        }
        int after = table.getSelectionModel().getSelectedIndex();
        act(() -> model.add(t.name(), after));
        table.getSelectionModel().select(after < 0 ? model.rows().size() - 1 : after + 1);
    }

    private void setUpTable() {
        table.setItems(model.rows());
        table.setEditable(true);
        indexColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        layerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().layer()));
        shapeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().outputShape()));
        paramsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format("%,d", c.getValue().params())));
        macsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().macs() == 0 ? ""
                : String.format("%,d", c.getValue().macs())));
        rfColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().receptiveField() == null ? ""
                : String.valueOf(c.getValue().receptiveField())));
        trainableColumn.setEditable(true);
        trainableColumn.setCellValueFactory(c -> {
            BuilderViewModel.Row row = c.getValue();
            SimpleBooleanProperty p = new SimpleBooleanProperty(row.trainable());
            p.addListener((o, a, on) -> javafx.application.Platform.runLater(
                    () -> act(() -> model.setTrainable(row.path(), on))));
            return p;
        });
        trainableColumn.setCellFactory(CheckBoxTableCell.forTableColumn(trainableColumn));
        table.setOnDragOver(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(LAYER_DRAG)) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
        });
        table.setOnDragDropped(e -> {
            String text = e.getDragboard().getString();
            if (text != null && text.startsWith(LAYER_DRAG)) {
                int after = dropIndex(e.getY());
                act(() -> model.add(text.substring(LAYER_DRAG.length()), after));
                table.getSelectionModel().select(Math.min(model.rows().size() - 1, after + 1));
                e.setDropCompleted(true);
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BuilderViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(ROW_ERROR, ROW_FROZEN);
                setTooltip(null);
                if (!empty && row != null) {
                    if (row.error() != null) {
                        getStyleClass().add(ROW_ERROR);
                        setTooltip(new Tooltip(row.error()));
                    } else if (!row.trainable() && row.params() > 0) {
                        getStyleClass().add(ROW_FROZEN);
                    }
                }
            }
        });
    }

    /** The row under a drop point (in table coordinates): the new layer goes after it; -1 puts it at the end. */
    private int dropIndex(double y) {
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && !row.isEmpty()) {
                javafx.geometry.Bounds b = table.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
                if (y >= b.getMinY() && y < b.getMaxY()) {
                    return row.getIndex();
                }
            }
        }
        return -1;
    }

    private void deleteSelected() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        act(() -> model.remove(i));
        table.getSelectionModel().select(Math.min(i, model.rows().size() - 1));
    }

    private void moveSelected(int delta) {
        int i = table.getSelectionModel().getSelectedIndex();
        act(() -> model.move(i, delta));
        table.getSelectionModel().select(Math.max(0, Math.min(model.rows().size() - 1, i + delta)));
    }

    private void showProperties(int index) {
        propertyGrid.getChildren().clear();
        propertyFields.clear();
        propertyError.setText("");
        boolean has = index >= 0 && index < model.network().leaves().size();
        applyButton.setDisable(!has);
        if (!has) {
            propertiesTitle.setText("Properties");
            return;
        }
        BuilderViewModel.Row row = model.rows().get(index);
        propertiesTitle.setText(row.path() + ": " + row.type());
        int r = 0;
        for (Map.Entry<String, String> e : model.arguments(index).entrySet()) {
            Label name = new Label(e.getKey());
            TextField field = new TextField(e.getValue());
            field.setId("prop-" + e.getKey());
            // what the argument does, from the layers registry
            String tip = app.descent.network.Layers.describe(row.type(), e.getKey());
            app.descent.ui.fx.FormTips.lazy(field, tip);
            app.descent.ui.fx.FormTips.lazy(name, tip);
            field.setPrefColumnCount(8);
            field.setOnAction(ev -> applyProperties());
            propertyFields.put(e.getKey(), field);
            propertyGrid.addRow(r++, name, field);
        }
    }

    private void applyProperties() {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        Map<String, String> literals = new LinkedHashMap<>();
        propertyFields.forEach((k, f) -> literals.put(k, f.getText()));
        try {
            model.setArguments(index, literals);
            propertyError.setText("");
            table.getSelectionModel().select(index);
        } catch (UserInputException e) {
            propertyError.setText(e.getMessage());
        }
    }

    private static final javafx.scene.input.KeyCombination UNDO =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Z");
    private static final javafx.scene.input.KeyCombination REDO =
            javafx.scene.input.KeyCombination.keyCombination("Shift+Shortcut+Z");

    /** Asks "Discard changes?" before a network with unsaved layers is replaced; true when it may be. */
    private boolean confirmReplace() {
        return !model.hasUnsavedWork() || Dialogs.get().confirm(table.getScene().getWindow(), DISCARD,
                "The network you built has not been saved. Undo (Ctrl+Z) brings it back.");
    }

    private void open() {
        File file = FileExport.open(table.getScene().getWindow(), "Descent network", "*.json");
        if (file != null && confirmReplace()) {
            act(() -> model.open(file.toPath()));
        }
    }

    private void save() {
        File file = FileExport.chooseSave(table.getScene().getWindow(), "network.json", "Descent network", "*.json");
        if (file != null) {
            try {
                model.save(file.toPath());
            } catch (IOException | UserInputException e) {
                Dialogs.get().error(table.getScene().getWindow(), "Could not save " + file + ": " + e.getMessage());
            }
        }
    }

    /** Runs an edit; a mistake is shown next to the table and the network stays as it was. */
    private void act(Runnable edit) {
        try {
            edit.run();
        } catch (UserInputException e) {
            model.fail(e.getMessage());
        }
    }

    List<BuilderViewModel.Row> rows() {
        return model.rows();
    }

    /**
     * Presentation mode: the drawing of the network takes the window, fitted with its text at least 18 px (it pans
     * beyond that); palette and properties fold into strips on the edges, the table and the code into one below.
     */
    private void setUpPresentation() {
        app.descent.ui.fx.FittedFigure drawing = new app.descent.ui.fx.FittedFigure();
        drawing.setId("network-drawing");
        Runnable redraw = () -> {
            if (app.descent.ui.fx.Presentation.isOn(root)) {
                drawing.show(NetworkDrawing.node(model.inputProperty().get(), model.rows()));
            }
        };
        model.rows().addListener((javafx.beans.InvalidationListener) o -> redraw.run());
        model.inputProperty().addListener(o -> redraw.run());
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.LEFT, "palette-strip", "Layers to add");
        app.descent.ui.fx.SidePanel.collapsible(root, javafx.geometry.Side.RIGHT, "properties-strip", "Properties");
        javafx.scene.Node editing = root.getCenter();
        javafx.scene.control.ToggleButton tableStrip = new javafx.scene.control.ToggleButton(
                "Layer table and PyTorch code");
        tableStrip.setId("table-strip");
        tableStrip.getStyleClass().add(app.descent.ui.fx.SidePanel.STRIP);
        tableStrip.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        // opened, the table and the code take a fixed share below the drawing, never over it
        holder.setMinHeight(300);
        holder.setPrefHeight(300);
        holder.setMaxHeight(300);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        ((javafx.scene.layout.Region) editing).setMinHeight(0);
        holder.visibleProperty().bind(tableStrip.selectedProperty());
        holder.managedProperty().bind(holder.visibleProperty());
        javafx.scene.layout.BorderPane drawn = new javafx.scene.layout.BorderPane(drawing.view(), null, null,
                new javafx.scene.layout.VBox(tableStrip, holder), null);
        app.descent.ui.fx.Presentation.follow(root, on -> {
            if (on) {
                root.setCenter(drawn);
                holder.getChildren().setAll(editing);
                redraw.run();
            } else {
                holder.getChildren().clear();
                root.setCenter(editing);
            }
        });
        addButton.setTooltip(new javafx.scene.control.Tooltip("Add the chosen layer after the selected one (Ctrl+Enter)"));
        app.descent.ui.fx.DemoKeys.of(root).shortcut(addButton::fire, new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
    }
}
