package io.jras.link.pty;

import static io.jras.link.pty.Libc.errno;

import io.jras.link.ChunkedOutputStream;
import io.jras.link.PumpedInput;
import io.jras.link.TimedInputStream;
import io.jras.link.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pseudo-terminal in raw mode, seen from its master side: what a program writes to the slave
 * ({@link #slavePath()}, a {@code /dev/pts/N}) arrives on {@link #input()}, and what is written to
 * {@link #output()} the program reads, byte for byte (no echo, no line editing, no CR/LF mapping,
 * no signal characters). Built on posix_openpt/grantpt/unlockpt/ptsname_r and cfmakeraw through
 * the FFM API.
 *
 * <p>The pty holds its slave open until {@link #releaseSlave()}, so nothing is lost while the
 * program starts; after the release, the input ends once every other holder has closed the slave.
 *
 * <p>The master is non-blocking and every wait is a {@code poll} of at most {@value #POLL_MILLIS}
 * ms, so {@link #close()} takes effect within that time; reads run on a platform thread of their
 * own and readers wait on a lock, so a virtual thread reading never pins its carrier.
 */
public final class Pty implements Transport {

    static final int POLL_MILLIS = 100;
    private static final int CHUNK = 8192;

    private final int master;
    private final String slavePath;
    private final ReentrantLock fdLock = new ReentrantLock();
    private int slave;
    private volatile boolean closed;
    private boolean pumpEnded;
    private boolean fdsClosed;
    private final PumpedInput input;
    private final OutputStream output;

    private Pty(int master, int slave, String slavePath) {
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
        this.output = new MasterOutput();
        this.input = PumpedInput.start("pty-reader " + slavePath, new MasterReader()::read,
                Thread.ofPlatform().daemon(), this::pumpEnded);
    }

    /** Opens a new pty pair, the slave in raw mode. */
    public static Pty open() throws IOException {
        return open(true);
    }

    /**
     * Opens a new pty pair whose slave keeps the terminal defaults a login shell gets (canonical
     * input, echo, CR/LF mapping): for testing programs that talk to a person at a terminal.
     */
    public static Pty openTerminal() throws IOException {
        return open(false);
    }

    private static Pty open(boolean raw) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment err = Libc.errnoSlot(arena);
            int master = (int) Libc.POSIX_OPENPT.invokeExact(err,
                    Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (master < 0) {
                throw failure("posix_openpt", errno(err));
            }
            try {
                check((int) Libc.GRANTPT.invokeExact(err, master), "grantpt", err);
                check((int) Libc.UNLOCKPT.invokeExact(err, master), "unlockpt", err);
                MemorySegment name = arena.allocate(256);
                int rc = (int) Libc.PTSNAME_R.invokeExact(master, name, name.byteSize());
                if (rc != 0) {
                    throw failure("ptsname_r", rc);
                }
                String slavePath = name.getString(0);
                if (raw) {
                    makeRaw(master, arena, err);
                }
                int slave = (int) Libc.OPEN.invokeExact(err, arena.allocateFrom(slavePath),
                        Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC, 0);
                if (slave < 0) {
                    throw failure("open " + slavePath, errno(err));
                }
                return new Pty(master, slave, slavePath);
            } catch (IOException | RuntimeException e) {
                closeFd(master);
                throw e;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot open a pty: " + t, t);
        }
    }

    // Linux applies termios set through the master to the slave: the terminal a program sees.
    private static void makeRaw(int master, Arena arena, MemorySegment err) throws Throwable {
        MemorySegment termios = arena.allocate(Libc.TERMIOS_SIZE);
        check((int) Libc.TCGETATTR.invokeExact(err, master, termios), "tcgetattr", err);
        Libc.CFMAKERAW.invokeExact(termios);
        check((int) Libc.TCSETATTR.invokeExact(err, master, Libc.TCSANOW, termios), "tcsetattr", err);
    }

    /** The terminal a program should use as its stdin/stdout: {@code /dev/pts/N}. */
    public String slavePath() {
        return slavePath;
    }

    /** Lets go of our hold on the slave (see the class comment); idempotent. */
    public void releaseSlave() {
        fdLock.lock();
        try {
            if (slave >= 0) {
                closeFd(slave);
                slave = -1;
            }
        } finally {
            fdLock.unlock();
        }
    }

    @Override
    public TimedInputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String deviceType() {
        return "pty";
    }

    @Override
    public String deviceName() {
        return slavePath;
    }

    /** Closes the master (the program sees a hang-up); the descriptors go once the reader stops. */
    @Override
    public void close() {
        fdLock.lock();
        try {
            closed = true;
            input.close();
            if (pumpEnded) {
                closeFds();
            }
        } finally {
            fdLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "pty:" + slavePath;
    }

    private void pumpEnded() {
        fdLock.lock();
        try {
            pumpEnded = true;
            if (closed) {
                closeFds();
            }
        } finally {
            fdLock.unlock();
        }
    }

    private void closeFds() {
        if (!fdsClosed) {
            fdsClosed = true;
            closeFd(master);
            if (slave >= 0) {
                closeFd(slave);
                slave = -1;
            }
        }
    }

    /** The pump's source: polls, then reads; EIO means every slave holder is gone. */
    private final class MasterReader {
        private final Arena arena = Arena.ofAuto();
        private final MemorySegment buffer = arena.allocate(CHUNK);
        private final MemorySegment pollfd = arena.allocate(Libc.POLLFD);
        private final MemorySegment err = Libc.errnoSlot(arena);

        int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                return -1;
            }
            // The fd stays open while this thread runs: only pumpEnded(), after us, closes it.
            if (!poll(master, Libc.POLLIN, pollfd, err)) {
                return 0;
            }
            try {
                long n = (long) Libc.READ.invokeExact(err, master, buffer, (long) Math.min(len, CHUNK));
                if (n > 0) {
                    MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, b, off, (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                int e = errno(err);
                if (e == Libc.EAGAIN || e == Libc.EINTR) {
                    return 0;
                }
                if (e == Libc.EIO) {
                    return -1;
                }
                throw failure("read " + slavePath, e);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(t);
            }
        }
    }

    /** Writes in chunks; each chunk waits (in polls) for room, under the lock that close takes. */
    private final class MasterOutput extends ChunkedOutputStream {
        private final Arena arena = Arena.ofAuto();
        private final MemorySegment buffer = arena.allocate(CHUNK);
        private final MemorySegment pollfd = arena.allocate(Libc.POLLFD);
        private final MemorySegment err = Libc.errnoSlot(arena);

        MasterOutput() {
            super(slavePath);
        }

        @Override
        protected int writeSome(byte[] b, int off, int len) throws IOException {
            fdLock.lock();
            try {
                if (closed) {
                    throw new IOException(slavePath + " is closed");
                }
                if (!poll(master, Libc.POLLOUT, pollfd, err)) {
                    return 0;
                }
                int chunk = Math.min(len, CHUNK);
                MemorySegment.copy(b, off, buffer, ValueLayout.JAVA_BYTE, 0, chunk);
                long n = (long) Libc.WRITE.invokeExact(err, master, buffer, (long) chunk);
                if (n >= 0) {
                    return (int) n;
                }
                int e = errno(err);
                if (e == Libc.EAGAIN || e == Libc.EINTR) {
                    return 0;
                }
                throw failure("write " + slavePath, e);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(t);
            } finally {
                fdLock.unlock();
            }
        }
    }

    /** Waits up to POLL_MILLIS for {@code events}; true when the fd is ready (or in error/hang-up). */
    private static boolean poll(int fd, short events, MemorySegment pollfd, MemorySegment err) throws IOException {
        pollfd.set(ValueLayout.JAVA_INT, 0, fd);
        pollfd.set(ValueLayout.JAVA_SHORT, 4, events);
        pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        try {
            int n = (int) Libc.POLL.invokeExact(err, pollfd, 1L, POLL_MILLIS);
            if (n < 0) {
                int e = errno(err);
                if (e == Libc.EINTR) {
                    return false;
                }
                throw failure("poll", e);
            }
            return n > 0;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static void check(int rc, String call, MemorySegment err) throws IOException {
        if (rc != 0) {
            throw failure(call, errno(err));
        }
    }

    private static IOException failure(String call, int errno) {
        return new IOException(call + ": " + Libc.describe(errno));
    }

    private static void closeFd(int fd) {
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // close(2) does not fail in a way we could act on
        }
    }
}
