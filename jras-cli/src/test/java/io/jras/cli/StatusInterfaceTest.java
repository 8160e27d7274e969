package io.jras.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jras.client.InterfaceStatus;
import io.jras.client.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code jras status} shows the host interface, or why there is none; --json as "interface". */
class StatusInterfaceTest {

    private static Status status(InterfaceStatus i) {
        return new Status(0x1234L, "Office", "", "tcp", "127.0.0.1:7001", "Connected", 0x2000, 0, "", "", false,
                null, null, "2026-11-26T01:00:00Z", "2026-11-26T01:00:01Z", i);
    }

    private static String text(Status s) {
        StringWriter w = new StringWriter();
        StatusCommand.print(new PrintWriter(w, true), s);
        return w.toString();
    }

    @Test
    void anUpInterfaceIsNamed() {
        assertThat(text(status(new InterfaceStatus("jras0", "up", "")))).contains("  interface   jras0 up\n");
    }

    @Test
    void aMissingInterfaceSaysWhy() {
        Status s = status(new InterfaceStatus("", "unavailable", "the process lacks CAP_NET_ADMIN"));
        assertThat(text(s)).contains("  interface   none (the process lacks CAP_NET_ADMIN)");
        assertThat(Json.line(Json.of(s)))
                .contains("\"interface\":{\"name\":\"\",\"state\":\"unavailable\",\"reason\":\"the process lacks CAP_NET_ADMIN\"}");
    }

    @Test
    void interfacesOffPrintNoLine() {
        assertThat(text(status(new InterfaceStatus("", "disabled", "off")))).doesNotContain("interface");
    }
}
