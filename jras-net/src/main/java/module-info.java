/**
 * Host network interfaces on Linux through the FFM API: TUN devices, their addresses, MTU and
 * routes, in a chosen network namespace. No JNI, no helper binary.
 */
module io.jras.net {
    exports io.jras.net;
}
