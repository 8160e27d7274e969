package io.jras.net.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jras.net.DatagramSink;
import io.jras.net.NetException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TUN device (<linux/if_tun.h>, Documentation/networking/tuntap.rst): the fd from
 * /dev/net/tun after TUNSETIFF with IFF_TUN | IFF_NO_PI, so each read or write is exactly one
 * bare IP datagram. The device is not persistent: it disappears, with its addresses and routes,
 * when the fd is closed, also when the process dies.
 *
 * <p>Reading: one platform thread waits in poll(2) on the fd and on an eventfd that {@link #close}
 * signals (a virtual thread would pin its carrier in the downcall). Writing: any thread; the fd is
 * non-blocking and a TUN write does not wait.
 */
final class TunDevice {

    /** The largest datagram a TUN read can return (IPv4/IPv6 length field), plus slack. */
    private static final int READ_BUFFER = 65536;
    /** Reads per wake-up before polling again, so one busy interface cannot starve the poll. */
    private static final int READS_PER_WAKEUP = 64;

    final int fd;
    final String name;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment writeBuffer = arena.allocate(READ_BUFFER);
    private final MemorySegment writeCapture = Libc.allocateCapture(arena);
    private final AtomicLong dropped = new AtomicLong();
    private Thread reader;
    private boolean closed;

    private TunDevice(int fd, String name, int wakeFd) {
        this.fd = fd;
        this.name = name;
        this.wakeFd = wakeFd;
    }

    /** Opens /dev/net/tun and creates the interface; {@code pattern} may hold the kernel's %d. */
    static TunDevice create(String pattern) throws NetException {
        int fd;
        try {
            fd = Libc.open("/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        } catch (Libc.ErrnoException e) {
            throw new NetException("cannot open /dev/net/tun: " + e.getMessage());
        }
        String name;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = Structs.ifreq(a, pattern);
            r.set(JAVA_SHORT, Structs.IFR_IFRU, (short) (Structs.IFF_TUN | Structs.IFF_NO_PI));
            Libc.ioctl(fd, Structs.TUNSETIFF, r, "TUNSETIFF " + pattern);
            name = Structs.ifrName(r);
        } catch (Libc.ErrnoException e) {
            Libc.close(fd);
            String hint = e.errno == Libc.EPERM || e.errno == Libc.EACCES ? " (needs CAP_NET_ADMIN)"
                    : e.errno == Libc.EBUSY ? " (an interface of that name exists and is in use)" : "";
            throw new NetException("cannot create interface " + pattern + ": " + e.getMessage() + hint);
        }
        int wake;
        try {
            wake = Libc.eventfd();
        } catch (Libc.ErrnoException e) {
            Libc.close(fd);
            throw new NetException(e.getMessage());
        }
        return new TunDevice(fd, name, wake);
    }

    /** Starts the reader thread: each datagram the host routes into the interface goes to {@code sink}. */
    synchronized void startReading(DatagramSink sink) {
        reader = Thread.ofPlatform().name("tun-" + name).daemon().start(() -> readLoop(sink));
    }

    private void readLoop(DatagramSink sink) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(READ_BUFFER);
            MemorySegment capture = Libc.allocateCapture(a);
            MemorySegment fds = a.allocate(Libc.POLLFD, 2);
            long size = Libc.POLLFD.byteSize();
            fds.set(JAVA_INT, 0, fd);
            fds.set(JAVA_SHORT, 4, (short) Libc.POLLIN);
            fds.set(JAVA_INT, size, wakeFd);
            fds.set(JAVA_SHORT, size + 4, (short) Libc.POLLIN);
            while (true) {
                fds.set(JAVA_SHORT, 6, (short) 0);
                fds.set(JAVA_SHORT, size + 6, (short) 0);
                int n = Libc.poll(fds, 2, -1, capture);
                if (n < 0) {
                    if (Libc.lastErrno(capture) == Libc.EINTR) {
                        continue;
                    }
                    return;
                }
                if (fds.get(JAVA_SHORT, size + 6) != 0) {
                    return; // close() asked us to stop
                }
                short revents = fds.get(JAVA_SHORT, 6);
                if ((revents & Libc.POLLIN) == 0) {
                    if (revents != 0) {
                        return; // POLLERR / POLLHUP / POLLNVAL: the device is gone
                    }
                    continue;
                }
                for (int i = 0; i < READS_PER_WAKEUP; i++) {
                    long len = Libc.read(fd, buf, capture);
                    if (len <= 0) {
                        break; // EAGAIN: drained
                    }
                    byte[] datagram = buf.asSlice(0, len).toArray(JAVA_BYTE);
                    if (!sink.send(datagram)) {
                        dropped.incrementAndGet();
                    }
                }
            }
        }
    }

    /** Writes one datagram into the interface (to the host's stack). */
    void write(byte[] datagram, int off, int len) {
        synchronized (writeBuffer) {
            if (closed || len > READ_BUFFER) {
                dropped.incrementAndGet();
                return;
            }
            MemorySegment.copy(datagram, off, writeBuffer, JAVA_BYTE, 0, len);
            if (Libc.write(fd, writeBuffer, len, writeCapture) != len) {
                dropped.incrementAndGet();
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Stops the reader, then closes the fd, which removes the interface. */
    void close() {
        Thread r;
        synchronized (this) {
            r = reader;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment one = a.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            Libc.write(wakeFd, one, 8, Libc.allocateCapture(a));
        }
        if (r != null) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (writeBuffer) {
            closed = true;
            Libc.close(fd);
            Libc.close(wakeFd);
        }
        if (r == null || !r.isAlive()) {
            arena.close();
        }
    }
}
