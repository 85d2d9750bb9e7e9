package app.descent.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves and loads networks as JSON:
 * <pre>{"format": "descent-network", "version": 1, "zoo": "vgg16", "numClasses": 1000, "input": [1, 3, 224, 224],
 *  "root": {"container": "module", "name": "", "flattenBefore": "classifier", "children": [
 *     {"container": "sequential", "name": "features", "children": [
 *        {"layer": "Conv2d", "name": "0", "args": {"in_channels": 3, ...}, "trainable": true}, ...]}, ...]}}</pre>
 * Layer args hold the arguments that differ from PyTorch's defaults. "zoo", "numClasses" and "input" are optional.
 * Writes are atomic: the JSON is produced in memory, written to a temporary file in the same folder, then moved over
 * the target, so a failure leaves an existing file untouched.
 */
public final class NetworkJson {
    public static final String FORMAT = "descent-network";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NetworkJson() {
    }

    /** A loaded file: the network and the input shape saved with it, if any. */
    public record Document(Network network, Optional<List<Integer>> input) {
    }

    public static String toJson(Network network, List<Integer> input) {
        ObjectNode root = F.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (network.zooModel() != null) {
            root.put("zoo", network.zooModel());
            root.put("numClasses", network.numClasses());
        }
        if (input != null) {
            ArrayNode in = root.putArray("input");
            input.forEach(in::add);
        }
        root.set("root", node(network.root()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new NetworkException("cannot write the network as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode node(NetworkNode n) {
        ObjectNode o = F.objectNode();
        if (n instanceof Layer l) {
            o.put("layer", l.type());
            o.put("name", l.name());
            ObjectNode args = o.putObject("args");
            for (Map.Entry<String, Object> e : l.spec().explicitArgs().entrySet()) {
                args.set(e.getKey(), value(e.getValue()));
            }
            o.put("trainable", l.trainable());
        } else {
            Container c = (Container) n;
            o.put("container", c.kind().name().toLowerCase());
            o.put("name", c.name());
            if (c.shortcut() != null) {
                o.put("shortcut", c.shortcut());
            }
            if (c.after() != null) {
                o.put("after", c.after());
            }
            if (c.flattenBefore() != null) {
                o.put("flattenBefore", c.flattenBefore());
            }
            ArrayNode children = o.putArray("children");
            c.children().forEach(ch -> children.add(node(ch)));
        }
        return o;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        if (v instanceof List<?> list) {
            ArrayNode a = F.arrayNode();
            list.forEach(x -> a.add(value(x)));
            return a;
        }
        return F.textNode(String.valueOf(v));
    }

    /** Writes atomically; an existing file is replaced only once the new content is completely on disk. */
    public static void save(Path file, Network network, List<Integer> input) {
        String json = toJson(network, input);
        try {
            app.descent.io.AtomicFiles.writeString(file, json);
        } catch (IOException e) {
            throw new NetworkException("cannot save the network to " + file + ": " + e.getMessage(), e);
        }
    }

    public static void save(Path file, Network network) {
        save(file, network, null);
    }

    public static Document load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NetworkException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (NetworkException e) {
            throw new NetworkException(file + ": " + e.getMessage(), e);
        }
    }

    public static Document fromJson(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new NetworkException("not a valid network file (corrupt JSON" + where + ")", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new NetworkException("not a Descent network file (expected \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new NetworkException("network file has no valid \"version\"");
        }
        if (version.asInt() > VERSION) {
            throw new NetworkException("network file format version " + version.asInt() + " is newer than this Descent supports ("
                    + VERSION + "); update Descent to open it");
        }
        if (version.asInt() < 1) {
            throw new NetworkException("network file has an invalid version " + version.asInt());
        }
        JsonNode r = root.get("root");
        if (r == null || !r.isObject()) {
            throw new NetworkException("network file has no \"root\" module");
        }
        NetworkNode node = readNode(r, "root");
        if (!(node instanceof Container c)) {
            throw new NetworkException("network file root must be a container");
        }
        String zoo = root.hasNonNull("zoo") ? root.get("zoo").asText() : null;
        if (zoo != null && !ModelZoo.isTorchvision(zoo)) {
            throw new NetworkException("network file names an unknown torchvision model '" + zoo + "'");
        }
        int numClasses = root.path("numClasses").asInt(1000);
        List<Integer> input = null;
        if (root.hasNonNull("input")) {
            input = new ArrayList<>();
            for (JsonNode d : root.get("input")) {
                if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1) {
                    throw new NetworkException("network file \"input\" must be a list of positive integers");
                }
                input.add(d.asInt());
            }
        }
        return new Document(new Network(c, zoo, numClasses), Optional.ofNullable(input == null ? null : List.copyOf(input)));
    }

    private static NetworkNode readNode(JsonNode o, String where) {
        if (!o.isObject()) {
            throw new NetworkException("network file: " + where + " is not an object");
        }
        String name = o.path("name").asText("");
        String at = where + (name.isEmpty() ? "" : " '" + name + "'");
        if (o.has("layer")) {
            Map<String, Object> args = new LinkedHashMap<>();
            JsonNode a = o.path("args");
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                args.put(e.getKey(), javaValue(e.getValue()));
            }
            try {
                return new Layer(name, LayerSpec.of(o.get("layer").asText(), List.of(), args), o.path("trainable").asBoolean(true));
            } catch (NetworkException e) {
                throw new NetworkException("network file: " + at + ": " + e.getMessage(), e);
            }
        }
        if (o.has("container")) {
            Container.Kind kind;
            try {
                kind = Container.Kind.valueOf(o.get("container").asText().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new NetworkException("network file: " + at + " has unknown container kind '" + o.get("container").asText() + "'");
            }
            List<NetworkNode> children = new ArrayList<>();
            int i = 0;
            for (JsonNode ch : o.path("children")) {
                children.add(readNode(ch, at + " child " + i++));
            }
            return new Container(name, kind, children, text(o, "shortcut"), text(o, "after"), text(o, "flattenBefore"));
        }
        throw new NetworkException("network file: " + at + " is neither a layer nor a container");
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    private static Object javaValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(javaValue(x)));
            return out;
        }
        return v.asText();
    }
}
