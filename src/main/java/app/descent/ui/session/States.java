package app.descent.ui.session;

import app.descent.session.SessionException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** Checks shared by the workspaces' states: a setting of the wrong kind or an unknown one names itself. */
public final class States {
    private States() {
    }

    /** Refuses a state that is not an object or has a setting outside {@code known}. */
    public static void only(JsonNode state, List<String> known) {
        if (state == null || !state.isObject()) {
            throw new SessionException("the state must be an object");
        }
        Set<String> names = Set.copyOf(known);
        state.fieldNames().forEachRemaining(k -> {
            if (!names.contains(k)) {
                throw new SessionException("unknown setting '" + k + "' (known: " + String.join(", ", known) + ")");
            }
        });
    }

    /** A text setting; {@code fallback} when absent (null: required). */
    public static String text(JsonNode state, String key, String fallback) {
        JsonNode v = state.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new SessionException("'" + key + "' is missing");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw new SessionException("'" + key + "' must be text, not " + v);
        }
        return v.asText();
    }

    /** A whole-number setting from {@code min}; {@code fallback} when absent (null: required). */
    public static long whole(JsonNode state, String key, Long fallback, long min) {
        JsonNode v = state.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new SessionException("'" + key + "' is missing");
            }
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
            throw new SessionException("'" + key + "' must be a whole number from " + min + ", not " + v);
        }
        return v.asLong();
    }

    /** One of {@code choices}; {@code fallback} when absent. */
    public static String choice(JsonNode state, String key, String fallback, List<String> choices) {
        String v = text(state, key, fallback);
        if (!choices.contains(v)) {
            throw new SessionException("'" + key + "' must be " + String.join(" or ", choices) + ", not '" + v + "'");
        }
        return v;
    }
}
