package app.descent.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed process keeps the page cache, so "the data reached the disk before the move" cannot be seen by killing
 * one: it is checked on the order of calls, through a channel that records them.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    final List<String> events = new ArrayList<>();

    @AfterEach
    void realDisk() {
        AtomicFiles.disk = AtomicFiles.REAL;
    }

    void watch() {
        AtomicFiles.disk = new AtomicFiles.Disk() {
            @Override
            public FileChannel open(Path tmp) throws IOException {
                events.add("open " + (tmp.getParent().equals(dir) ? "same folder" : tmp.getParent()));
                return new Recording(AtomicFiles.REAL.open(tmp), events);
            }

            @Override
            public void move(Path tmp, Path target) throws IOException {
                events.add("move");
                AtomicFiles.REAL.move(tmp, target);
            }
        };
    }

    @Test
    void theDataIsForcedToDiskBeforeTheMove() throws IOException {
        watch();
        Path target = dir.resolve("net.json");
        AtomicFiles.writeString(target, "{\"layers\": []}");
        assertThat(events).containsSubsequence("open same folder", "write", "force(true)", "close", "move");
        assertThat(events.indexOf("force(true)")).isLessThan(events.indexOf("move"));
        assertThat(Files.readString(target)).isEqualTo("{\"layers\": []}");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("progress.json");
        AtomicFiles.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void temporaryFilesOfDeadProcessesAreSweptAndThoseOfLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        Path dead = Files.writeString(dir.resolve(".net.json." + p.pid() + ".1a2b" + AtomicFiles.SUFFIX), "half");
        Path live = Files.writeString(dir.resolve(".net.json." + ProcessHandle.current().pid() + ".3c4d"
                + AtomicFiles.SUFFIX), "in progress");
        Path other = Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.createDirectories(dir.resolve("logs"));
        Path deeper = Files.writeString(dir.resolve("logs/.x.csv." + p.pid() + ".9" + AtomicFiles.SUFFIX), "half");
        assertThat(AtomicFiles.sweepTree(dir)).isEqualTo(2);
        assertThat(dead).doesNotExist();
        assertThat(deeper).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }

    @Test
    void theProcessIdIsReadFromTheName() {
        assertThat(AtomicFiles.pidOf(".net.v2.json.4242.ff" + AtomicFiles.SUFFIX)).isEqualTo(4242);
        assertThat(AtomicFiles.pidOf(".odd" + AtomicFiles.SUFFIX)).isEqualTo(-1);
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.SUFFIX)).toList();
        }
    }

    /** A channel that records writes, forces and the close. */
    static final class Recording extends FileChannel {
        private final FileChannel c;
        private final List<String> events;

        Recording(FileChannel c, List<String> events) {
            this.c = c;
            this.events = events;
        }

        private void wrote() {
            if (events.isEmpty() || !events.get(events.size() - 1).equals("write")) {
                events.add("write");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return c.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return c.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            wrote();
            return c.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            wrote();
            return c.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return c.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            c.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return c.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            c.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            events.add("force(" + metaData + ")");
            c.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return c.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            wrote();
            return c.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return c.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            wrote();
            return c.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return c.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return c.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return c.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            events.add("close");
            c.close();
        }
    }
}
