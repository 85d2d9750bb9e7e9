package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import app.descent.io.AtomicFiles;
import app.descent.network.Network;
import app.descent.network.PyTorchExporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Trained weights on disk: the .npz archive and, beside it, a PyTorch script that builds the network and loads them. */
public final class WeightFiles {
    /** The largest .npz read (a course network's weights are kilobytes to a few hundred megabytes). */
    static final long MAX_FILE = 1L << 30;
    /** The most all arrays of one archive may hold, unpacked. */
    static final long MAX_UNPACKED = 1L << 30;

    private static final Map<String, Integer> ITEM_SIZES = Map.ofEntries(Map.entry("f4", 4), Map.entry("f8", 8),
            Map.entry("f2", 2), Map.entry("i1", 1), Map.entry("u1", 1), Map.entry("i2", 2), Map.entry("i4", 4),
            Map.entry("i8", 8), Map.entry("b1", 1));
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z][0-9]+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private WeightFiles() {
    }

    /** Writes FILE.npz and FILE.py atomically. */
    public static void save(Path npz, byte[] archive, Network network) throws IOException {
        String name = npz.getFileName().toString();
        String base = name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        AtomicFiles.write(npz, archive);
        AtomicFiles.writeString(npz.resolveSibling(base + ".py"), PyTorchExporter.loadScript(network, name));
    }

    /** Reads an .npz for --resume, refusing a file too large, and checks it as {@link #check} does. */
    public static byte[] read(Path npz) {
        byte[] bytes;
        try {
            if (Files.size(npz) > MAX_FILE) {
                throw new TrainingException(npz + ": larger than " + (MAX_FILE >> 20) + " MB; not a checkpoint of Descent");
            }
            bytes = Files.readAllBytes(npz);
        } catch (NoSuchFileException e) {
            throw new TrainingException(npz + ": file not found");
        } catch (IOException e) {
            throw new TrainingException("cannot read " + npz + ": " + e.getMessage());
        }
        try {
            check(bytes);
        } catch (TrainingException e) {
            throw new TrainingException(npz + ": " + e.getMessage());
        }
        return bytes;
    }

    /**
     * Checks an .npz archive before any tensor is made of it: a zip of .npy entries, each with a valid header whose
     * shape and type account for exactly the bytes that follow, all together below a bound. A header that claims
     * gigabytes is a message, never an allocation.
     */
    public static void check(byte[] npz) {
        if (npz.length < 4 || npz[0] != 'P' || npz[1] != 'K') {
            throw new TrainingException("not an .npz archive (it does not start as a zip file)");
        }
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries++;
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    throw new TrainingException("entry '" + clip(name) + "' is not an .npy array");
                }
                long room = MAX_UNPACKED - unpacked;
                byte[] data = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, room + 1));
                if (data.length > room) {
                    throw new TrainingException("the arrays unpack to more than " + (MAX_UNPACKED >> 20) + " MB");
                }
                unpacked += data.length;
                checkNpy(clip(name), data);
            }
        } catch (ZipException e) {
            throw new TrainingException("not a valid .npz archive (" + e.getMessage() + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw new TrainingException("the archive is damaged (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw new TrainingException("the archive holds no arrays");
        }
    }

    static void checkNpy(String name, byte[] d) {
        if (d.length < 10 || (d[0] & 0xFF) != 0x93 || d[1] != 'N' || d[2] != 'U' || d[3] != 'M' || d[4] != 'P'
                || d[5] != 'Y') {
            throw new TrainingException("entry '" + name + "' is not an .npy array (no \\x93NUMPY header)");
        }
        int major = d[6];
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (d.length < 12) {
                throw new TrainingException("entry '" + name + "': the header is cut off");
            }
            headerLength = b.getInt(8) & 0xFFFFFFFFL;
            start = 12;
        } else {
            throw new TrainingException("entry '" + name + "': unknown .npy version " + major);
        }
        if (headerLength > 65_536 || start + headerLength > d.length) {
            throw new TrainingException("entry '" + name + "': the header claims " + headerLength
                    + " bytes but the entry has " + (d.length - start));
        }
        String header = new String(d, start, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new TrainingException("entry '" + name + "': the header lacks descr, fortran_order or shape");
        }
        Integer item = ITEM_SIZES.get(descr.group(2));
        if (item == null) {
            throw new TrainingException("entry '" + name + "': unsupported element type '" + descr.group(2) + "'");
        }
        long count = 1;
        for (String dim : shape.group(1).split(",")) {
            String t = dim.strip();
            if (t.isEmpty()) {
                continue;
            }
            long v;
            try {
                v = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw new TrainingException("entry '" + name + "': shape (" + clip(shape.group(1)) + ") is not whole numbers");
            }
            if (v < 0 || v > MAX_UNPACKED) {
                throw new TrainingException("entry '" + name + "': impossible dimension " + v);
            }
            count *= Math.max(v, 0);
            if (count > MAX_UNPACKED) {
                throw new TrainingException("entry '" + name + "': shape (" + clip(shape.group(1))
                        + ") claims more than " + (MAX_UNPACKED >> 20) + " MB");
            }
        }
        long expected = count * item;
        long present = d.length - start - headerLength;
        if (expected != present) {
            throw new TrainingException("entry '" + name + "': shape (" + clip(shape.group(1)) + ") needs " + expected
                    + " bytes but the entry holds " + present);
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    // ------------------------------------------------------------------------ a training run's parameters

    /**
     * A network's parameters (in {@code manager}) as a NumPy .npz archive keyed like PyTorch's state_dict
     * ("0.weight", "3.running_mean"), so that {@code net.load_state_dict} takes them; {@code layers} name its children.
     */
    static byte[] npz(NDManager manager, SequentialBlock net, List<app.descent.network.Layer> layers) {
        LibTorch.gradModeOff();
        try (NDManager s = manager.newSubManager()) {
            NDList list = new NDList();
            int i = 0;
            for (var child : net.getChildren()) {
                String layer = layers.get(i++).name();
                for (var p : child.getValue().getParameters()) {
                    Parameter param = p.getValue();
                    NDArray copy = param.getArray().duplicate();
                    copy.attach(s);
                    copy.setName(stateKey(layer, param));
                    list.add(copy);
                }
            }
            return list.encode(NDList.Encoding.NPZ);
        }
    }

    /** PyTorch's state_dict key of a parameter: "0.weight", "3.running_mean". */
    static String stateKey(String layer, Parameter param) {
        return layer + "." + switch (param.getType()) {
            case WEIGHT, GAMMA -> "weight";
            case BIAS, BETA -> "bias";
            case RUNNING_MEAN -> "running_mean";
            case RUNNING_VAR -> "running_var";
            default -> param.getName();
        };
    }

    /**
     * Sets a network's parameters from an archive made by {@link #npz} (a checkpoint), by state_dict key; a missing
     * key or a shape that differs is a message naming it.
     */
    static void load(NDManager manager, SequentialBlock net, List<app.descent.network.Layer> layers, byte[] npz) {
        check(npz);
        LibTorch.gradModeOff();
        try (NDManager s = manager.newSubManager()) {
            java.util.Map<String, NDArray> saved = new java.util.HashMap<>();
            for (NDArray a : NDList.decode(s, npz)) {
                saved.put(a.getName(), a);
            }
            int i = 0;
            for (var child : net.getChildren()) {
                String layer = layers.get(i++).name();
                for (var p : child.getValue().getParameters()) {
                    Parameter param = p.getValue();
                    String key = stateKey(layer, param);
                    NDArray from = saved.get(key);
                    if (from == null) {
                        throw new TrainingException("the checkpoint has no " + key);
                    }
                    if (!from.getShape().equals(param.getArray().getShape())) {
                        throw new TrainingException("the checkpoint's " + key + " has shape " + from.getShape()
                                + " but the network's has " + param.getArray().getShape());
                    }
                    Tensors.assign(param.getArray(), from.toFloatArray());
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof TrainingException) {
                throw e;
            }
            throw new TrainingException("the checkpoint cannot be read: " + e.getMessage());
        }
    }
}
