/**
 * The jras Java API: {@link io.jras.client.RemoteAccess} over the daemon's socket or embedded
 * in-process. Applications see one package; the wire format ({@code rpc}) and the views of the
 * manager's records ({@code internal}) are for the daemon and the CLI only.
 */
module io.jras.client {
    requires io.jras.core;
    requires com.fasterxml.jackson.databind;

    exports io.jras.client;

    // Jackson reads and writes the JSON-RPC records reflectively.
    opens io.jras.client.rpc to com.fasterxml.jackson.databind;
}
