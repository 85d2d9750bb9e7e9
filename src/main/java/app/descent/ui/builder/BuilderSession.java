package app.descent.ui.builder;

import app.descent.UserInputException;
import app.descent.network.Network;
import app.descent.network.NetworkJson;
import app.descent.session.SessionDocument;
import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.session.States;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;

/**
 * The Builder's part of a session: {@code {"network": {...}, "input": "1, 1, 28, 28", "batch-size": 64,
 * "selection": 2}}: the network as its own {@code .json} file holds it, the input shape as typed (what
 * {@code descent summary --input} takes), the batch size of the memory estimate, and the selected layer (-1: none).
 */
final class BuilderSession implements WorkspaceState {
    static final List<String> KEYS = List.of("network", "input", "batch-size", "selection");
    static final String DEFAULT_INPUT = "1, 1, 28, 28";
    static final int DEFAULT_BATCH = 64;
    private final BuilderViewModel model;
    private final TableView<BuilderViewModel.Row> table;
    private final Spinner<Integer> batch;

    BuilderSession(BuilderViewModel model, TableView<BuilderViewModel.Row> table, Spinner<Integer> batch) {
        this.model = model;
        this.table = table;
        this.batch = batch;
    }

    @Override
    public String id() {
        return "builder";
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        ObjectNode n = SessionDocument.mapper().createObjectNode();
        try {
            n.set("network", SessionDocument.mapper().readTree(NetworkJson.toJson(model.network(), null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the network's own JSON does not read back", e);
        }
        n.put("input", model.inputProperty().get());
        n.put("batch-size", model.batchSizeProperty().get());
        n.put("selection", table.getSelectionModel().getSelectedIndex());
        return n;
    }

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        States.only(state, KEYS);
        JsonNode net = state.get("network");
        if (net == null || !net.isObject()) {
            throw new SessionException("'network' must be a network as the Builder saves it (an object)");
        }
        Network network;
        try {
            network = NetworkJson.fromJson(net.toString()).network();
        } catch (UserInputException | IllegalArgumentException e) {
            throw new SessionException("network: " + e.getMessage(), e);
        }
        String input = States.text(state, "input", DEFAULT_INPUT);
        int batchSize = (int) States.whole(state, "batch-size", (long) DEFAULT_BATCH, 1);
        if (batchSize > 65_536) {
            throw new SessionException("'batch-size' must be at most 65536, not " + batchSize);
        }
        int selection = (int) States.whole(state, "selection", -1L, -1);
        if (selection >= network.leaves().size()) {
            throw new SessionException("'selection' " + selection + " is beyond the network's "
                    + network.leaves().size() + " layers");
        }
        String text = net.toString();
        return () -> {
            ObjectNode kept = SessionDocument.mapper().createObjectNode();
            kept.put("network", text);
            kept.put("input", input);
            model.restoreState(kept);
            batch.getValueFactory().setValue(batchSize);
            if (selection < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(selection);
            }
        };
    }

    @Override
    public void clear() {
        table.getSelectionModel().clearSelection();
        model.clear();
        model.inputProperty().set(DEFAULT_INPUT);
        batch.getValueFactory().setValue(DEFAULT_BATCH);
    }
}
