package app.descent.ui.compare;

import app.descent.compare.Search;
import app.descent.graph.ComputationGraph;
import app.descent.training.OptimizerSpec;
import app.descent.ui.fx.FileExport;
import app.descent.ui.fx.LiveChart;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Controller of SearchView.fxml: the trials as a sortable table, their validation curves, the best highlighted. */
public final class SearchView {
    private final SearchViewModel model = new SearchViewModel();
    private final LiveChart chart = new LiveChart("Validation loss of every trial (pruned: dashed)", "epoch",
            "validation loss");

    @FXML private ComboBox<String> taskBox;
    @FXML private ComboBox<String> optimizerBox;
    @FXML private TextField lrField;
    @FXML private TextField decayField;
    @FXML private TextField batchField;
    @FXML private Spinner<Integer> trialsSpinner;
    @FXML private TextField seedField;
    @FXML private CheckBox gridBox;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private VBox picture;
    @FXML private Label statusLabel;
    @FXML private StackPane chartHost;
    @FXML private TableView<Search.Trial> trialTable;
    @FXML private TableColumn<Search.Trial, Integer> numberColumn;
    @FXML private TableColumn<Search.Trial, Double> lrColumn;
    @FXML private TableColumn<Search.Trial, Double> decayColumn;
    @FXML private TableColumn<Search.Trial, Integer> batchColumn;
    @FXML private TableColumn<Search.Trial, String> statusColumn;
    @FXML private TableColumn<Search.Trial, Integer> epochsColumn;
    @FXML private TableColumn<Search.Trial, Double> lossColumn;
    @FXML private TableColumn<Search.Trial, Double> accuracyColumn;
    @FXML private TextArea codeArea;

    public SearchViewModel model() {
        return model;
    }

    /** The controls that follow the model by hand (the trials spinner), after a session's open. */
    void sync() {
        trialsSpinner.getValueFactory().setValue(model.trialsProperty().get());
    }

    @FXML
    private void initialize() {
        taskBox.getItems().setAll(SearchViewModel.TASKS.keySet());
        taskBox.valueProperty().bindBidirectional(model.taskProperty());
        optimizerBox.getItems().setAll(OptimizerSpec.NAMES);
        optimizerBox.valueProperty().bindBidirectional(model.optimizerProperty());
        lrField.textProperty().bindBidirectional(model.lrRangeProperty());
        decayField.textProperty().bindBidirectional(model.weightDecayRangeProperty());
        batchField.textProperty().bindBidirectional(model.batchSizesProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory trials =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 500, model.trialsProperty().get());
        trialsSpinner.setValueFactory(trials);
        app.descent.ui.fx.Spinners.guard(trialsSpinner);
        trials.valueProperty().addListener((o, a, b) -> model.trialsProperty().set(b));
        trialsSpinner.disableProperty().bind(gridBox.selectedProperty());
        seedField.textProperty().bindBidirectional(model.seedProperty());
        gridBox.selectedProperty().bindBidirectional(model.gridProperty());
        runButton.setOnAction(e -> model.run());
        stopButton.setOnAction(e -> model.stop());
        app.descent.ui.fx.ProgressStrip.after(statusLabel, "search", model.progressProperty(), model.runningProperty(),
                model::stop);
        runButton.disableProperty().bind(model.runningProperty());
        stopButton.disableProperty().bind(model.runningProperty().not());
        statusLabel.textProperty().bind(model.statusProperty());
        codeArea.setText(Search.SOUND_OPTUNA.strip());
        chartHost.getChildren().add(chart.viewer());
        chart.viewer().setId("search-chart");
        chart.chart().removeLegend();
        column(numberColumn, Search.Trial::number);
        column(lrColumn, t -> t.params().lr());
        column(decayColumn, t -> t.params().weightDecay());
        column(batchColumn, t -> t.params().batchSize());
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().status().name().toLowerCase(java.util.Locale.ROOT)));
        column(epochsColumn, Search.Trial::epochs);
        column(lossColumn, Search.Trial::valLoss);
        column(accuracyColumn, Search.Trial::valAccuracy);
        // NaN (not scored yet) sorts last either way
        Comparator<Double> byValue = Comparator.nullsLast(Comparator.comparingDouble(d -> Double.isNaN(d)
                ? Double.POSITIVE_INFINITY : d));
        lossColumn.setComparator(byValue);
        accuracyColumn.setComparator(Comparator.nullsLast(Comparator.comparingDouble(d -> Double.isNaN(d)
                ? Double.NEGATIVE_INFINITY : d)));
        for (TableColumn<Search.Trial, Double> c : java.util.List.of(lrColumn, decayColumn, lossColumn, accuracyColumn)) {
            boolean hyper = c == lrColumn || c == decayColumn;
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : Double.isNaN(v) ? "–"
                            : hyper ? Cells.hyperparameter(v) : ComputationGraph.format(v, 4));
                }
            });
        }
        Cells.fitHeaders(trialTable);
        trialTable.setPlaceholder(Cells.placeholder("No trials yet: press Search, and every trial appears here "
                + "with its validation loss."));
        javafx.collections.transformation.SortedList<Search.Trial> sorted =
                new javafx.collections.transformation.SortedList<>(model.rows());
        sorted.comparatorProperty().bind(trialTable.comparatorProperty());
        trialTable.setItems(sorted);
        trialTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Search.Trial item, boolean empty) {
                super.updateItem(item, empty);
                Search.Trial best = model.bestProperty().get();
                getStyleClass().remove(RunsView.BEST_ROW);
                if (!empty && item != null && best != null && item.number() == best.number()) {
                    getStyleClass().add(RunsView.BEST_ROW);
                }
            }
        });
        model.bestProperty().addListener((o, a, b) -> trialTable.refresh());
        model.rows().addListener((javafx.collections.ListChangeListener<Search.Trial>) c -> redraw());
        pngButton.setOnAction(e -> FileExport.savePng(picture, "search.png"));
        app.descent.ui.fx.FigureExport.install(picture, "search");
        csvButton.setOnAction(e -> FileExport.saveText(picture.getScene().getWindow(), "search.csv", this::csv));
    }

    private static <T> void column(TableColumn<Search.Trial, T> column, Function<Search.Trial, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void redraw() {
        chart.removeAllSeries();
        for (Search.Trial t : model.rows()) {
            if (t.valLosses().isEmpty()) {
                continue;
            }
            int s = chart.addSeries("#" + t.number(), t.number(), t.pruned(), true);
            for (int e = 0; e < t.valLosses().size(); e++) {
                chart.add(s, e + 1, t.valLosses().get(e));
            }
        }
        chart.commit();
    }

    private String csv() {
        app.descent.io.Csv.Table b = app.descent.io.Csv.table("trial", "lr", "weightDecay", "batchSize", "status",
                "epochs", "valLoss", "valAccuracy");
        for (Search.Trial t : model.rows()) {
            b.row(t.number(), t.params().lr(), t.params().weightDecay(), t.params().batchSize(), t.status(), t.epochs(),
                    t.valLoss(), t.valAccuracy());
        }
        return b.toString();
    }
}
