package app.descent.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way Descent saves a file (networks, practice progress, weights, exports): the content goes to a temporary
 * file in the same folder, is forced to the disk ({@code force(true)}), and only then moved over the target. A crash
 * or a killed process leaves either the old file or the new one, never half of one. A temporary file left by a
 * killed process carries that process's id and is swept by the next save into the folder, and at start for
 * Descent's own folder.
 */
public final class AtomicFiles {
    /** Names of temporary files: {@code .<target>.<pid>.<random>.descent-tmp}. */
    static final String SUFFIX = ".descent-tmp";

    /** Opens the temporary file's channel and moves it; replaced by tests to watch the order of force and move. */
    interface Disk {
        FileChannel open(Path tmp) throws IOException;

        void move(Path tmp, Path target) throws IOException;
    }

    static final Disk REAL = new Disk() {
        @Override
        public FileChannel open(Path tmp) throws IOException {
            return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void move(Path tmp, Path target) throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    };

    static volatile Disk disk = REAL;

    /** Writes the content through a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        sweep(dir);
        Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + SUFFIX);
        Disk d = disk;
        boolean moved = false;
        try {
            try (FileChannel channel = d.open(tmp)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            d.move(tmp, abs);
            moved = true;
            syncFolder(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The move itself reaches the disk once the folder is forced (possible on Linux and macOS, not on Windows). */
    private static void syncFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported here: the file's own data is on disk already
        }
    }

    /**
     * Deletes the temporary files in {@code dir} left by processes that no longer run (killed in the middle of a
     * save); files of running processes, this one included, stay. Returns how many were deleted.
     */
    public static int sweep(Path dir) {
        int deleted = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + SUFFIX)) {
            for (Path f : files) {
                long pid = pidOf(f.getFileName().toString());
                if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is housekeeping: a folder that cannot be listed is left as it is
        }
        return deleted;
    }

    /** Sweeps a folder and the folders below it (a few levels: Descent's own folder at start). */
    public static int sweepTree(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] deleted = {0};
        try (var dirs = Files.walk(root, 3)) {
            dirs.filter(Files::isDirectory).forEach(d -> deleted[0] += sweep(d));
        } catch (IOException | RuntimeException e) {
            // housekeeping only
        }
        return deleted[0];
    }

    static long pidOf(String name) {
        String stem = name.substring(0, name.length() - SUFFIX.length());
        int lastDot = stem.lastIndexOf('.');
        int pidDot = lastDot <= 0 ? -1 : stem.lastIndexOf('.', lastDot - 1);
        if (pidDot < 0) {
            return -1;
        }
        try {
            return Long.parseLong(stem.substring(pidDot + 1, lastDot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
