package app.descent.training.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads IDX files (the MNIST format), gzipped or raw. */
public final class IdxReader {
    static final int IMAGES = 0x00000803;
    static final int LABELS = 0x00000801;

    private IdxReader() {
    }

    public static ImageSet read(Path images, Path labels, List<String> classNames) {
        int[] labelValues = readLabels(labels, classNames.size());
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            checkMagic(images, magic, IMAGES, "an IDX image file");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DatasetException(images + ": impossible dimensions " + count + "×" + rows + "×" + cols);
            }
            if (count != labelValues.length) {
                throw new DatasetException(images + ": " + count + " images but " + labels.getFileName() + " has "
                        + labelValues.length + " labels");
            }
            // read as the bytes arrive: a header that claims gigabytes allocates only what the file holds
            int claimed = count * rows * cols;
            byte[] raw = in.readNBytes(claimed);
            if (raw.length != claimed) {
                throw truncated(images, claimed + " pixel bytes", raw.length);
            }
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xFF) / 255f;
            }
            return new ImageSet(count, rows, cols, pixels, labelValues, classNames);
        } catch (IOException e) {
            throw unreadable(images, e);
        }
    }

    /** The number of samples, from the header alone. */
    public static int count(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES && magic != LABELS) {
                throw new DatasetException(file + ": wrong magic number " + hex(magic) + ", expected "
                        + hex(IMAGES) + " or " + hex(LABELS) + " (an IDX file)");
            }
            return in.readInt();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static int[] readLabels(Path file, int classes) {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS, "an IDX label file");
            int count = in.readInt();
            if (count < 0) {
                throw new DatasetException(file + ": negative label count " + count);
            }
            byte[] raw = in.readNBytes(count);
            if (raw.length != count) {
                throw truncated(file, count + " labels", raw.length);
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] >= classes) {
                    throw new DatasetException(file + ": label " + labels[i] + " of sample " + i
                            + " is outside 0.." + (classes - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream in = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static void checkMagic(Path file, int magic, int expected, String what) {
        if (magic != expected) {
            throw new DatasetException(file + ": wrong magic number " + hex(magic) + ", expected " + hex(expected)
                    + " (" + what + ")");
        }
    }

    private static DatasetException truncated(Path file, String expected, int found) {
        return new DatasetException(file + ": file is truncated: expected " + expected + ", found " + found);
    }

    private static DatasetException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file + ": file not found");
        }
        if (e instanceof EOFException) {
            return new DatasetException(file + ": file is truncated: it ends before its header says it should");
        }
        if (e instanceof ZipException) {
            return new DatasetException(file + ": not a valid gzip file (" + e.getMessage() + ")");
        }
        return new DatasetException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
