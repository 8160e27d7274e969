package io.jras.net.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls jras-net needs, as java.lang.foreign downcalls (no JNI, no helper binary).
 * Every call captures {@code errno} right after the call (Linker.Option.captureCallState), because
 * the JVM may run other native code that overwrites it before Java could read it.
 *
 * <p>Note for callers on virtual threads: a downcall pins the carrier thread for its duration, so
 * nothing here may block for long on a virtual thread. {@link TunDevice} therefore reads on a
 * platform thread and waits in {@code poll(2)}.
 */
final class Libc {

    // <fcntl.h>, <asm-generic/fcntl.h>
    static final int O_RDWR = 0x2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    // <sys/socket.h>
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    // <poll.h>
    static final int POLLIN = 0x1;
    // <sys/eventfd.h>
    static final int EFD_CLOEXEC = 0x80000;
    // <sched.h>
    static final int CLONE_NEWNET = 0x40000000;
    // <errno.h>
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EPERM = 1;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int ESRCH = 3;
    static final int EBUSY = 16;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = downcall("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = downcall("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    // int ioctl(int fd, unsigned long request, ...): the third argument is variadic.
    private static final MethodHandle IOCTL = downcall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SOCKET = downcall("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle POLL = downcall("poll",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle EVENTFD = downcall("eventfd",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETNS = downcall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /** struct pollfd from <poll.h>: int fd; short events; short revents. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = ERRNO_OPTION;
        System.arraycopy(extra, 0, options, 1, extra.length);
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), fd, options);
    }

    /** A failed call: the function, errno and its text. */
    static final class ErrnoException extends Exception {
        final int errno;

        ErrnoException(String call, int errno) {
            super(call + ": " + strerror(errno) + " (errno " + errno + ")");
            this.errno = errno;
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    static int open(String path, int flags) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(c, a.allocateFrom(path), flags, 0);
            if (fd < 0) {
                throw new ErrnoException("open " + path, errno(c));
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static void close(int fd) {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(a.allocate(CAPTURE), fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** ioctl(fd, request, arg); {@code what} names the call in the error. */
    static void ioctl(int fd, long request, MemorySegment arg, String what) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(CAPTURE);
            int r = (int) IOCTL.invokeExact(c, fd, request, arg);
            if (r < 0) {
                throw new ErrnoException(what, errno(c));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int socket(int domain, int type) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(CAPTURE);
            int fd = (int) SOCKET.invokeExact(c, domain, type, 0);
            if (fd < 0) {
                throw new ErrnoException("socket(" + (domain == AF_INET6 ? "AF_INET6" : "AF_INET") + ")", errno(c));
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int eventfd() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(CAPTURE);
            int fd = (int) EVENTFD.invokeExact(c, 0, EFD_CLOEXEC);
            if (fd < 0) {
                throw new ErrnoException("eventfd", errno(c));
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** setns(2) for the calling thread only: Linux namespaces are per thread. */
    static void setns(int fd, int nstype) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment c = a.allocate(CAPTURE);
            int r = (int) SETNS.invokeExact(c, fd, nstype);
            if (r < 0) {
                throw new ErrnoException("setns", errno(c));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** read(2) into {@code buf}; the capture segment is the caller's, so a read loop allocates nothing. */
    static long read(int fd, MemorySegment buf, MemorySegment capture) {
        try {
            return (long) READ.invokeExact(capture, fd, buf, buf.byteSize());
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long write(int fd, MemorySegment buf, long len, MemorySegment capture) {
        try {
            return (long) WRITE.invokeExact(capture, fd, buf, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int poll(MemorySegment fds, int count, int timeoutMillis, MemorySegment capture) {
        try {
            return (int) POLL.invokeExact(capture, fds, (long) count, timeoutMillis);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static MemorySegment allocateCapture(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int lastErrno(MemorySegment capture) {
        return errno(capture);
    }
}
