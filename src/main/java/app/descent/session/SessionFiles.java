package app.descent.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary entries of a session file beside its JSON document (the weights of finished runs as {@code .npz}).
 * A workspace puts its data under a name it suggests and writes the returned name into its JSON; on open it gets the
 * bytes back by that name.
 */
public final class SessionFiles {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** Stores {@code data} under {@code suggested} (made unique with a number if taken) and returns the name used. */
    public String put(String suggested, byte[] data) {
        String clean = suggested.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = clean;
        for (int i = 2; entries.containsKey(name); i++) {
            int dot = clean.lastIndexOf('.');
            name = dot > 0 ? clean.substring(0, dot) + "-" + i + clean.substring(dot) : clean + "-" + i;
        }
        entries.put(name, data.clone());
        return name;
    }

    /** The bytes stored under {@code name}; a name the file does not hold is a damaged session. */
    public byte[] get(String name) {
        byte[] data = entries.get(name);
        if (data == null) {
            throw new SessionException("the session file lacks its entry " + name);
        }
        return data.clone();
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Every entry by name, in the order they were put. */
    public Map<String, byte[]> all() {
        return Collections.unmodifiableMap(entries);
    }
}
