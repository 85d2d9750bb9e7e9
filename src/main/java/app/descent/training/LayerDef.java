package app.descent.training;

import java.util.Map;

/**
 * One PyTorch module to train: its class name, its arguments (a null value is Python's None), and its name in the
 * network (e.g. "classifier.6").
 */
public record LayerDef(String type, Map<String, Object> args, String name) {
    public LayerDef {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }
}
