package app.descent.ui.backprop;

import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.session.States;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;

/**
 * Backprop's part of a session: {@code {"expression", "values": {name: text}, "preset", "step", "mode"}} with the
 * expression and values as {@code descent grad EXPR NAME=VALUE} takes them, the step shown (-1: ready) and the mode
 * ("watch", or "predict" when the person types the gradients first).
 */
final class BackpropSession implements WorkspaceState {
    static final List<String> KEYS = List.of("expression", "values", "preset", "step", "mode");
    private final BackpropViewModel model;
    private final ComboBox<Presets.Preset> presets;

    BackpropSession(BackpropViewModel model, ComboBox<Presets.Preset> presets) {
        this.model = model;
        this.presets = presets;
    }

    @Override
    public String id() {
        return "backprop";
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        ObjectNode n = app.descent.session.SessionDocument.mapper().createObjectNode();
        n.put("expression", model.expressionProperty().get());
        ObjectNode values = n.putObject("values");
        model.valueTexts().forEach(values::put);
        Presets.Preset p = presets.getValue();
        if (p != null && !model.customProperty().get()) {
            n.put("preset", p.name());
        }
        n.put("step", model.stepProperty().get());
        n.put("mode", model.predictProperty().get() ? "predict" : "watch");
        return n;
    }

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        States.only(state, KEYS);
        String expr = States.text(state, "expression", null);
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode v = state.path("values");
        if (!v.isMissingNode() && !v.isObject()) {
            throw new SessionException("'values' must map names to numbers");
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() && !e.getValue().isNumber()) {
                throw new SessionException("the value of '" + e.getKey() + "' must be a number, not " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        String presetName = States.text(state, "preset", "");
        Presets.Preset preset = presetName.isEmpty() ? null : Presets.ALL.stream()
                .filter(p -> p.name().equals(presetName)).findFirst()
                .orElseThrow(() -> new SessionException("no preset '" + presetName + "'"));
        int step = (int) States.whole(state, "step", -1L, -1);
        boolean predict = States.choice(state, "mode", "watch", List.of("watch", "predict")).equals("predict");
        if (step >= 0) {
            int count;
            try {
                count = Pictures.compute(expr, values).picture().steps().size();
            } catch (app.descent.UserInputException e) {
                count = 0;
            }
            if (step >= count) {
                throw new SessionException("'step' " + step + " is beyond the last step of " + expr + " ("
                        + (count - 1) + ")");
            }
        }
        return () -> {
            if (preset != null && preset.expression().equals(expr)) {
                presets.getSelectionModel().select(preset);
                model.loadTexts(expr, values, preset.note(), preset.update(), preset.lr());
            } else {
                presets.getSelectionModel().clearSelection();
                model.loadCustom(expr, values);
            }
            model.predictProperty().set(predict);
            model.showStep(step);
        };
    }

    @Override
    public void clear() {
        Presets.Preset first = Presets.ALL.get(0);
        presets.getSelectionModel().select(first);
        model.load(first.expression(), first.values(), first.note(), first.update(), first.lr());
        model.predictProperty().set(false);
        model.reset();
    }
}
