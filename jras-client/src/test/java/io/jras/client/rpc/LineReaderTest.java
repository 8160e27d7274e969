package io.jras.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader(Channels.newChannel(in), max);
        List<String> out = new ArrayList<>();
        LineReader.Line l;
        while ((l = r.next()) != null) {
            out.add(l instanceof LineReader.Line.Text t ? new String(t.bytes(), StandardCharsets.UTF_8) : "<too long>");
        }
        return out;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlineAndDropsACarriageReturnBeforeIt() throws IOException {
        assertThat(lines(bytes("a\nbc\r\n\nd\n"), 10)).containsExactly("a", "bc", "", "d");
    }

    @Test
    void anUnterminatedLastLineIsDropped() throws IOException {
        assertThat(lines(bytes("a\n{\"half\":"), 100)).containsExactly("a");
    }

    @Test
    void aLongLineIsReportedOnceAsItCrossesTheLimitAndItsRestSkipped() throws IOException {
        assertThat(lines(bytes("12345\n123456\n" + "x".repeat(50) + "\nok\n"), 5))
                .containsExactly("12345", "<too long>", "<too long>", "ok");
    }

    @Test
    void theTooLongReportComesBeforeTheLineEnds() throws IOException {
        // A stream that never ends the line: the report must not wait for the newline.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        LineReader r = new LineReader(Channels.newChannel(endless), 1000);
        assertThat(r.next()).isInstanceOf(LineReader.Line.TooLong.class);
    }

    @Test
    void bytesArrivingOneAtATimeMakeTheSameLines() throws IOException {
        byte[] all = "{\"a\":1}\r\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        ReadableByteChannel trickle = new ReadableByteChannel() {
            int pos;

            @Override
            public int read(java.nio.ByteBuffer dst) {
                if (pos == all.length) {
                    return -1;
                }
                dst.put(all[pos++]);
                return 1;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        LineReader r = new LineReader(trickle, 100);
        assertThat(new String(((LineReader.Line.Text) r.next()).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(((LineReader.Line.Text) r.next()).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
        assertThat(r.next()).isNull();
    }
}
