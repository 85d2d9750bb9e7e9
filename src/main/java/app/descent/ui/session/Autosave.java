package app.descent.ui.session;

import app.descent.session.SessionDocument;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.util.Duration;

/**
 * Unsaved work written every minute to {@code ~/.descent/autosave.descent}, so that a crash or a killed process
 * loses at most a minute. The running window holds a lock beside its file; a second Descent running at the same time
 * finds it taken and writes {@code autosave-2.descent} instead, so two never share one file. A clean exit deletes
 * the file: one found at start whose lock is free was left by a Descent that did not exit cleanly, and is offered
 * back. The state is collected on the FX thread; the file is written on a thread of its own.
 */
public final class Autosave {
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());
    static final String NAME = "autosave";
    static final int SLOTS = 16;

    private final Path dir;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path leftover;
    private final java.util.concurrent.ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "descent-autosave");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.ScheduledFuture<?> timer;
    private volatile boolean written;
    private boolean closed;

    private Autosave(Path dir, Path file, FileChannel channel, FileLock lock, Path leftover) {
        this.dir = dir;
        this.file = file;
        this.lockChannel = channel;
        this.lock = lock;
        this.leftover = leftover;
    }

    /** The autosave of Descent's own folder ({@code descent.home}, default ~/.descent). */
    public static Autosave standard() throws IOException {
        return claim(app.descent.io.Logs.home());
    }

    /**
     * Takes the first file of {@code dir} no running Descent holds, and notes the newest file left by one that did
     * not exit cleanly (found before anything is written).
     */
    public static Autosave claim(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> left = leftovers(dir);
        for (int i = 1; i <= SLOTS; i++) {
            Path f = dir.resolve(i == 1 ? NAME + SessionDocument.EXTENSION : NAME + "-" + i + SessionDocument.EXTENSION);
            FileChannel channel = FileChannel.open(lockFile(f), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                Path newest = left.stream().max(Comparator.comparing(Autosave::modified)).orElse(null);
                return new Autosave(dir, f, channel, lock, newest);
            }
            channel.close();
        }
        throw new IOException("all " + SLOTS + " autosave files in " + dir + " are held by running Descents");
    }

    private static Path lockFile(Path f) {
        return f.resolveSibling("." + f.getFileName() + ".lock");
    }

    /** A lock on the channel, or null when another process (or another window of this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Autosave files whose lock is free: left by a Descent that did not exit cleanly. */
    private static List<Path> leftovers(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, NAME + "*" + SessionDocument.EXTENSION)) {
            for (Path f : files) {
                try (FileChannel c = FileChannel.open(lockFile(f), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock l = tryLock(c);
                    if (l != null) {
                        l.release();
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** This window's autosave file. */
    public Path file() {
        return file;
    }

    /** The newest autosave left by a Descent that did not exit cleanly, found at {@link #claim}. */
    public Optional<Path> leftover() {
        return Optional.ofNullable(leftover).filter(Files::isRegularFile);
    }

    /** Forgets the leftover (restored into this session, or declined): it is not offered again. */
    public void dropLeftover() {
        if (leftover != null && !leftover.equals(file)) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete the old autosave " + leftover, e);
            }
        }
    }

    /** Saves {@code model}'s unsaved work every {@code period} (on the FX thread; the file on a thread of its own). */
    public void start(SessionModel model, Duration period) {
        // the clock on the writer's thread (a Timeline would keep the window pulsing); the state is read on the FX one
        long ms = Math.max(1, (long) period.toMillis());
        timer = writer.scheduleWithFixedDelay(() -> javafx.application.Platform.runLater(() -> saveNow(model)), ms, ms,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Collects the session now (FX thread) and writes it in the background; a session without unsaved work has
     * nothing to lose, and its autosave goes.
     */
    public void saveNow(SessionModel model) {
        if (closed) {
            return;
        }
        if (!model.refresh()) {
            writer.execute(this::delete);
            return;
        }
        SessionDocument doc = model.document();
        writer.execute(() -> {
            try {
                doc.write(file);
                written = true;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot autosave to " + file, e);
            }
        });
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the autosave " + file, e);
        }
    }

    /** Waits until what was handed to the writer is on disk (tests, and a clean exit). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the autosave did not finish", e);
        }
    }

    /** A clean exit: nothing is left to offer at the next start; the file and the lock go. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopTimer();
        writer.execute(this::delete);
        flush();
        writer.shutdown();
        release();
    }

    /** As a killed process leaves it: the file stays, the lock is free (tests). */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        stopTimer();
        flush();
        writer.shutdown();
        release();
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void release() {
        try {
            // the lock file stays: deleting it could let two later Descents lock two files of one name
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    boolean hasWritten() {
        return written;
    }

    Path dir() {
        return dir;
    }
}
